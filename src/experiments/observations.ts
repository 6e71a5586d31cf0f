import type { SplitName } from "../train";
import { finishedRuns, formatMeanStd, type MeanStd, type SeedGroup } from "./aggregate";
import { formatPValue, type TTestResult, welchTest } from "./t-tests";

/**
 * Observation sentences generated from results, so a report's text can never claim more than its
 * numbers show: the wording (improves / lowers / no clear difference, chance level or not) is
 * chosen from the per-seed accuracies with Welch's two-sided t-test at the 5 % level.
 */

/** The significance level of the effect sentences. */
export const EFFECT_ALPHA = 0.05;

/** The difference b − a of two seed groups' mean accuracies on one split, in percentage points. */
export interface AccuracyComparison {
  /** mean ± std over seeds, in % */
  readonly a: MeanStd;
  readonly b: MeanStd;
  /** b.mean − a.mean, in points */
  readonly diff: number;
  /** standard error of the difference, √(s_a²/n_a + s_b²/n_b), in points; NaN with fewer than 2 seeds on a side */
  readonly se: number;
  /** Welch's two-sided t-test of the per-seed accuracies; undefined with < 2 seeds on a side or no spread at all */
  readonly test?: TTestResult;
  /** p < 0.05 in Welch's test; with no spread on either side (≥ 2 seeds each), any nonzero difference */
  readonly significant: boolean;
}

/** Mean ± std of one split's final accuracy over the finished runs of `group`, in %; undefined if none finished. */
export function accuracyPercent(group: SeedGroup, split: SplitName = "test"): MeanStd | undefined {
  const m = group.final?.[split].accuracy;
  return m ? { mean: 100 * m.mean, std: 100 * m.std, n: m.n } : undefined;
}

/** The final accuracies (in %) on `split` of the finished runs of `group`, one per seed. */
export function seedAccuracies(group: SeedGroup, split: SplitName = "test"): number[] {
  return finishedRuns(group.results).map((r) => 100 * r.final![split].accuracy);
}

/** Compares the accuracies of `a` (reference) and `b` on `split`; undefined if either has no finished run. */
export function compareAccuracy(a: SeedGroup, b: SeedGroup, split: SplitName = "test"): AccuracyComparison | undefined {
  const pa = accuracyPercent(a, split);
  const pb = accuracyPercent(b, split);
  if (!pa || !pb) return undefined;
  const diff = pb.mean - pa.mean;
  const se = pa.n >= 2 && pb.n >= 2 ? Math.sqrt((pa.std * pa.std) / pa.n + (pb.std * pb.std) / pb.n) : NaN;
  const test = welchTest(seedAccuracies(a, split), seedAccuracies(b, split));
  const significant = test ? test.pValue < EFFECT_ALPHA : se === 0 && diff !== 0;
  return { a: pa, b: pb, diff, se, ...(test ? { test } : {}), significant };
}

/** "53.12 ± 0.41 %", or "53.12 %" for a single run (which has no spread to show) */
export function formatPercent(m: MeanStd, digits = 2): string {
  return `${formatMeanStd(m, digits)} %`;
}

function signed(x: number, digits = 2): string {
  return `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;
}

function seedsText(a: MeanStd, b: MeanStd): string {
  return a.n === b.n ? `${a.n} seed${a.n === 1 ? "" : "s"} each` : `${a.n} and ${b.n} seeds`;
}

function notFinished(label: string, g: SeedGroup): string {
  return `${label}: no run finished (${g.diverged} diverged, ${g.failed} failed of ${g.results.length})`;
}

/** How to word an effect: "<change> <verb> the <split> accuracy of <subject> …". */
export interface EffectWording {
  /** what was changed, e.g. "BN", "Dropout p = 0.5" */
  readonly change: string;
  /** what it was applied to, e.g. "the 9-layer net" */
  readonly subject: string;
  readonly split?: SplitName;
  /** how the two sides are named in the numbers (default "with" / "without") */
  readonly withLabel?: string;
  readonly withoutLabel?: string;
}

/**
 * One sentence on the effect of a change, measured as b − a (a = without, b = with the change):
 * "improves … by X ± Y points" or "lowers … by X ± Y points" when Welch's two-sided t-test of the
 * per-seed accuracies gives p < 0.05 (Y = standard error of the difference; the p-value is quoted),
 * otherwise "changes … by ±X ± Y points: no clear effect at the 5 % level"; with a single seed on
 * a side no effect is claimed.
 */
export function describeEffect(without: SeedGroup, withChange: SeedGroup, w: EffectWording): string {
  const split = w.split ?? "test";
  const withLabel = w.withLabel ?? "with";
  const withoutLabel = w.withoutLabel ?? "without";
  const c = compareAccuracy(without, withChange, split);
  if (!c) {
    const missing = accuracyPercent(without, split) ? withChange : without;
    return `${w.change} on ${w.subject}: no comparison possible — ${notFinished(missing === without ? withoutLabel : withLabel, missing)}.`;
  }
  const values = `${formatPercent(c.b)} ${withLabel} vs ${formatPercent(c.a)} ${withoutLabel}, ${seedsText(c.a, c.b)}`;
  const what = `the ${split === "train" ? "training" : split} accuracy of ${w.subject}`;
  if (!Number.isFinite(c.se)) {
    return `${w.change} changes ${what} by ${signed(c.diff)} points (${values}); a single run cannot separate this from seed-to-seed variation.`;
  }
  const test = c.test ? `Welch's t-test ${formatPValue(c.test)}` : "no spread on either side";
  if (!c.significant) {
    return `${w.change} changes ${what} by ${signed(c.diff)} ± ${c.se.toFixed(2)} points (${values}; ${test}): no clear effect at the 5 % level.`;
  }
  const verb = c.diff > 0 ? "improves" : "lowers";
  return `${w.change} ${verb} ${what} by ${Math.abs(c.diff).toFixed(2)} ± ${c.se.toFixed(2)} points (${values}; ${test}).`;
}

/**
 * One sentence on where a group ends relative to chance (1/K): "… 10.00 ± 0.00 % test accuracy,
 * chance level" when the mean is within `margin` points of 100/K, else "… above chance".
 */
export function describeLevel(label: string, group: SeedGroup, K: number, margin = 1, split: SplitName = "test"): string {
  const m = accuracyPercent(group, split);
  if (!m) return `${notFinished(label, group)}.`;
  const chance = 100 / K;
  const where =
    Math.abs(m.mean - chance) <= margin ? `at chance level (${chance.toFixed(0)} %)` : m.mean > chance ? "above chance level" : "below chance level";
  return `${label}: ${formatPercent(m)} ${split === "train" ? "training" : split} accuracy (${m.n} seed${m.n === 1 ? "" : "s"}), ${where}.`;
}

/**
 * The index of the group with the highest mean VALIDATION accuracy (first on ties; groups without
 * a finished run are skipped), or -1 when none finished. Model selection never looks at test data.
 */
export function bestByValidation(groups: readonly SeedGroup[]): number {
  let best = -1;
  groups.forEach((g, i) => {
    const v = g.final?.validation.accuracy.mean;
    if (v !== undefined && (best < 0 || v > groups[best].final!.validation.accuracy.mean)) best = i;
  });
  return best;
}

/**
 * Group indices from the highest mean VALIDATION accuracy down (ties keep their order; groups
 * without a finished run come last, in their order). `rankByValidation(g)[0]` is `bestByValidation(g)`
 * whenever some group finished.
 */
export function rankByValidation(groups: readonly SeedGroup[]): number[] {
  const score = (i: number): number => groups[i].final?.validation.accuracy.mean ?? -Infinity;
  return groups.map((_, i) => i).sort((a, b) => score(b) - score(a) || a - b);
}
