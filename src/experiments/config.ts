import type { ActivationSpec } from "../layers";
import type { BatchNormPlacement, BiasPlacement, InitSpec } from "../model";
import type { TrainSettings } from "../train";

/** Any JSON value (what a config may contain). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Which data an experiment runs on: a name ("cifar10", "mnist", "synthetic", …) and the loader's
 * options (split sizes, normalization …). Recorded in the config, hashed with it, and shown in
 * reports; the data themselves are passed to `run` separately (`ExperimentData`).
 */
export interface DataSpec {
  readonly name: string;
  readonly options?: { readonly [key: string]: JsonValue };
}

/**
 * One experiment: a plain JSON object, including the seed. `run(config, data)` is a function of
 * these fields and the data only. Optional fields take the defaults of `normalizeConfig`.
 *
 * Example (DD2424 A3, 3-layer with BN):
 * `{ hidden: [50, 50], activation: { name: "relu" }, batchNorm: "before", init: { kind: "he" },
 *    lambda: 0.005, batchSize: 100, schedule: { kind: "cyclical", etaMin: 1e-5, etaMax: 1e-1,
 *    stepSize: { epochs: 5 }, cycles: 2 }, shuffle: true, evaluation: { per: "cycle", times: 10 },
 *    data: { name: "cifar10" }, seed: 1 }`
 */
export interface ExperimentConfig extends TrainSettings {
  /** hidden layer widths (input and output sizes come from the data) */
  readonly hidden: readonly number[];
  readonly activation: ActivationSpec;
  /** batch normalization off, before or after the activation */
  readonly batchNorm: BatchNormPlacement;
  readonly init: InitSpec;
  /** dropout: drop probability on hidden activations, default 0 (off) */
  readonly dropout?: number;
  /** BN moving-average factor α (model default when absent) */
  readonly bnAlpha?: number;
  /** BN ε (model default when absent) */
  readonly bnEps?: number;
  /** which layers have a bias: "all" (DD2424, default) or "firstLayer" (TDT4265's bias trick) */
  readonly biases?: BiasPlacement;
  readonly data: DataSpec;
  readonly seed: number;
}

/** The config with every defaulted field filled in (what `run` records and the cache hashes). */
export function withDefaults(config: ExperimentConfig): ExperimentConfig {
  const out: ExperimentConfig = {
    ...config,
    momentum: config.momentum ?? 0,
    shuffle: config.shuffle ?? false,
    dropout: config.dropout ?? 0,
  };
  if (config.earlyStopping) {
    return {
      ...out,
      earlyStopping: {
        patience: config.earlyStopping.patience,
        restoreBest: config.earlyStopping.restoreBest ?? true,
        minDelta: config.earlyStopping.minDelta ?? 0,
      },
    };
  }
  return out;
}
