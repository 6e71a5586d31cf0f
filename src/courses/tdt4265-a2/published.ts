/**
 * TDT4265 Assignment 2 (MLPs on MNIST): the published numbers the report compares against, as
 * data. Two published reports are quoted (issue 8): the first gives the final validation accuracy,
 * the second the test accuracy after 15 epochs. Values are percentages as published.
 */

/** Which published report a number comes from. */
export type Tdt4265Report = "first" | "second";

/** What the published report measured. */
export type PublishedMetric = "validationAccuracy" | "testAccuracy";

/** One published number for one of our variants (ids as in `presets/tdt4265-a2.ts`). */
export interface Tdt4265Published {
  readonly report: Tdt4265Report;
  readonly variant: string;
  readonly metric: PublishedMetric;
  /** the published value in percent */
  readonly percent: number;
}

/** How each report measured, for table captions. */
export const TDT4265_A2_REPORTS: Readonly<Record<Tdt4265Report, string>> = {
  first: "first published report: final validation accuracy (early stopping)",
  second: "second published report: test accuracy after 15 epochs",
};

/** The MNIST normalization the published reports print (pixel units 0–255, all 60,000 training images). */
export const TDT4265_A2_NORMALIZATION = { mean: 33.32, std: 78.57 } as const;

/** The published parameter count of 784-64-10 with the bias trick: (784 + 1)·64 + 64·10. */
export const TDT4265_A2_PARAMETER_COUNT = (784 + 1) * 64 + 64 * 10;

const first = (variant: string, percent: number): Tdt4265Published => ({ report: "first", variant, metric: "validationAccuracy", percent });
const second = (variant: string, percent: number): Tdt4265Published => ({ report: "second", variant, metric: "testAccuracy", percent });

/**
 * Every published number (issue 8). The first report's "with all tricks, 64 units" is both our
 * "allTricks" variant (tricks section) and "hidden64" (topologies section).
 */
export const TDT4265_A2_PUBLISHED: readonly Tdt4265Published[] = [
  first("baseline", 91.52),
  first("fanIn", 95.94),
  first("improvedSigmoid", 89.91),
  first("momentum", 91.91),
  first("allTricks", 95.93),
  first("hidden64", 95.93),
  first("hidden32", 94.54),
  first("hidden128", 97.04),
  first("hidden60x2", 96.45),
  first("hidden64x10", 94.8),
  second("baseline", 93.5),
  second("shuffle", 93.7),
  second("improvedSigmoid", 93.7),
  second("fanIn", 97.1),
  second("momentum", 97.0),
  second("hidden64", 97.1),
  second("hidden128", 97.5),
  second("hidden60x2", 96.8),
];

/** The published numbers for `variant` (in the order above; empty when none). */
export function publishedFor(variant: string): Tdt4265Published[] {
  return TDT4265_A2_PUBLISHED.filter((p) => p.variant === variant);
}
