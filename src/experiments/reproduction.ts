import type { MeanStd, SeedGroup } from "./aggregate";
import { accuracyPercent, formatPercent } from "./observations";

/** Which report a published number comes from ("one report": a single number for the configuration). */
export type PublishedSource = "first" | "second" | "one report";

/** One published number, with what differs from the configuration it is compared with. */
export interface PublishedValue {
  readonly source: PublishedSource;
  readonly value: number;
  /** e.g. "3 cycles, λ = 0.0041" when the report ran other settings */
  readonly note?: string;
}

/** The published values of one configuration. */
export interface PublishedEntry {
  /** what was measured: "test accuracy (%)" or "λ" */
  readonly quantity: "testAccuracy" | "lambda";
  readonly values: readonly PublishedValue[];
}

/** One line of a reproduction table: our number for a configuration and the published one(s). */
export interface ReproductionEntry {
  readonly label: string;
  /** accuracies: mean ± std over seeds in %; λ: the single chosen value ({mean: λ, std: 0, n: 1}) */
  readonly ours: MeanStd | undefined;
  readonly published: PublishedEntry;
  /** what differs between our configuration and the published one, if anything */
  readonly note?: string;
}

/** The reproduction entry of a seed group's test accuracy. */
export function accuracyEntry(label: string, group: SeedGroup | undefined, published: PublishedEntry, note?: string): ReproductionEntry {
  return { label, ours: group ? accuracyPercent(group, "test") : undefined, published, ...(note ? { note } : {}) };
}

const SOURCE_TEXT: Readonly<Record<PublishedValue["source"], string>> = { first: "first", second: "second", "one report": "report" };

function formatValue(x: number, quantity: PublishedEntry["quantity"]): string {
  return quantity === "lambda" ? String(Number(x.toPrecision(4))) : x.toFixed(2);
}

/** ours − published in points (accuracies), or ours / published as a factor (λ, compared on a log scale). */
function difference(ours: MeanStd, p: PublishedValue, quantity: PublishedEntry["quantity"]): string {
  if (quantity === "lambda") return `×${(ours.mean / p.value).toFixed(2)}`;
  const d = ours.mean - p.value;
  return `${d >= 0 ? "+" : "−"}${Math.abs(d).toFixed(2)} pts`;
}

/**
 * Rows of a reproduction table (for `markdownTable`): "Configuration | Ours | Published |
 * Ours − published | Note". Ours: test accuracy as "mean ± std % (n = seeds)", or "λ = value".
 * Accuracy differences are in percentage points ("−0.26 pts"), λ as the ratio
 * ours / published; each published value is labelled with its report (first / second / report),
 * and published notes (other settings) are carried into the Note column.
 */
export function reproductionRows(entries: readonly ReproductionEntry[]): Record<string, string>[] {
  return entries.map((e) => {
    const q = e.published.quantity;
    const ours =
      e.ours === undefined ? "— (no finished run)" : q === "lambda" ? `λ = ${formatValue(e.ours.mean, q)}` : `${formatPercent(e.ours)} (n = ${e.ours.n})`;
    const label = (p: PublishedValue): string => SOURCE_TEXT[p.source];
    const published = e.published.values.map((p) => `${formatValue(p.value, q)} (${label(p)})`).join(", ");
    const diffs = e.ours === undefined ? "—" : e.published.values.map((p) => `${difference(e.ours!, p, q)} (${label(p)})`).join(", ");
    const notes = [e.note, ...e.published.values.filter((p) => p.note).map((p) => `${label(p)} report: ${p.note}`)].filter(Boolean);
    return {
      Configuration: e.label,
      Ours: ours,
      Published: published,
      "Ours − published": diffs,
      Note: notes.join("; "),
    };
  });
}

/**
 * A generated summary sentence of a reproduction table: which accuracy entries lie further than
 * `points` from EVERY published value for them (listing the gaps), or that all lie within
 * `points` of at least one. λ entries are left out.
 */
export function reproductionSummary(entries: readonly ReproductionEntry[], points = 2): string {
  const acc = entries.filter((e) => e.published.quantity === "testAccuracy" && e.ours !== undefined);
  if (acc.length === 0) return "No accuracy to compare with the published numbers.";
  const far = acc.filter((e) => e.published.values.every((p) => Math.abs(e.ours!.mean - p.value) > points));
  if (far.length === 0) {
    return `All ${acc.length} of our test accuracies lie within ${points} points of at least one published number.`;
  }
  const gaps = far.map((e) => {
    const nearest = [...e.published.values].sort((p, q) => Math.abs(e.ours!.mean - p.value) - Math.abs(e.ours!.mean - q.value))[0];
    return `${e.label} (${difference(e.ours!, nearest, "testAccuracy")} from the nearest, ${nearest.value.toFixed(2)})`;
  });
  return `${far.length} of ${acc.length} test accuracies differ by more than ${points} points from every published number: ${gaps.join("; ")}.`;
}
