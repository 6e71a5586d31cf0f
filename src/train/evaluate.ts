import { columnsView } from "../tensor";
import { MlpParams, MlpStats, evaluateMlp } from "../model";
import { LabeledSet } from "./data-splits";
import { Metrics } from "./history";

/** The first `count` samples of a split (all of them when count is undefined or ≥ n); no copy. */
export function subsetOf(set: LabeledSet, count: number | undefined): LabeledSet {
  if (count === undefined || count >= set.X.cols) return set;
  return { X: columnsView(set.X, 0, count), y: set.y.subarray(0, count) };
}

/** Cost, loss and accuracy of the network on a split (eval mode: BN uses the moving averages). */
export function evaluateSet(params: MlpParams, stats: MlpStats, set: LabeledSet, lambda: number): Metrics {
  const m = evaluateMlp(params, stats, set.X, set.y, lambda);
  return { cost: m.cost, loss: m.loss, accuracy: m.accuracy };
}
