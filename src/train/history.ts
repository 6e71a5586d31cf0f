/** The three data splits of an experiment. */
export type SplitName = "train" | "validation" | "test";

/** Cost J = loss + λ·Σ‖W‖², mean cross-entropy loss, and accuracy (fraction in [0, 1]). */
export interface Metrics {
  readonly cost: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** Metrics on each split. */
export interface SplitMetrics {
  readonly train: Metrics;
  readonly validation: Metrics;
  readonly test: Metrics;
}

/**
 * One tidy learning-curve record: the metrics on one split after `step` updates.
 * `epoch` = step / (update steps per epoch), fractional; `eta` = the learning rate of the next
 * update (η(step)).
 */
export interface HistoryRow extends Metrics {
  readonly step: number;
  readonly epoch: number;
  readonly split: SplitName;
  readonly eta: number;
}

/** How a training run ended. */
export type TrainStatus = "completed" | "stoppedEarly" | "diverged";

/** Wall-clock times in milliseconds. */
export interface Timing {
  readonly totalMs: number;
  /** time spent in update steps (forward, backward, update) */
  readonly trainMs: number;
  /** time spent evaluating */
  readonly evalMs: number;
  /** trainMs / steps */
  readonly msPerStep: number;
}
