/**
 * A DD2424 report's results document (`reports/<report>.results.json`): one configuration per
 * `BlockRun` (id, label, section, config, per-seed final metrics) and Welch's t-test between two
 * runs' seeds, worded for the notebooks' observations (p-value named as such).
 */
import type { SeedGroup } from "../../experiments/aggregate";
import { meanStd } from "../../experiments/aggregate";
import { seedAccuracies } from "../../experiments/observations";
import { type ConfigurationResults, configurationResults } from "../../report/results-json";
import { type TTestResult, formatPValue, welchTest } from "../../experiments/t-tests";
import type { BlockResults, BlockRun } from "./block-runs";
import type { SectionLink } from "./coverage";

/** The configurations of `runs` (in order) from their results; a run without results throws, naming it. */
export function blockConfigurations(
  runs: readonly BlockRun[],
  results: BlockResults,
  sectionOf: (id: string) => SectionLink | undefined,
): ConfigurationResults[] {
  return runs.map((r) => {
    const g = results.get(r.id);
    if (!g) throw new RangeError(`results: the run "${r.id}" has no results`);
    return configurationResults(r.id, r.label, sectionOf(r.id)?.title ?? "", g);
  });
}

type Split = "train" | "validation" | "test";

/** Welch's t-test of two groups' final accuracies (percent) on `split`; undefined if a side has < 2 runs. */
export function welchGroups(a: SeedGroup, b: SeedGroup, split: Split = "test"): TTestResult | undefined {
  return welchTest(seedAccuracies(a, split), seedAccuracies(b, split));
}

const pct = (v: number[]): string => {
  const m = meanStd(v);
  return `${m.mean.toFixed(2)} ± ${m.std.toFixed(2)} % (n = ${m.n})`;
};

/**
 * One sentence comparing `b` with `a` on `split`: both means ± std, the difference, and Welch's
 * two-sided p-value; "clear" only at p < `alpha` (default 0.05).
 */
export function welchSentence(
  what: string,
  a: { label: string; group: SeedGroup },
  b: { label: string; group: SeedGroup },
  split: Split = "test",
  alpha = 0.05,
): string {
  const va = seedAccuracies(a.group, split);
  const vb = seedAccuracies(b.group, split);
  if (va.length === 0 || vb.length === 0) return `${what}: no comparison — ${va.length === 0 ? a.label : b.label} has no finished run.`;
  const diff = meanStd(vb).mean - meanStd(va).mean;
  const t = welchTest(va, vb);
  const verdict = !t
    ? "no test possible (fewer than 2 runs a side, or no spread)"
    : t.pValue < alpha
      ? `a clear difference (Welch's t-test, ${formatPValue(t)})`
      : `not distinguishable from seed-to-seed variation (Welch's t-test, ${formatPValue(t)})`;
  const sign = diff >= 0 ? "+" : "−";
  return `${what}: ${b.label} ${pct(vb)} vs ${a.label} ${pct(va)}, ${sign}${Math.abs(diff).toFixed(2)} points on ${split} accuracy — ${verdict}.`;
}
