import type { EarlyStoppingSpec } from "../schema";
/**
 * Early stopping on the validation loss. `patience` counts EVALUATIONS (not epochs or steps):
 * training stops at the first evaluation that makes `patience` consecutive evaluations without
 * an improvement over the best validation loss so far (improvement = lower by more than
 * `minDelta`, default 0). With `restoreBest` (default true) the training loop puts back the
 * parameters and BN statistics of the best evaluation before computing the final metrics.
 */
export type { EarlyStoppingSpec } from "../schema";

/** What one observation concluded. */
export interface EarlyStoppingVerdict {
  /** this evaluation is the new best (the loop snapshots the parameters) */
  readonly improved: boolean;
  /** patience is exhausted: stop training now */
  readonly stop: boolean;
}

/** A stateful tracker fed one validation loss per evaluation. */
export interface EarlyStopper {
  observe(step: number, validationLoss: number): EarlyStoppingVerdict;
  /** step of the best evaluation so far (−1 before the first observation) */
  readonly bestStep: number;
  readonly bestLoss: number;
}

/** A tracker for `spec`; throws naming the field on a bad patience or minDelta. */
export function createEarlyStopper(spec: EarlyStoppingSpec): EarlyStopper {
  if (!Number.isInteger(spec.patience) || spec.patience < 1) {
    throw new RangeError(`earlyStopping.patience: expected a positive integer, got ${spec.patience}`);
  }
  const minDelta = spec.minDelta ?? 0;
  if (!(minDelta >= 0)) throw new RangeError(`earlyStopping.minDelta: expected ≥ 0, got ${minDelta}`);
  let bestStep = -1;
  let bestLoss = Infinity;
  let sinceBest = 0;
  return {
    get bestStep() {
      return bestStep;
    },
    get bestLoss() {
      return bestLoss;
    },
    observe(step: number, validationLoss: number): EarlyStoppingVerdict {
      if (bestStep < 0 || validationLoss < bestLoss - minDelta) {
        bestStep = step;
        bestLoss = validationLoss;
        sinceBest = 0;
        return { improved: true, stop: false };
      }
      sinceBest++;
      return { improved: false, stop: sinceBest >= spec.patience };
    },
  };
}
