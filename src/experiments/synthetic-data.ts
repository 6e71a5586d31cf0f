import { Matrix, createRng, deriveRng, Rng } from "../tensor";
import type { LabeledSet } from "../train";
import { ExperimentData } from "./data";
import { canonicalJson, sha256Hex } from "./hash";

/** Options of `gaussianBlobs`. */
export interface BlobOptions {
  /** input dimension d */
  readonly dims: number;
  readonly classes: number;
  /** samples per split */
  readonly train: number;
  readonly validation: number;
  readonly test: number;
  /** std of the class means around 0 (the samples have unit std around their mean); default 1 */
  readonly separation?: number;
  readonly seed: number;
  /** back the arrays with SharedArrayBuffers (default true) */
  readonly shared?: boolean;
}

function blobSplit(n: number, means: Float64Array, opts: BlobOptions, rng: Rng): LabeledSet {
  const d = opts.dims;
  const shared = opts.shared ?? true;
  const X: Matrix = { rows: d, cols: n, data: new Float64Array(shared ? new SharedArrayBuffer(8 * d * n) : new ArrayBuffer(8 * d * n)) };
  const y = new Int32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n));
  for (let j = 0; j < n; j++) {
    const c = rng.int(opts.classes);
    y[j] = c;
    for (let i = 0; i < d; i++) X.data[i + j * d] = means[i + c * d] + rng.normal();
  }
  return { X, y };
}

/**
 * Synthetic classification data for tests and benchmarks: K Gaussian blobs in d dimensions.
 * Class means ~ N(0, separation²·I); each sample = its class mean + N(0, I); labels uniform.
 * Deterministic in the options (the fingerprint is a hash of them). X is d × n.
 */
export function gaussianBlobs(opts: BlobOptions): ExperimentData {
  const { dims: d, classes: K } = opts;
  if (!(Number.isInteger(d) && d >= 1 && Number.isInteger(K) && K >= 2)) {
    throw new RangeError(`gaussianBlobs: need integer dims ≥ 1 and classes ≥ 2, got dims=${d}, classes=${K}`);
  }
  const sep = opts.separation ?? 1;
  const meanRng = deriveRng(opts.seed, "blob-means");
  const means = new Float64Array(d * K);
  for (let k = 0; k < means.length; k++) means[k] = sep * meanRng.normal();
  const key = canonicalJson({ generator: "gaussianBlobs/v1", ...opts, shared: undefined, separation: sep });
  return {
    train: blobSplit(opts.train, means, opts, createRng(`${opts.seed}/blob-train`)),
    validation: blobSplit(opts.validation, means, opts, createRng(`${opts.seed}/blob-validation`)),
    test: blobSplit(opts.test, means, opts, createRng(`${opts.seed}/blob-test`)),
    K,
    fingerprint: `synthetic:${sha256Hex(key)}`,
    provenance:
      `synthetic Gaussian blobs (d = ${d}, K = ${K}, separation ${sep}, seed ${opts.seed}; ` + `${opts.train}/${opts.validation}/${opts.test} samples)`,
  };
}
