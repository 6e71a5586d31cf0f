/**
 * Tables and generated sentences of the TDT4265 Assignment 2 report, built on the shared
 * seed-group table (`seedGroupRows`), effect sentences (`describeEffect`) and reproduction table
 * (`reproductionRows`): what TDT4265 adds is the final losses, the steps until early stopping, the
 * parameter count, and published numbers of two kinds (validation and test accuracy).
 */
import { MeanStd, SeedGroup, finishedRuns, formatMeanStd, meanStd } from "../../experiments/aggregate";
import { accuracyPercent, describeEffect } from "../../experiments/observations";
import { ReproductionEntry, reproductionRows, reproductionSummary } from "../../experiments/reproduction";
import type { RunResult } from "../../experiments/result";
import { seedGroupRows } from "../../experiments/seed-table";
import { TDT4265_A2_PUBLISHED, TDT4265_A2_REPORTS, Tdt4265Report } from "./published";
import type { Variant } from "./presets";
import type { VariantGroup } from "../../experiments/variants";
import type { DataSplits } from "../../data/types";

function finished(group: SeedGroup): RunResult[] {
  return finishedRuns(group.results);
}

/** Mean ± std of the update steps the finished runs made (undefined when none finished). */
export function stepsMeanStd(group: SeedGroup): MeanStd | undefined {
  const runs = finished(group);
  return runs.length ? meanStd(runs.map((r) => r.steps)) : undefined;
}

function checkLabels(groups: readonly SeedGroup[], labels: readonly string[], what: string): void {
  if (labels.length !== groups.length) throw new RangeError(`${what}: ${labels.length} labels for ${groups.length} groups`);
}

/**
 * The comparison table (rows for `markdownTable`): per group its label, runs finished, final
 * training/validation/test accuracy (`seedGroupRows`), final training and validation loss,
 * update steps until training ended (early stop or the epoch limit) as mean ± std over the
 * finished seeds, how many seeds stopped early, and the parameter count.
 */
export function comparisonRows(groups: readonly SeedGroup[], labels: readonly string[], labelHeader = "Variant"): Record<string, string>[] {
  checkLabels(groups, labels, "comparisonRows");
  const base = seedGroupRows(groups, labels, { labelHeader });
  return groups.map((g, i) => {
    const loss = (m: MeanStd | undefined): string => (m ? formatMeanStd(m, 4) : "—");
    const steps = stepsMeanStd(g);
    return {
      ...base[i],
      "Training loss": loss(g.final?.train.loss),
      "Validation loss": loss(g.final?.validation.loss),
      "Steps until stop": steps ? formatMeanStd(steps, 0) : "—",
      "Stopped early": `${g.results.filter((r) => r.status === "stoppedEarly").length} of ${g.results.length}`,
      Parameters: g.results[0]?.parameterCount?.toLocaleString("en-US") ?? "—",
    };
  });
}

/**
 * Our number for each published one of `report`, in variant order (groups[i] ↔ variants[i]):
 * validation accuracy for the first report, test accuracy for the second.
 */
export function reproductionEntries(variants: readonly Variant[], groups: readonly SeedGroup[], report: Tdt4265Report): ReproductionEntry[] {
  checkLabels(
    groups,
    variants.map((v) => v.label),
    "reproductionEntries",
  );
  return variants.flatMap((v, i) =>
    TDT4265_A2_PUBLISHED.filter((p) => p.report === report && p.variant === v.id).map((p) => {
      const split = p.metric === "validationAccuracy" ? "validation" : "test";
      // The shared table knows test accuracies (and λ); validation rows are relabelled below.
      const entry: ReproductionEntry = {
        label: v.label,
        ours: accuracyPercent(groups[i], split),
        published: { quantity: "testAccuracy", values: [{ source: report, value: p.percent }] },
      };
      return entry;
    }),
  );
}

/**
 * The reproduction table of one published report: `reproductionRows` of `reproductionEntries`,
 * with the "Ours" column named after the split the report measured (validation or test, in %).
 */
export function tdt4265ReproductionRows(variants: readonly Variant[], groups: readonly SeedGroup[], report: Tdt4265Report): Record<string, string>[] {
  const header = report === "first" ? "Ours (validation, mean ± std)" : "Ours (test, mean ± std)";
  return reproductionRows(reproductionEntries(variants, groups, report)).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k === "Ours" ? header : k, v])),
  );
}

/** `reproductionSummary` of one report's entries, naming the split the report measured. */
export function tdt4265ReproductionSummary(variants: readonly Variant[], groups: readonly SeedGroup[], report: Tdt4265Report, points = 2): string {
  const text = reproductionSummary(reproductionEntries(variants, groups, report), points);
  return report === "second" ? text : text.replace(/\btest accurac/g, "validation accurac");
}

/**
 * One generated sentence per variant other than the reference (default groups[0]): its effect on
 * `split` accuracy relative to the reference (`describeEffect`: a clear change only when Welch's
 * t-test of the per-seed accuracies gives p < 0.05).
 */
export function effectSentences(
  variants: readonly Variant[],
  groups: readonly SeedGroup[],
  subject: string,
  opts: { readonly reference?: number; readonly split?: "validation" | "test" } = {},
): string[] {
  checkLabels(
    groups,
    variants.map((v) => v.label),
    "effectSentences",
  );
  const ref = opts.reference ?? 0;
  if (!(ref >= 0 && ref < groups.length)) throw new RangeError(`effectSentences: reference ${ref} is not a group index`);
  const split = opts.split ?? "validation";
  return variants.flatMap((v, i) => (i === ref ? [] : [describeEffect(groups[ref], groups[i], { change: v.label, subject, split })]));
}

/** One set of normalization statistics in pixel units (0–255). */
export interface NormalizationStats {
  readonly label: string;
  readonly mean: number;
  readonly std: number;
}

/** "+0.02", "−0.01", or "±0.00" when the difference rounds to zero. */
function signedHundredths(d: number): string {
  const r = Math.round(d * 100);
  return `${r > 0 ? "+" : r < 0 ? "−" : "±"}${(Math.abs(r) / 100).toFixed(2)}`;
}

/**
 * The normalization table: one row per statistic (mean, std) with a column per set of statistics
 * and, last, the published value; plus each set's difference to it.
 */
export function normalizationRows(sets: readonly NormalizationStats[], published: { readonly mean: number; readonly std: number }): Record<string, string>[] {
  return (["mean", "std"] as const).map((stat) => {
    const row: Record<string, string> = { Statistic: stat === "mean" ? "mean (pixel units)" : "std (pixel units)" };
    for (const s of sets) row[s.label] = `${s[stat].toFixed(2)} (${signedHundredths(s[stat] - published[stat])})`;
    row.Published = published[stat].toFixed(2);
    return row;
  });
}

/** "Training ended after N ± s update steps for A, …", from the finished runs (generated). */
export function stepsSentence(variants: readonly Variant[], groups: readonly SeedGroup[]): string {
  checkLabels(
    groups,
    variants.map((v) => v.label),
    "stepsSentence",
  );
  const parts = groups.map((g, i) => {
    const s = stepsMeanStd(g);
    const early = g.results.filter((r) => r.status === "stoppedEarly").length;
    return `${variants[i].label}: ${s ? formatMeanStd(s, 0) : "—"} (${early} of ${g.results.length} stopped early)`;
  });
  return `Update steps until training ended (mean ± std over seeds): ${parts.join("; ")}.`;
}

/** `comparisonRows` of labelled groups (`runVariants`), each row labelled by its variant. */
export function comparisonTable(groups: readonly VariantGroup[]): Record<string, string>[] {
  return comparisonRows(
    groups,
    groups.map((g) => g.label),
  );
}

/** The reproduction table of each published report that has numbers for these variants. */
export function reproductionTables(
  variants: readonly Variant[],
  groups: readonly SeedGroup[],
): { readonly title: string; readonly rows: Record<string, string>[] }[] {
  return (["first", "second"] as const)
    .map((report) => ({ title: TDT4265_A2_REPORTS[report], rows: tdt4265ReproductionRows(variants, groups, report) }))
    .filter((t) => t.rows.length > 0);
}

/** One generated sentence per published report: "Reproduction, <report>: <summary>". */
export function reproductionSentences(variants: readonly Variant[], groups: readonly SeedGroup[]): string[] {
  return (["first", "second"] as const).map((report) => `Reproduction, ${TDT4265_A2_REPORTS[report]}: ${tdt4265ReproductionSummary(variants, groups, report)}`);
}

/** The normalization statistics of `data` in pixel units, labelled "Ours, <prefix><n> training images". */
export function pixelStats(data: DataSplits, prefix = ""): NormalizationStats {
  const images = data.train.X.cols.toLocaleString("en-US");
  const [mean, std] = [data.standardization.mean[0], data.standardization.std[0]].map((v) => 255 * v);
  return { label: `Ours, ${prefix}${images} training images`, mean, std };
}
