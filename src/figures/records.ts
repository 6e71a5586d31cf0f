/**
 * Tidy record types the figure builders read. One record is one plotted observation; the
 * builders never mutate them and copy only the fields they plot into the spec's inline data.
 * Accuracies are fractions in [0, 1]; where several seeds were run, `accuracy` is their mean and
 * `std` their standard deviation.
 */

/**
 * The data split an observation was measured on, as records may spell it: "train" (src/train's
 * `SplitName`) and "training" name the same split, shown as "training" in every legend.
 */
export type FigureSplit = "train" | "training" | "validation" | "test";

/** A split as the figures label it. */
export type SplitLabel = "training" | "validation" | "test";

/** The split labels, in legend order. */
export const SPLIT_LABELS: readonly SplitLabel[] = ["training", "validation", "test"];

/** The x field of a learning curve: update step or epoch. */
export type CurveX = "step" | "epoch";

/** A per-step quantity of a learning curve. */
export type Metric = "cost" | "loss" | "accuracy";

/**
 * One evaluation during training (src/train's `HistoryRow` has this shape): `cost` is the loss
 * plus the L2 term λ‖W‖², `loss` the mean cross-entropy, `eta` the learning rate at that step.
 * Non-finite cost/loss/accuracy (a diverged run) leave gaps in the lines.
 */
export interface CurveRow {
  readonly step: number;
  readonly epoch: number;
  readonly split: FigureSplit;
  readonly cost: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly eta: number;
}

/** One named training run for `compareCurves` (e.g. a "tricks of the trade" variant). */
export interface CurveRun {
  readonly label: string;
  readonly history: readonly CurveRow[];
}

/** One λ of a regularization search, on one split. */
export interface LambdaRow {
  readonly lambda: number;
  readonly split: FigureSplit;
  readonly accuracy: number;
  readonly std?: number;
}

/** One (σ, BN) cell of the initialization-sensitivity experiment. */
export interface InitSensitivityRow {
  readonly sigma: number;
  readonly batchNorm: boolean;
  readonly accuracy: number;
  readonly std?: number;
}

/** One architecture (or any named variant) with its accuracy. */
export interface ArchitectureRow {
  readonly label: string;
  readonly accuracy: number;
  readonly std?: number;
}

/** One parameter tensor of a gradient check: its layer (1-based number or name) and error. */
export interface GradientErrorRow {
  readonly layer: number | string;
  readonly param: string;
  readonly maxRelativeError: number;
}

/** The learning rate η at one update step (curve/history rows fit this shape too). */
export interface EtaRow {
  readonly step: number;
  readonly eta: number;
}
