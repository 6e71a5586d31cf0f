import { EarlyStoppingSpec } from "./early-stopping";
import { EvaluationSpec } from "./evaluation-schedule";
import { NoiseSpec } from "./noise";
import { ScheduleSpec } from "./schedule";

/**
 * Everything the training loop needs besides the network and the data; plain JSON. The experiment
 * config (src/experiments) extends this with the network, data and seed.
 */
export interface TrainSettings {
  /** L2 regularization strength λ in J = mean CE loss + λ·Σ‖W‖² */
  readonly lambda: number;
  readonly batchSize: number;
  readonly schedule: ScheduleSpec;
  /** training length in epochs; required unless the schedule is cyclical (cycles fix the length) */
  readonly epochs?: number;
  /** momentum μ ∈ [0, 1), default 0 (plain mini-batch GD) */
  readonly momentum?: number;
  /** reshuffle the training samples at the start of every epoch (default false: fixed order) */
  readonly shuffle?: boolean;
  /** input noise added to every mini-batch on the fly (default none) */
  readonly noise?: NoiseSpec;
  readonly evaluation: EvaluationSpec;
  /** stop on the validation loss (default: train for the full length) */
  readonly earlyStopping?: EarlyStoppingSpec;
}
