/**
 * The tables of the bonus notebooks, from `runBonus` outcomes: each configuration beside the
 * seed's published number with every seed's own test accuracy (so a bimodal outcome shows as
 * such, not as a mean ± std that describes no run) and the single-run prediction test; pairs of
 * our configurations compared by Welch's test (p-value named), never by a 2 × SE rule.
 */
import { meanStd } from "../../experiments/aggregate";
import type { ArchitectureRow } from "../../figures/records";
import { formatPValue, singleRunTest, welchTest } from "../../experiments/t-tests";
import type { Matrix } from "../../tensor";
import { controlId } from "./bonus-plan";
import type { BonusOutcome } from "./bonus-run";
import { seedAccuracies } from "../../experiments/observations";
import { SEED_004_BLOCKS } from "./seeds/004";

/** Finished runs' final accuracy on `split`, in percent, seed order. */
const accuraciesOf = (o: BonusOutcome, split: "train" | "validation" | "test" = "test"): number[] => seedAccuracies(o.group, split);

const fmt = (v: readonly number[]): string => {
  if (v.length === 0) return "—";
  const m = meanStd(v);
  return v.length === 1 ? m.mean.toFixed(2) : `${m.mean.toFixed(2)} ± ${m.std.toFixed(2)}`;
};

/** "3 of 3" or "2 of 3 (1 diverged)". */
function runsText(o: BonusOutcome): string {
  const runs = o.results.runs;
  const lost = runs.filter((r) => !r.test).map((r) => r.status);
  return `${runs.length - lost.length} of ${runs.length}${lost.length ? ` (${lost.join(", ")})` : ""}`;
}

/**
 * One row per outcome: its label, the runs that finished, validation and test accuracy (mean ±
 * std, %), the test accuracy of every seed, the published number and the prediction test of it.
 */
export function outcomeRows(outcomes: readonly BonusOutcome[], split: "validation" | "test" = "test"): Record<string, string>[] {
  return outcomes.map((o) => {
    const v = accuraciesOf(o, split);
    const published = SEED_004_BLOCKS.find((x) => x.id === o.configuration.blockId)?.published[0];
    return {
      Configuration: o.configuration.label,
      Runs: runsText(o),
      "Validation acc. %": fmt(accuraciesOf(o, "validation")),
      "Test acc. %": fmt(accuraciesOf(o, "test")),
      [`Per seed (${split}) %`]: v.map((x) => x.toFixed(2)).join(", ") || "—",
      Published: published?.text ?? "—",
      "Published vs ours": published ? formatPValue(singleRunTest(v, published.value)) : "—",
    };
  });
}

/** A comparison of two outcomes: `a` against `b`. */
export interface Comparison {
  readonly label: string;
  readonly a: BonusOutcome;
  readonly b: BonusOutcome;
}

/** One row per comparison: both means, the difference a − b and Welch's two-sided p (test accuracy). */
export function welchRows(pairs: readonly Comparison[]): Record<string, string>[] {
  return pairs.map(({ label, a, b }) => {
    const [x, y] = [accuraciesOf(a), accuraciesOf(b)];
    const diff = x.length && y.length ? (meanStd(x).mean - meanStd(y).mean).toFixed(2) : "—";
    return { Comparison: label, "A: test %": fmt(x), "B: test %": fmt(y), "A − B": diff, "Welch p": formatPValue(welchTest(x, y)) };
  });
}

/**
 * One sentence on `pairs`: in how many A has the lower (or higher) mean test accuracy, and in
 * how many of those Welch's two-sided p is below `alpha`, p-values named.
 */
export function comparisonSummary(pairs: readonly Comparison[], a: string, b: string, alpha = 0.05): string {
  const tested = pairs
    .map((p) => ({ x: accuraciesOf(p.a), y: accuraciesOf(p.b) }))
    .filter((t) => t.x.length > 0 && t.y.length > 0)
    .map((t) => ({ below: meanStd(t.x).mean < meanStd(t.y).mean, test: welchTest(t.x, t.y) }));
  const below = tested.filter((t) => t.below);
  const sig = (list: typeof tested) => list.filter((t) => t.test !== undefined && t.test.pValue < alpha).length;
  const ps = tested.map((t) => formatPValue(t.test)).join(", ");
  return (
    `${a} has a lower mean test accuracy than ${b} in ${below.length} of ${tested.length} comparisons ` +
    `(Welch p < ${alpha} in ${sig(below)} of them) and a higher one in ${tested.length - below.length} ` +
    `(p < ${alpha} in ${sig(tested.filter((t) => !t.below))}); ${ps}.`
  );
}

/** Each outcome with id prefix `prefix` against OUR control at its (η, λ) and reading (as `a` and `b`). */
export function versusControl(outcomes: readonly BonusOutcome[], prefix: string): Comparison[] {
  return outcomesOf(outcomes, prefix).map((a) => {
    const reading = a.configuration.reading === "noise-0.01" ? "seed" : a.configuration.reading!;
    return { label: a.configuration.label, a, b: outcome(outcomes, controlId(a.configuration.config, reading)) };
  });
}

/** The outcomes whose id starts with `prefix` (in plan order). */
export function outcomesOf(outcomes: readonly BonusOutcome[], prefix: string): BonusOutcome[] {
  return outcomes.filter((o) => o.configuration.id.startsWith(prefix));
}

/** The outcome with id `id`; throws naming it when absent. */
export function outcome(outcomes: readonly BonusOutcome[], id: string): BonusOutcome {
  const o = outcomes.find((x) => x.configuration.id === id);
  if (!o) throw new RangeError(`no configuration "${id}" among the outcomes`);
  return o;
}

/** The curves of the outcome's first seed, labelled (for `compareCurves`). */
export function curveOf(o: BonusOutcome, label: string): { label: string; history: BonusOutcome["group"]["results"][number]["history"] } {
  return { label, history: o.group.results[0].history };
}

/** Bars for `architectureSummary`: each outcome's mean accuracy on `split` (%), labelled without ", one run". */
export function accuracyBars(outcomes: readonly BonusOutcome[], split: "validation" | "test" = "validation"): ArchitectureRow[] {
  return outcomes.flatMap((o) => {
    const v = accuraciesOf(o, split);
    return v.length === 0 ? [] : [{ label: o.configuration.label.replace(", one run", ""), accuracy: meanStd(v).mean / 100 }];
  });
}

/** OUR 5-layer nets (ids "ours/5-layer/a-b-c-d") against the seed's 4-layer (a, b, c) they extend, reading "seed". */
export function fiveLayerPairs(outcomes: readonly BonusOutcome[]): Comparison[] {
  return outcomesOf(outcomes, "ours/5-layer/").map((a) => {
    const four = a.configuration.id.split("/")[2].split("-").slice(0, 3).join("-");
    return { label: a.configuration.label, a, b: outcome(outcomes, `004/architecture/4-layer/${four}@seed`) };
  });
}

/** Standard deviation and variance over every entry of a d × n matrix (what "the batch's spread" is on average). */
export function entrySpread(X: Matrix): { std: number; variance: number } {
  const d = X.data;
  let sum = 0;
  for (let k = 0; k < d.length; k++) sum += d[k];
  const mean = sum / d.length;
  let ss = 0;
  for (let k = 0; k < d.length; k++) ss += (d[k] - mean) * (d[k] - mean);
  const variance = ss / d.length;
  return { std: Math.sqrt(variance), variance };
}

/** The `k` outcomes with the highest mean validation accuracy (unfinished ones last), best first. */
export function topByValidation(outcomes: readonly BonusOutcome[], k: number): BonusOutcome[] {
  const v = (o: BonusOutcome) => o.group.final?.validation.accuracy.mean ?? -Infinity;
  return [...outcomes].sort((a, b) => v(b) - v(a)).slice(0, k);
}
