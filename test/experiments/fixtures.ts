import { ExperimentConfig, RunResult } from "../../src/experiments";

/** A small, fast config on 20-dimensional blobs (cyclical schedule, 10 evaluations per cycle). */
export function smallConfig(overrides: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return {
    hidden: [16],
    activation: { name: "relu" },
    batchNorm: "off",
    init: { kind: "he" },
    lambda: 0.001,
    batchSize: 20,
    schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 20, cycles: 1 },
    evaluation: { per: "cycle", times: 4 },
    data: { name: "synthetic", options: { dims: 20 } },
    seed: 1,
    ...overrides,
  };
}

/** A result without the fields that legitimately differ between two runs of the same config. */
export function comparable(r: RunResult): Omit<RunResult, "timing" | "fromCache"> {
  const { timing: _t, fromCache: _f, ...rest } = r;
  return rest;
}
