import type { HistoryRow, SplitMetrics, Timing, TrainStatus } from "../train";
import type { ExperimentConfig } from "./config";

/** How a run ended: a training status, or "failed" when it threw (bad config, a bug, …). */
export type RunStatus = TrainStatus | "failed";

/**
 * Everything one run produced; plain data (structured-clone and JSON safe, NaN/∞ aside — the
 * cache encodes those). Trained parameters are not part of it (see `train` for those).
 */
export interface RunResult {
  /** the config as run, defaults filled in */
  readonly config: ExperimentConfig;
  readonly status: RunStatus;
  /** "diverged at step N", the error message of a failed run, or "stopped early at step N (best step M)" */
  readonly message?: string;
  /** the update step whose cost was NaN/∞ (status "diverged") */
  readonly divergedAtStep?: number;
  /** update steps made */
  readonly steps: number;
  /** steps / update steps per epoch */
  readonly epochs: number;
  /** with early stopping: the step of the best validation loss (whose parameters were restored) */
  readonly bestStep?: number;
  /** tidy learning-curve rows (train and validation during training, test at the end) */
  readonly history: readonly HistoryRow[];
  /** metrics before any update (the reports' "accuracy (untrained)") */
  readonly untrained?: SplitMetrics;
  /** metrics of the final (or, with early stopping, the restored best) parameters */
  readonly final?: SplitMetrics;
  readonly parameterCount?: number;
  readonly timing: Timing;
  readonly data: { readonly fingerprint: string; readonly provenance: string };
  /** the engine's code version (see `codeVersion`) and the matrix kernel used */
  readonly codeVersion: string;
  /** set (true) only on results returned from the result cache; never stored */
  readonly fromCache?: boolean;
}
