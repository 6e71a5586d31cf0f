import { Schedule } from "./schedule";
import type { EvaluationSpec } from "../schema";

/**
 * How often the training loop evaluates cost, loss and accuracy on the training and validation
 * sets: `times` evaluations per cycle (cyclical schedules only; DD2424: 10 per cycle) or per
 * epoch (TDT4265: about 20 per epoch). There is always an evaluation before the first update
 * (step 0) and one after the last update. `trainSubset` evaluates the training split on its first
 * `trainSubset` samples only (cheaper; default: the whole training set, as the reports do).
 */
export type { EvaluationSpec } from "../schema";

/**
 * The number of update steps between evaluations, ≥ 1: ⌊2·n_s / times⌋ per cycle or
 * ⌊stepsPerEpoch / times⌋ per epoch. Throws naming the field when `per: "cycle"` is used
 * without a cyclical schedule or `times` is not a positive integer.
 */
export function evaluationInterval(spec: EvaluationSpec, stepsPerEpoch: number, schedule: Schedule): number {
  if (!Number.isInteger(spec.times) || spec.times < 1) {
    throw new RangeError(`evaluation.times: expected a positive integer, got ${spec.times}`);
  }
  if (spec.per === "cycle") {
    if (schedule.stepSize === undefined) {
      throw new RangeError(`evaluation.per: "cycle" needs a cyclical schedule`);
    }
    return Math.max(1, Math.floor((2 * schedule.stepSize) / spec.times));
  }
  if (spec.per === "epoch") return Math.max(1, Math.floor(stepsPerEpoch / spec.times));
  throw new RangeError(`evaluation.per: expected "cycle" or "epoch", got ${JSON.stringify(spec.per)}`);
}
