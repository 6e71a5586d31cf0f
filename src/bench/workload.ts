import { Matrix, byteMatrix, columnsView, createRng } from "../tensor";
import type { MlpSpec } from "../model";
import type { TrainData, TrainSettings } from "../train";

/**
 * The benchmark workload, exactly the peer scripts' (../shared/bench/numpy_a3.py, torch_a3.py):
 * DD2424 Assignment 3 with BN before ReLU, He init, λ = 0.005, batch 100, cyclical η from 1e-5
 * to 1e-1 with n_s = 2,250 for 2 cycles (9,000 steps), no momentum, BN α = 0.9, and 10
 * evaluations per cycle of the training (45,000) and validation (5,000) sets, on synthetic data
 * of CIFAR-10's shape (d = 3,072, K = 10).
 */
export type A3BenchConfig = "3L-BN" | "9L-BN";

/** The hidden layer widths of each configuration (as the NumPy script's CONFIGS). */
export const A3_BENCH_HIDDEN: Readonly<Record<A3BenchConfig, readonly number[]>> = {
  "3L-BN": [50, 50],
  "9L-BN": [50, 30, 20, 20, 10, 10, 10, 10],
};

/** Every parameter of one benchmark run. */
export interface A3Workload {
  readonly config: A3BenchConfig;
  readonly hidden: readonly number[];
  readonly inputSize: number;
  readonly classes: number;
  readonly nTrain: number;
  readonly nValidation: number;
  readonly batchSize: number;
  /** n_s of the full schedule */
  readonly stepSize: number;
  readonly cycles: number;
  readonly lambda: number;
  readonly etaMin: number;
  readonly etaMax: number;
  readonly bnAlpha: number;
  readonly evalsPerCycle: number;
  /** steps actually run (the full 2·n_s·cycles, or fewer for a partial run that is extrapolated) */
  readonly steps: number;
}

/** Overrides of `a3Workload` (partial runs, smaller data for smoke tests). */
export interface A3WorkloadOptions {
  readonly steps?: number;
  readonly nTrain?: number;
  readonly nValidation?: number;
}

/** The workload for `config`; `steps` (≤ the full 9,000) makes it a partial run. */
export function a3Workload(config: A3BenchConfig, opts: A3WorkloadOptions = {}): A3Workload {
  const hidden = A3_BENCH_HIDDEN[config];
  if (!hidden) throw new RangeError(`a3Workload: unknown config "${config}" (expected ${Object.keys(A3_BENCH_HIDDEN).join(" or ")})`);
  const base = {
    config,
    hidden,
    inputSize: 3072,
    classes: 10,
    nTrain: opts.nTrain ?? 45000,
    nValidation: opts.nValidation ?? 5000,
    batchSize: 100,
    stepSize: 2250,
    cycles: 2,
    lambda: 0.005,
    etaMin: 1e-5,
    etaMax: 1e-1,
    bnAlpha: 0.9,
    evalsPerCycle: 10,
  };
  const full = 2 * base.stepSize * base.cycles;
  const steps = opts.steps ?? full;
  if (!(Number.isInteger(steps) && steps >= 4 && steps % 4 === 0 && steps <= full)) {
    throw new RangeError(`a3Workload: steps must be a multiple of 4 in 4 … ${full}, got ${steps}`);
  }
  if (!(base.nTrain >= base.batchSize && base.nValidation >= 1)) {
    throw new RangeError(`a3Workload: need nTrain ≥ ${base.batchSize} and nValidation ≥ 1, got ${base.nTrain}, ${base.nValidation}`);
  }
  return { ...base, steps };
}

/** Steps and train+validation evaluation passes of the full schedule (9,000 and 20). */
export function fullSchedule(w: A3Workload): { steps: number; evalPasses: number } {
  return { steps: 2 * w.stepSize * w.cycles, evalPasses: w.evalsPerCycle * w.cycles };
}

/** Layer sizes d, hidden…, K. */
export function layerSizesOf(w: A3Workload): number[] {
  return [w.inputSize, ...w.hidden, w.classes];
}

/** Matrix-product flops of one training step (W·X, G·Xᵀ, and Wᵀ·G except for the first layer), as NumPy counts them. */
export function matmulFlopsPerStep(sizes: readonly number[], batch: number): number {
  let f = 0;
  for (let l = 0; l + 1 < sizes.length; l++) f += (l > 0 ? 3 : 2) * 2 * sizes[l] * sizes[l + 1] * batch;
  return f;
}

/** Matrix-product flops of one evaluation (forward pass) over n samples. */
export function matmulFlopsEval(sizes: readonly number[], n: number): number {
  let f = 0;
  for (let l = 0; l + 1 < sizes.length; l++) f += 2 * sizes[l] * sizes[l + 1] * n;
  return f;
}

/** The network of the workload. */
export function workloadSpec(w: A3Workload): MlpSpec {
  return {
    inputSize: w.inputSize,
    outputSize: w.classes,
    hidden: w.hidden,
    activation: { name: "relu" },
    batchNorm: "before",
    init: { kind: "he" },
    bnAlpha: w.bnAlpha,
  };
}

/**
 * The training settings of the workload. A partial run of S steps keeps 2 cycles and 10
 * evaluations per cycle with n_s = S/4, so its per-step and per-evaluation costs can be
 * extrapolated to the full schedule; the data are reshuffled every epoch, as in NumPy.
 */
export function workloadSettings(w: A3Workload): TrainSettings {
  return {
    lambda: w.lambda,
    batchSize: w.batchSize,
    shuffle: true,
    momentum: 0,
    schedule: { kind: "cyclical", etaMin: w.etaMin, etaMax: w.etaMax, stepSize: w.steps / (2 * w.cycles), cycles: w.cycles },
    evaluation: { per: "cycle", times: w.evalsPerCycle },
  };
}

/**
 * Synthetic data of CIFAR-10's shape for timing (the values do not change the work): pixels drawn
 * uniformly from 0 … 255, kept as bytes as the CIFAR-10 loader keeps them (`byteMatrix`), and
 * standardized with the population mean 127.5 and standard deviation √((256² − 1)/12) ≈ 73.9
 * (NumPy standardizes with the sample statistics: the same up to noise), random labels. X: d × n.
 * The test split is a 100-column view of the validation set (the benchmark does not time it; it
 * keeps the memory to train + validation).
 */
export function syntheticCifarShaped(w: A3Workload, seed = 0): TrainData {
  const rng = createRng(`bench-a3/${seed}`);
  const std = Math.sqrt((256 * 256 - 1) / 12);
  const scale = new Float64Array(w.inputSize).fill(1 / std);
  const shift = new Float64Array(w.inputSize).fill(-127.5 / std);
  const split = (n: number): { X: Matrix; y: Int32Array } => {
    const bytes = new Uint8Array(w.inputSize * n);
    for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(rng.uniform() * 256);
    const y = new Int32Array(n);
    for (let j = 0; j < n; j++) y[j] = rng.int(w.classes);
    return { X: byteMatrix(w.inputSize, n, { bytes, scale, shift }), y };
  };
  const train = split(w.nTrain);
  const validation = split(w.nValidation);
  const nTest = Math.min(100, w.nValidation);
  const test = { X: columnsView(validation.X, 0, nTest), y: validation.y.subarray(0, nTest) };
  return { train, validation, test };
}
