import type { ExperimentConfigShape } from "../schema";

/** Any JSON value (what a config may contain). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Which data an experiment runs on: a name ("cifar10", "mnist", "synthetic", …) and the loader's
 * options (split sizes, normalization …). Recorded in the config, hashed with it, and shown in
 * reports; the data themselves are passed to `run` separately (`ExperimentData`).
 */
export type { DataSpec } from "../schema";

/**
 * One experiment: a plain JSON object, including the seed: the network as `MlpSpec` describes it
 * (hidden widths, activation, BN placement, init, dropout …; input and output sizes come from the
 * data), the training settings, the data's name and options. `run(config, data)` is a function of
 * these fields and the data only. Optional fields take the defaults of `withDefaults`. The type is
 * the schema's (src/schema/experiment.ts; field reference: docs/experiment-config.md).
 *
 * Example (DD2424 A3, 3-layer with BN):
 * `{ hidden: [50, 50], activation: { name: "relu" }, batchNorm: "before", init: { kind: "he" },
 *    lambda: 0.005, batchSize: 100, schedule: { kind: "cyclical", etaMin: 1e-5, etaMax: 1e-1,
 *    stepSize: { epochs: 5 }, cycles: 2 }, shuffle: true, evaluation: { per: "cycle", times: 10 },
 *    data: { name: "cifar10" }, seed: 1 }`
 */
export type ExperimentConfig = ExperimentConfigShape;

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
