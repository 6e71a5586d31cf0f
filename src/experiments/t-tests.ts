/**
 * The two t-tests the coverage tables use, on top of stdlib's tested implementations:
 * - `welchTest(a, b)`: Welch's two-sample t-test (unequal variances, Satterthwaite degrees of
 *   freedom; `@stdlib/stats-ttest2`), for two of our configurations, each run over several seeds.
 * - `singleRunTest(values, x)`: is one published run x a plausible draw from the distribution our
 *   seeds sample? Welch's test needs a variance on both sides and a published number is one run,
 *   so the published side borrows ours: t = (x − mean)/(s·√(1 + 1/n)) with n − 1 degrees of
 *   freedom (the prediction-interval test), two-sided p from Student's t CDF
 *   (`@stdlib/stats-base-dists-t-cdf`).
 * Both return undefined when a side has fewer than two values or no spread (no test possible).
 */
import ttest2 = require("@stdlib/stats-ttest2");
import tCdf = require("@stdlib/stats-base-dists-t-cdf");

/** The outcome of a two-sided t-test. */
export interface TTestResult {
  readonly method: string;
  readonly statistic: number;
  readonly df: number;
  /** two-sided p-value */
  readonly pValue: number;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function sampleStd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) * (v - m), 0) / (values.length - 1));
}

/** Welch's two-sample t-test of equal means (two-sided); undefined if n < 2 or both sides are constant. */
export function welchTest(a: readonly number[], b: readonly number[]): TTestResult | undefined {
  if (a.length < 2 || b.length < 2 || (sampleStd(a) === 0 && sampleStd(b) === 0)) return undefined;
  const r = ttest2([...a], [...b], { variance: "unequal", alternative: "two-sided" }) as unknown as {
    method: string;
    statistic: number;
    df: number;
    pValue: number;
  };
  return { method: "Welch", statistic: r.statistic, df: r.df, pValue: r.pValue };
}

/**
 * Whether one published run `x` could come from the distribution of our seeds `values`
 * (two-sided prediction test, n − 1 degrees of freedom); undefined if n < 2 or no spread.
 */
export function singleRunTest(values: readonly number[], x: number): TTestResult | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  const s = sampleStd(values);
  if (s === 0) return undefined;
  const t = (x - mean(values)) / (s * Math.sqrt(1 + 1 / n));
  const df = n - 1;
  return { method: "prediction t", statistic: t, df, pValue: Math.min(1, 2 * (1 - tCdf(Math.abs(t), df))) };
}

/** "p = 0.031", "p < 0.001", or "—" without a test. */
export function formatPValue(test: TTestResult | undefined): string {
  if (!test) return "—";
  return test.pValue < 0.001 ? "p < 0.001" : `p = ${test.pValue.toFixed(3)}`;
}
