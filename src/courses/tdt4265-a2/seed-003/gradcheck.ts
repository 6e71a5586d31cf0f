/**
 * Seed 003's numerical gradient check (2b): "about 50 input images", ε = 0.01, the maximum
 * absolute difference between backpropagation and the numerical gradient, per layer, on the
 * sigmoid 784-64-10 network. Ours: the B network at initialization (seeded), the first `images`
 * training images at full size (784 inputs), centered differences with step h = ε of the mean
 * cross-entropy, every weight and bias (`gradientCheck`).
 */
import { gradientCheck, reducedProblem, type GradCheckRow } from "../../../gradcheck";
import { initMlp } from "../../../model";
import { deriveRng } from "../../../tensor";
import type { TrainData } from "../../../train";
import { mlpSpecOf } from "../../../experiments/run";
import { seed003Base } from "./presets";

/** The seed's check: ≈ 50 images, ε = 0.01. */
export const SEED_003_GRADCHECK = { images: 50, epsilon: 0.01 } as const;

/** Options of `seed003GradientCheck`. */
export interface Seed003GradCheckOptions {
  readonly images?: number;
  readonly epsilon?: number;
  /** input pixels kept (the first ones; default all 784): fewer only for quick checks and tests */
  readonly inputSize?: number;
  /** seed of the initial weights, default 1 */
  readonly seed?: number;
}

/** One row per parameter matrix (W1, b1, W2): shape, maximum absolute and relative differences. */
export function seed003GradientCheck(data: TrainData, opts: Seed003GradCheckOptions = {}): GradCheckRow[] {
  const images = opts.images ?? SEED_003_GRADCHECK.images;
  const epsilon = opts.epsilon ?? SEED_003_GRADCHECK.epsilon;
  const config = seed003Base();
  const d = opts.inputSize ?? data.train.X.rows;
  const spec = mlpSpecOf(config, d, 10);
  const { params, stats } = initMlp(spec, deriveRng(opts.seed ?? 1, "init"));
  const { X, y } = reducedProblem({ X: data.train.X, y: data.train.y, inputSize: d, samples: images });
  return gradientCheck(params, stats, X, y, config.lambda, { h: epsilon });
}

/** Table rows: layer, parameter, shape, max |analytic − numerical|, max relative error. */
export function seed003GradCheckRows(rows: readonly GradCheckRow[]): Record<string, string>[] {
  return rows.map((r) => ({
    Layer: String(r.layer + 1),
    Parameter: r.param,
    Shape: `${r.shape[0]} × ${r.shape[1]}`,
    "Max absolute difference": r.maxAbsoluteError.toExponential(2),
    "Max relative error": r.maxRelativeError.toExponential(2),
  }));
}
