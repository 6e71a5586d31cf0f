/**
 * The TDT4265 Assignment 2 experiments as configs: the published baseline (784-64-10, sigmoid,
 * softmax + cross-entropy, mini-batch SGD with batch size 32 and η = 0.1, early stopping on the
 * validation loss, bias trick on the input only), the "tricks of the trade" each alone and all
 * combined, the topologies (all tricks) and the bonus variants. Pure functions returning configs.
 */
import type { ExperimentConfig } from "../../experiments/config";
import type { Variant } from "../../experiments/variants";

export type { Variant } from "../../experiments/variants";

/** The training-length and evaluation settings a notebook may change (its parameters). */
export interface Tdt4265Settings {
  /** maximum number of epochs (early stopping usually ends sooner) */
  readonly epochs: number;
  /** evaluations of training and validation loss/accuracy per epoch (published: about 20) */
  readonly evaluationsPerEpoch: number;
  /** early-stopping patience, in evaluations */
  readonly patience: number;
  /** evaluate the training curve on the first `trainSubset` training images (final metrics use all) */
  readonly trainSubset?: number;
  readonly seed?: number;
}

/** The report's defaults: 15 epochs at most, 20 evaluations per epoch, patience 2 epochs. */
export const TDT4265_DEFAULTS: Tdt4265Settings = { epochs: 15, evaluationsPerEpoch: 20, patience: 40, trainSubset: 10000 };

/**
 * The standard deviation of uniform(−1, 1), σ = 1/√3: the published baseline draws its weights
 * from uniform(−1, 1); the library has normal initializers only, so the baseline uses
 * normal(0, σ²) with the same variance.
 */
export const UNIFORM_PM1_STD = 1 / Math.sqrt(3);

/** The published baseline (batch size 32, η = 0.1, no momentum, fixed sample order). */
export function tdt4265Baseline(settings: Tdt4265Settings = TDT4265_DEFAULTS): ExperimentConfig {
  const evaluation =
    settings.trainSubset === undefined
      ? { per: "epoch" as const, times: settings.evaluationsPerEpoch }
      : { per: "epoch" as const, times: settings.evaluationsPerEpoch, trainSubset: settings.trainSubset };
  return {
    hidden: [64],
    activation: { name: "sigmoid" },
    batchNorm: "off",
    init: { kind: "normal", sigma: UNIFORM_PM1_STD },
    biases: "firstLayer",
    lambda: 0,
    batchSize: 32,
    schedule: { kind: "constant", eta: 0.1 },
    epochs: settings.epochs,
    momentum: 0,
    shuffle: false,
    evaluation,
    earlyStopping: { patience: settings.patience, restoreBest: true },
    data: { name: "mnist", options: { validationShare: 0.1, standardize: "global" } },
    seed: settings.seed ?? 1,
  };
}

type Trick = (c: ExperimentConfig) => ExperimentConfig;
const shuffle: Trick = (c) => ({ ...c, shuffle: true });
const improvedSigmoid: Trick = (c) => ({ ...c, activation: { name: "improvedSigmoid" } });
const fanIn: Trick = (c) => ({ ...c, init: { kind: "fanIn" } });
const momentum: Trick = (c) => ({ ...c, momentum: 0.9, schedule: { kind: "constant", eta: 0.02 } });

/** Every trick applied to `base`: shuffling, improved sigmoid, fan-in init, momentum 0.9 with η = 0.02. */
export function withAllTricks(base: ExperimentConfig): ExperimentConfig {
  return momentum(fanIn(improvedSigmoid(shuffle(base))));
}

/** Baseline, each trick alone on the baseline, then all tricks combined. */
export function trickVariants(base: ExperimentConfig): Variant[] {
  return [
    { id: "baseline", label: "Baseline", config: base },
    { id: "shuffle", label: "+ shuffling", config: shuffle(base) },
    { id: "improvedSigmoid", label: "+ improved sigmoid", config: improvedSigmoid(base) },
    { id: "fanIn", label: "+ fan-in init", config: fanIn(base) },
    { id: "momentum", label: "+ momentum", config: momentum(base) },
    { id: "allTricks", label: "All tricks", config: withAllTricks(base) },
  ];
}

/** With all tricks: 32, 64 and 128 hidden units, two hidden layers of 60, ten hidden layers of 64. */
export function topologyVariants(base: ExperimentConfig): Variant[] {
  const all = withAllTricks(base);
  const net = (id: string, label: string, hidden: number[]): Variant => ({ id, label, config: { ...all, hidden } });
  return [
    net("hidden32", "784-32-10", [32]),
    net("hidden64", "784-64-10", [64]),
    net("hidden128", "784-128-10", [128]),
    net("hidden60x2", "784-60-60-10", [60, 60]),
    net(
      "hidden64x10",
      "784-(64×10)-10",
      Array.from({ length: 10 }, () => 64),
    ),
  ];
}

/** Bonus, each on top of all tricks: dropout, ReLU, Xavier init, learning-rate decay. */
export function bonusVariants(base: ExperimentConfig, dropout = 0.2, decay = 0.9): Variant[] {
  const all = withAllTricks(base);
  return [
    { id: "allTricks", label: "All tricks", config: all },
    { id: "dropout", label: `+ dropout ${dropout}`, config: { ...all, dropout } },
    { id: "relu", label: "ReLU activation", config: { ...all, activation: { name: "relu" } } },
    { id: "xavier", label: "Xavier init", config: { ...all, init: { kind: "xavier" } } },
    {
      id: "decay",
      label: `+ η × ${decay}/epoch`,
      config: { ...all, schedule: { kind: "exponentialDecay", eta0: 0.02, gamma: decay } },
    },
  ];
}
