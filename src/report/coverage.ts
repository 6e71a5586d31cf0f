/**
 * Coverage of a seed report, course-neutral: one row per result block of the seed → the report
 * section that reproduces it → our number (mean ± std over seeds, n, from the results JSON) → the
 * published number → a status: `reproduced`, `differs: <why>` or `not run: <why>`. A published
 * number is one run, so "reproduced" means it is a plausible draw from our seeds' distribution
 * (`singleRunTest`, two-sided p ≥ α); the p-value is printed beside it. Rows are plain JSON and
 * live in `reports/<report>.results.json`; `coverageTable` prints them from that document alone.
 */
import { meanStd } from "../experiments/aggregate";
import { markdownTable } from "./markdown";
import { type Quantity, type ResultsDoc, quantityValues } from "./results-json";
import { type TTestResult, formatPValue, singleRunTest, welchTest } from "../experiments/t-tests";

/** Which of our numbers a row shows: a `Quantity` of the results document, × `scale`. */
export type OurQuantity = Quantity & {
  /** 100 for accuracies in percent (default 1) */
  readonly scale?: number;
  /** decimals printed (default 2) */
  readonly digits?: number;
  /**
   * for a bimodal outcome (a run either escapes chance or stays there): values at or below this
   * (after `scale`) are "at chance", and the table shows the two groups apart, never one mean ± std
   * that describes no run
   */
  readonly chanceAt?: number;
};

type Doc = Pick<ResultsDoc, "configurations" | "measurements">;

/** The seed block a row covers. */
export interface CoveredBlock {
  readonly id: string;
  readonly seed: string;
  readonly section: string;
  readonly title: string;
}

/** What a course states per block to build its row. */
export interface CoverageSpec {
  readonly block: CoveredBlock;
  /** the report section that shows it (a Markdown link target) */
  readonly ourSection?: { readonly title: string; readonly href: string };
  readonly ours?: OurQuantity;
  readonly published?: { readonly text: string; readonly value: number };
  /** why the block is not run (status `not run: <why>`) */
  readonly notRun?: string;
  /** a known reason our number may differ (used when the test rejects) */
  readonly why?: string;
  /**
   * the status, decided by the course, for a block the single-run test does not fit: a setup, a
   * qualitative claim, a deterministic measurement, a published range or best run
   */
  readonly verdict?: string;
}

/** One row of the coverage table, as stored in the results JSON. */
export interface CoverageRow extends Pick<CoverageSpec, "block" | "ourSection" | "ours" | "published"> {
  readonly test?: TTestResult;
  readonly status: string;
}

/** The row of `spec`, its test and status computed from the configurations of `doc`. */
export function coverageRow(spec: CoverageSpec, doc: Doc, alpha = 0.05): CoverageRow {
  const { block, ourSection, ours, published } = spec;
  const row = { block, ourSection, ours, published };
  if (spec.notRun !== undefined) return { ...row, status: `not run: ${spec.notRun}` };
  if (!ours) return { ...row, status: spec.verdict ?? "not run: no configuration of ours covers it" };
  const values = quantityValues(doc, ours, ours.scale ?? 1);
  if (values.length === 0) return { ...row, status: unfinishedStatus(doc, ours) };
  if (spec.verdict !== undefined) return { ...row, status: spec.verdict };
  if (!published) return { ...row, status: "reproduced" };
  const test = singleRunTest(values, published.value);
  if (!test) return { ...row, status: `differs: no test possible (n = ${values.length}, or no spread over the seeds)` };
  if (test.pValue >= alpha) return { ...row, test, status: "reproduced" };
  return { ...row, test, status: `differs: ${spec.why ?? "the published run lies outside the spread of our seeds"}` };
}

/** Why a quantity has no value: every run diverged (a result: `differs`), or nothing ran. */
export function unfinishedStatus(doc: Doc, q: OurQuantity): string {
  const runs = "configuration" in q ? (doc.configurations.find((c) => c.id === q.configuration)?.runs ?? []) : [];
  const diverged = runs.filter((r) => r.status === "diverged").length;
  if (runs.length > 0 && diverged === runs.length) return `differs: all ${diverged} runs diverged`;
  return runs.length > 0 ? `not run: no run finished (${diverged} of ${runs.length} diverged)` : "not run: no run finished";
}

/**
 * "97.12 ± 0.08 (n = 3)" for a row's quantity, from the document; "—" when not run; for a bimodal
 * quantity (`chanceAt`) with runs on both sides, "7 of 10 escape chance (46.10 ± 0.40), 3 stay at
 * chance (10.00 ± 0.00)".
 */
export function oursText(row: CoverageRow, doc: Doc): string {
  if (!row.ours) return "—";
  const values = quantityValues(doc, row.ours, row.ours.scale ?? 1);
  if (values.length === 0) return "—";
  const m = meanStd(values);
  const d = row.ours.digits ?? 2;
  if ("measurement" in row.ours && m.n === 1) return m.mean.toFixed(d);
  const chance = row.ours.chanceAt;
  if (chance !== undefined) {
    const stuck = values.filter((v) => v <= chance);
    const escaped = values.filter((v) => v > chance);
    if (stuck.length > 0 && escaped.length > 0) {
      const group = (v: number[]): string => {
        const g = meanStd(v);
        return v.length > 1 ? `${g.mean.toFixed(d)} ± ${g.std.toFixed(d)}` : g.mean.toFixed(d);
      };
      return `${escaped.length} of ${m.n} escape chance (${group(escaped)}), ${stuck.length} stay at chance (${group(stuck)})`;
    }
  }
  return `${m.mean.toFixed(d)} ± ${m.std.toFixed(d)} (n = ${m.n})`;
}

/** The coverage table (Markdown) of `doc.coverage`, every number taken from `doc`. */
export function coverageTable(doc: ResultsDoc): string {
  const rows = doc.coverage.map((r) => ({
    "Seed block": `${r.block.seed}: ${r.block.title}`,
    "Seed section": r.block.section,
    "Our section": r.ourSection ? `[${r.ourSection.title}](${r.ourSection.href})` : "—",
    Ours: oursText(r, doc),
    Published: r.published?.text ?? "—",
    Test: formatPValue(r.test),
    Status: r.status,
  }));
  return markdownTable(rows, { columns: ["Seed block", "Seed section", "Our section", "Ours", "Published", "Test", "Status"] });
}

/** Counts of each status kind ("reproduced", "differs", "not run") over `rows`. */
export function coverageCounts(rows: readonly CoverageRow[]): Record<"reproduced" | "differs" | "not run", number> {
  const out = { reproduced: 0, differs: 0, "not run": 0 };
  for (const r of rows) out[r.status.startsWith("not run") ? "not run" : r.status.startsWith("differs") ? "differs" : "reproduced"]++;
  return out;
}

/** Welch's test between two of our configurations on the same quantity (like with like). */
export function welchBetween(doc: Doc, a: OurQuantity, b: OurQuantity): TTestResult | undefined {
  return welchTest(quantityValues(doc, a, a.scale ?? 1), quantityValues(doc, b, b.scale ?? 1));
}
