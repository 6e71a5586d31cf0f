import type { ExperimentConfig } from "../../experiments/config";

/**
 * The networks and base settings of DD2424 Assignment 3 (k-layer MLP with BatchNorm on CIFAR-10).
 * Widths are the hidden layers; the output layer (K = 10) comes from the data.
 */
export const DD2424_A3_NETWORKS = {
  /** 3-layer network */
  threeLayer: [50, 50],
  /** 4-layer network of the gradient check */
  fourLayer: [50, 50, 50],
  /** 9-layer network */
  nineLayer: [50, 30, 20, 20, 10, 10, 10, 10],
  /** deeper BN networks of the "optimizing" section */
  deep604050: [60, 50, 40],
  deep807060504030: [80, 70, 60, 50, 40, 30],
  /** the "12-layer (120, 110, …, 20, 10)" network read as 11 hidden layers 120 … 20 and the 10-way output */
  twelveLayer: [120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20],
} as const satisfies Readonly<Record<string, readonly number[]>>;

/** What the report notebooks shrink for quick runs (tests) and set to the assignment's values for the report. */
export interface Dd2424Schedule {
  /** step size n_s in update steps (assignment: 5·45,000/100 = 2,250) */
  readonly nS: number;
  /** number of cycles (assignment: 2) */
  readonly cycles: number;
  /** evaluations per cycle (assignment: 10) */
  readonly evalTimes: number;
  /** evaluate the training split on its first samples only (default: all of it) */
  readonly trainSubset?: number;
  /** validation images held out of batches 1–5 (assignment: 5,000), recorded in the config */
  readonly validationSize: number;
}

/**
 * The assignment's base config: 3-layer (50, 50) ReLU network without BN, He initialization,
 * λ = 0.005, batch 100, cyclical η from 1e-5 to 1e-1 with step size `s.nS` for `s.cycles`
 * cycles, no shuffling, `s.evalTimes` evaluations per cycle, seed 1; `over` replaces any field.
 */
export function dd2424Config(s: Dd2424Schedule, over: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return {
    hidden: DD2424_A3_NETWORKS.threeLayer,
    activation: { name: "relu" },
    batchNorm: "off",
    init: { kind: "he" },
    lambda: 0.005,
    batchSize: 100,
    schedule: { kind: "cyclical", etaMin: 1e-5, etaMax: 1e-1, stepSize: s.nS, cycles: s.cycles },
    shuffle: false,
    evaluation: { per: "cycle", times: s.evalTimes, ...(s.trainSubset !== undefined ? { trainSubset: s.trainSubset } : {}) },
    data: { name: "cifar10", options: { validationSize: s.validationSize } },
    seed: 1,
    ...over,
  };
}

/** The config run for `cycles` cycles (other schedule fields kept); cyclical schedules only. */
export function withCycles(config: ExperimentConfig, cycles: number): ExperimentConfig {
  if (config.schedule.kind !== "cyclical") throw new RangeError(`withCycles: schedule.kind is "${config.schedule.kind}", not "cyclical"`);
  return { ...config, schedule: { ...config.schedule, cycles } };
}

/** "9-layer (50, 30, 20, 20, 10, 10, 10, 10)" for hidden widths. */
export function networkLabel(hidden: readonly number[]): string {
  return `${hidden.length + 1}-layer (${hidden.join(", ")})`;
}
