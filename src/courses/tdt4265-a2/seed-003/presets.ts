/**
 * Seed 003's own setup as configs (TDT4265 Assignment 2, 2019; quotes in `../seeds/003.ts`):
 * 784-64-10, 10 % validation, batch 128, η = 0.5, 15 epochs, no early stopping, 20 evaluations
 * per epoch; tricks added cumulatively B → S → S+I → S+I+N → S+I+N+M (momentum μ = 0.9 at
 * η = 0.05); hidden sizes 5 … 128 and 60-60 with S+I+N; momentum at η = 0.5 against 0.05; the
 * combined bonus (dropout + ReLU + Xavier + η decay).
 *
 * Gradient normalization. The seed trains "without normalizing the gradients like the loss". Two
 * readings, both offered: "sum" — the update is η·Σ_j ∇ℓ_j over the batch (the loss is a mean, its
 * gradient is not divided by B); "mean" — the update is η·(1/B)·Σ_j ∇ℓ_j, as the library's loss.
 * The library's gradient is the mean, so "sum" is run as η_eff = η·B on it: with B = 128 = 2⁷ the
 * two are the same floating-point numbers (scaling by a power of two is exact, and (P − Y)/B is
 * computed as exact scalings), so no engine option is needed and the engine stays untouched.
 */
import type { ExperimentConfig } from "../../../experiments/config";
import { UNIFORM_PM1_STD, type Variant } from "../presets";

/** The two readings of "without normalizing the gradients like the loss" (see the file comment). */
export type GradientNormalization = "sum" | "mean";

/** The seed's numbers: batch size, learning rates, momentum, epochs, evaluations per epoch. */
export const SEED_003 = {
  batchSize: 128,
  learningRate: 0.5,
  momentumLearningRate: 0.05,
  momentum: 0.9,
  epochs: 15,
  evaluationsPerEpoch: 20,
  hidden: [[5], [10], [20], [32], [64], [128], [60, 60]] as readonly (readonly number[])[],
} as const;

/** What a notebook may change: the training length, the evaluation cost, the reading, the seed. */
export interface Seed003Settings {
  readonly epochs: number;
  readonly evaluationsPerEpoch: number;
  /** evaluate the training curve on the first `trainSubset` images (final metrics use all) */
  readonly trainSubset?: number;
  readonly normalization: GradientNormalization;
  readonly seed?: number;
}

/** The seed's settings, the "sum" reading, curves on 10,000 training images. */
export const SEED_003_DEFAULTS: Seed003Settings = {
  epochs: SEED_003.epochs,
  evaluationsPerEpoch: SEED_003.evaluationsPerEpoch,
  trainSubset: 10000,
  normalization: "sum",
};

/** The η the library's mean-gradient step needs to make the seed's step with learning rate `lr`. */
export function effectiveEta(lr: number, batchSize: number, normalization: GradientNormalization): number {
  if (normalization === "mean") return lr;
  if (normalization === "sum") return lr * batchSize;
  throw new RangeError(`gradient normalization: expected "sum" or "mean", got ${JSON.stringify(normalization)}`);
}

/** Row B: sigmoid 784-64-10, base init, fixed sample order, no momentum, no early stopping. */
export function seed003Base(settings: Seed003Settings = SEED_003_DEFAULTS): ExperimentConfig {
  const { trainSubset, evaluationsPerEpoch: times } = settings;
  return {
    hidden: [64],
    activation: { name: "sigmoid" },
    batchNorm: "off",
    init: { kind: "normal", sigma: UNIFORM_PM1_STD },
    biases: "firstLayer",
    lambda: 0,
    batchSize: SEED_003.batchSize,
    epochs: settings.epochs,
    momentum: 0,
    shuffle: false,
    schedule: { kind: "constant", eta: effectiveEta(SEED_003.learningRate, SEED_003.batchSize, settings.normalization) },
    evaluation: trainSubset === undefined ? { per: "epoch", times } : { per: "epoch", times, trainSubset },
    data: { name: "mnist", options: { validationShare: 0.1, standardize: "global" } },
    seed: settings.seed ?? 1,
  };
}

/** Momentum μ = 0.9 at learning rate `lr` (the seed's η, before the normalization reading). */
function withMomentum(c: ExperimentConfig, lr: number, normalization: GradientNormalization): ExperimentConfig {
  return { ...c, momentum: SEED_003.momentum, schedule: { kind: "constant", eta: effectiveEta(lr, c.batchSize, normalization) } };
}

/** Table 0.1: B, then S, I, N, M each added to the row before (cumulative). */
export function seed003Tricks(settings: Seed003Settings = SEED_003_DEFAULTS): Variant[] {
  const b = seed003Base(settings);
  const s: ExperimentConfig = { ...b, shuffle: true };
  const i: ExperimentConfig = { ...s, activation: { name: "improvedSigmoid" } };
  const n: ExperimentConfig = { ...i, init: { kind: "fanIn" } };
  const m = withMomentum(n, SEED_003.momentumLearningRate, settings.normalization);
  return [
    { id: "B", label: "B", config: b },
    { id: "S", label: "B + S", config: s },
    { id: "I", label: "B + S + I", config: i },
    { id: "N", label: "B + S + I + N", config: n },
    { id: "M", label: "B + S + I + N + M (η = 0.05)", config: m },
  ];
}

/** S + I + N: every trick but momentum (Task 4's setup). */
export function seed003AllButMomentum(settings: Seed003Settings = SEED_003_DEFAULTS): ExperimentConfig {
  return seed003Tricks(settings)[3].config;
}

/** Table 0.2: hidden 5, 10, 20, 32, 64, 128 and 60-60, each with S + I + N (ids as the block ids). */
export function seed003Topologies(settings: Seed003Settings = SEED_003_DEFAULTS): Variant[] {
  const n = seed003AllButMomentum(settings);
  return SEED_003.hidden.map((hidden) => ({
    id: hidden.join("x"),
    label: `784-${hidden.join("-")}-10`,
    config: { ...n, hidden: [...hidden] },
  }));
}

/** 3 d): S + I + N + M at the original η = 0.5 and at η = 0.05. */
export function seed003MomentumRates(settings: Seed003Settings = SEED_003_DEFAULTS): Variant[] {
  const n = seed003AllButMomentum(settings);
  return [SEED_003.learningRate, SEED_003.momentumLearningRate].map((lr) => ({
    id: `momentum-${lr}`,
    label: `momentum, η = ${lr}`,
    config: withMomentum(n, lr, settings.normalization),
  }));
}

/** The bonus's unstated choices: drop probability and the per-epoch η factor. */
export interface Seed003BonusOptions {
  readonly dropout: number;
  readonly decay: number;
}

/**
 * The combined bonus on Task 4's setup (S, 784-64-10, η = 0.5): ReLU for the improved sigmoid,
 * Xavier for the fan-in init, dropout on the hidden layer, η·decay^epoch.
 */
export function seed003Bonus(settings: Seed003Settings = SEED_003_DEFAULTS, opts: Seed003BonusOptions = { dropout: 0.2, decay: 0.9 }): Variant {
  const n = seed003AllButMomentum(settings);
  const eta0 = effectiveEta(SEED_003.learningRate, n.batchSize, settings.normalization);
  return {
    id: "bonus",
    label: `dropout ${opts.dropout} + ReLU + Xavier + η × ${opts.decay}/epoch`,
    config: {
      ...n,
      activation: { name: "relu" },
      init: { kind: "xavier" },
      dropout: opts.dropout,
      schedule: { kind: "exponentialDecay", eta0, gamma: opts.decay },
    },
  };
}
