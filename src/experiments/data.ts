import type { LabeledSet, TrainData } from "../train";
import { Matrix, byteMatrix, reviveMatrix } from "../tensor/matrix";

/**
 * What `run` trains on: the three splits, a fingerprint that changes whenever the data change
 * (part of the result-cache key), and a human-readable provenance (shown in report headers).
 * `K` is the number of classes (default: 1 + the largest training label). src/data's `DataSplits`
 * (loadCifar10, loadMnist) has exactly these fields, so it can be passed as is. Loaders should back the arrays with
 * SharedArrayBuffers (see `shareData`) so a parallel sweep shares them with its workers uncopied.
 */
export interface ExperimentData extends TrainData {
  readonly fingerprint: string;
  readonly provenance: string;
  readonly K?: number;
}

const SPLITS = ["train", "validation", "test"] as const;

/** K: `data.K`, or 1 + the largest training label. */
export function numClasses(data: ExperimentData): number {
  if (data.K !== undefined) return data.K;
  let max = -1;
  for (const label of data.train.y) if (label > max) max = label;
  return max + 1;
}

/**
 * Checks shapes and labels: X is d × n with the same d in every split, y has n labels in
 * 0 … K−1, the training split is not empty. Throws naming the split and field.
 */
export function checkExperimentData(data: ExperimentData): void {
  const d = data.train.X.rows;
  const K = numClasses(data);
  if (!(Number.isInteger(K) && K >= 2)) throw new RangeError(`data.K (number of classes): expected an integer ≥ 2, got ${K}`);
  for (const name of SPLITS) {
    const s = data[name];
    if (!s || !s.X || !(s.y instanceof Int32Array)) throw new TypeError(`data.${name}: expected { X: Matrix, y: Int32Array }`);
    if (s.X.rows !== d) throw new RangeError(`data.${name}.X: ${s.X.rows} rows, but data.train.X has ${d}`);
    if (s.y.length !== s.X.cols) throw new RangeError(`data.${name}.y: ${s.y.length} labels for ${s.X.cols} samples`);
    for (let j = 0; j < s.y.length; j++) {
      if (!(s.y[j] >= 0 && s.y[j] < K)) throw new RangeError(`data.${name}.y[${j}] = ${s.y[j]} is outside 0 … ${K - 1}`);
    }
  }
  if (data.train.X.cols === 0) throw new RangeError("data.train: no samples");
}

function isShared(a: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== "undefined" && a.buffer instanceof SharedArrayBuffer;
}

function shareFloat64(a: Float64Array): Float64Array {
  if (isShared(a)) return a;
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

function shareInt32(a: Int32Array): Int32Array {
  if (isShared(a)) return a;
  const out = new Int32Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/**
 * The same data backed by SharedArrayBuffers (arrays already shared are kept, not copied), so
 * posting it to worker threads shares memory instead of copying 1 GB per worker.
 */
export function shareData(data: ExperimentData): ExperimentData {
  const share = (s: LabeledSet): LabeledSet => ({ X: shareMatrix(s.X), y: shareInt32(s.y) });
  return { ...data, train: share(data.train), validation: share(data.validation), test: share(data.test) };
}

/** X backed by shared memory: a byte matrix keeps its bytes (copied only if not shared yet). */
function shareMatrix(X: Matrix): Matrix {
  if (!X.encoded) return { rows: X.rows, cols: X.cols, data: shareFloat64(X.data) };
  const { bytes, scale, shift } = X.encoded;
  if (isShared(bytes)) return X;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return byteMatrix(X.rows, X.cols, { bytes: copy, scale, shift });
}

/**
 * Data that arrived through a worker's `workerData` or a message made whole again: matrices kept
 * as bytes lose their class in the structured clone and get it back here (see `reviveMatrix`).
 */
export function reviveData(data: ExperimentData): ExperimentData {
  const revive = (s: LabeledSet): LabeledSet => ({ ...s, X: reviveMatrix(s.X) });
  return { ...data, train: revive(data.train), validation: revive(data.validation), test: revive(data.test) };
}
