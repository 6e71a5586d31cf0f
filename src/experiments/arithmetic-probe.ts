import { createHash } from "crypto";
import { GemmKernel, Matrix, getKernel, setKernel } from "../tensor";
import { ExperimentConfig } from "./config";
import { ExperimentData } from "./data";
import { canonicalJson } from "./hash";
import { train } from "./run";
import { gaussianBlobs } from "./synthetic-data";

/**
 * The probe of the arithmetic promise: short trainings that touch every part of the training path
 * whose rounding could depend on the machine, hashed to one string. Run under each matrix kernel
 * the machine offers it must give one hash; test/experiments/arithmetic-version.test.ts pins that
 * hash for `ARITHMETIC_VERSION`, so any machine (and CI's) checks it against the committed value.
 */

/**
 * The probe hash of each arithmetic version, committed: every machine, kernel and thread count must
 * reproduce the entry of `ARITHMETIC_VERSION` (checked by the tests and by `nnbook probe`).
 */
export const PROBE_HASHES: Readonly<Record<number, string>> = { 1: "b59832ea9b8bd3a2" };

/** 300 inputs: the first product's depth (300 > 256) crosses the kernels' depth blocks. */
const PROBE_DATA = { dims: 300, classes: 5, train: 400, validation: 100, test: 100, separation: 0.3, seed: 2026 };

const base = {
  lambda: 0.002,
  batchSize: 100,
  data: { name: "synthetic", options: { dims: PROBE_DATA.dims } },
} as const;

/**
 * The probe's configurations: BN before the activation with shuffling, momentum, dropout and
 * relative Gaussian noise under a cyclical schedule; BN after the activation with salt-and-pepper
 * noise, step decay and early stopping; no BN with a smooth activation, Xavier init and a constant
 * rate. Batches of 100 × 300 × 64 multiply-adds reach the native kernel's two-thread split.
 */
export const PROBE_CONFIGS: readonly ExperimentConfig[] = [
  {
    ...base,
    hidden: [64, 32, 16],
    activation: { name: "relu" },
    batchNorm: "before",
    init: { kind: "he" },
    schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.1, stepSize: 10, cycles: 2 },
    evaluation: { per: "cycle", times: 5 },
    shuffle: true,
    momentum: 0.9,
    dropout: 0.2,
    noise: { kind: "gaussian", sigma: 0.1, relative: true },
    seed: 7,
  },
  {
    ...base,
    hidden: [48, 24],
    activation: { name: "elu" },
    batchNorm: "after",
    init: { kind: "normal", sigma: 0.05 },
    schedule: { kind: "stepDecay", eta0: 0.05, factor: 0.5, everyEpochs: 2 },
    epochs: 8,
    evaluation: { per: "epoch", times: 2 },
    earlyStopping: { patience: 3 },
    shuffle: true,
    noise: { kind: "saltPepper", fraction: 0.05 },
    seed: 8,
  },
  {
    ...base,
    hidden: [40],
    activation: { name: "improvedSigmoid" },
    batchNorm: "off",
    init: { kind: "xavier" },
    schedule: { kind: "constant", eta: 0.02 },
    epochs: 5,
    evaluation: { per: "epoch", times: 1 },
    seed: 9,
  },
];

function addMatrix(h: ReturnType<typeof createHash>, m: Matrix | undefined): void {
  if (m) h.update(new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength));
}

/**
 * SHA-256 (first 16 hex digits) over the probe trainings under `kernel` (the current one by
 * default): every trained parameter and BN moving average as raw float64 bytes, and each run's
 * result (history, metrics, steps; timings left out) as canonical JSON.
 */
export function probeHash(kernel: GemmKernel = getKernel(), data: ExperimentData = gaussianBlobs(PROBE_DATA)): string {
  const previous = getKernel(); // the kernel in use (made now if none was yet), restored below
  setKernel(kernel);
  try {
    const h = createHash("sha256");
    for (const config of PROBE_CONFIGS) {
      const { result, params, stats } = train(config, data);
      const { timing: _timing, fromCache: _fromCache, ...rest } = result;
      h.update(canonicalJson(rest));
      for (const layer of params.layers) [layer.W, layer.b, layer.gamma, layer.beta].forEach((m) => addMatrix(h, m));
      for (const s of stats) [s.muAv, s.vAv].forEach((m) => addMatrix(h, m));
    }
    return h.digest("hex").slice(0, 16);
  } finally {
    setKernel(previous);
  }
}

/** One row of `probeKernels`: a kernel's name, its probe hash and how long the probe took. */
export interface KernelProbeRow {
  readonly kernel: string;
  readonly hash: string;
  readonly ms: number;
}

/** Runs the probe under each kernel (see `availableKernels` in src/tensor). */
export function probeKernels(kernels: readonly GemmKernel[]): KernelProbeRow[] {
  const data = gaussianBlobs(PROBE_DATA);
  return kernels.map((kernel) => {
    const t0 = Date.now();
    const hash = probeHash(kernel, data);
    return { kernel: kernel.name, hash, ms: Date.now() - t0 };
  });
}
