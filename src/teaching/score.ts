/**
 * Scoring an executed student notebook: one row per `self-check` cell, from the CHECK_MIME results
 * its outputs hold; a cell that failed (or never ran, or showed no result) is a failed check.
 */
import { Notebook, NotebookOutput } from "../nbformat/notebook";
import { CHECK_MIME, CheckResult } from "./check-result";
import { cellLabel, hasTag, SELF_CHECK_TAG, selfCheckSpec } from "./cell-meta";

/** A failed cell of the run: 1-based position and the kernel's error text (as `runNotebook` reports it). */
export interface FailedCell {
  readonly cellNumber: number;
  readonly errorText: string;
}

/** One line of the score table. */
export interface ScoreRow {
  readonly check: string;
  /** points the check is worth */
  readonly points: number;
  /** points earned (all or nothing) */
  readonly earned: number;
  readonly pass: boolean;
  readonly message: string;
  readonly hint: string;
  /** 1-based cell position */
  readonly cellNumber: number;
  readonly measuredError: number | null;
  readonly expected: string;
}

/** The score of one run: rows in notebook order, totals, and failures outside self-check cells. */
export interface ScoreReport {
  readonly rows: readonly ScoreRow[];
  readonly earned: number;
  readonly total: number;
  readonly otherFailures: readonly { readonly cellNumber: number; readonly message: string }[];
}

/** The first line of an error text that says what went wrong (`Error: …`, a tsc diagnostic, …). */
export function errorSummary(errorText: string): string {
  const lines = errorText
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const error = lines.find((l) => /^([A-Z]\w*)?(Error|Exception)\b.*?:/.test(l) || /^\d+:\d+ - /.test(l) || /timed out/.test(l));
  return error ?? lines[0] ?? "(no error text)";
}

function isCheckResult(value: unknown): value is CheckResult {
  const r = value as Partial<CheckResult> | null;
  return r !== null && typeof r === "object" && typeof r.check === "string" && typeof r.pass === "boolean" && typeof r.message === "string";
}

/** The CHECK_MIME results shown by a cell's outputs, in order. */
export function checkResults(outputs: readonly NotebookOutput[]): CheckResult[] {
  return outputs.flatMap((o) =>
    (o.output_type === "display_data" || o.output_type === "execute_result") && isCheckResult(o.data[CHECK_MIME]) ? [o.data[CHECK_MIME] as CheckResult] : [],
  );
}

/**
 * Scores `executed` (a student notebook after `runNotebook` with allowErrors). Points and names
 * come from each cell's `metadata.nnbook.check`, else from the result shown (else 1 point and
 * "cell N"). A cell with several results passes only when all pass.
 */
export function scoreNotebook(executed: Notebook, failures: readonly FailedCell[]): ScoreReport {
  const rows: ScoreRow[] = [];
  executed.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code" || !hasTag(cell, SELF_CHECK_TAG)) return;
    const spec = selfCheckSpec(cell, i);
    const results = checkResults(cell.outputs);
    const failure = failures.find((f) => f.cellNumber === i + 1);
    const failed = results.find((r) => !r.pass) ?? results[0];
    const check = spec?.name ?? failed?.check ?? cellLabel(cell, i);
    const points = spec?.points ?? (typeof failed?.points === "number" ? failed.points : 1);
    let verdict: Pick<ScoreRow, "pass" | "message" | "hint" | "measuredError" | "expected">;
    if (failure)
      verdict = { pass: false, message: `cell error: ${errorSummary(failure.errorText)}`, hint: "", measuredError: null, expected: failed?.expected ?? "" };
    else if (cell.execution_count === null)
      verdict = { pass: false, message: "not run (the run stopped before this cell)", hint: "", measuredError: null, expected: "" };
    else if (!failed)
      verdict = { pass: false, message: "the cell showed no check result (is the check call still in it?)", hint: "", measuredError: null, expected: "" };
    else
      verdict = {
        pass: failed.pass,
        message: failed.message,
        hint: failed.hint ?? "",
        measuredError: failed.measuredError ?? null,
        expected: failed.expected ?? "",
      };
    rows.push({ check, points, earned: verdict.pass ? points : 0, cellNumber: i + 1, ...verdict });
  });
  const checkCells = new Set(rows.map((r) => r.cellNumber));
  return {
    rows,
    earned: rows.reduce((a, r) => a + r.earned, 0),
    total: rows.reduce((a, r) => a + r.points, 0),
    otherFailures: failures.filter((f) => !checkCells.has(f.cellNumber)).map((f) => ({ cellNumber: f.cellNumber, message: errorSummary(f.errorText) })),
  };
}

/** Pads the columns of `rows` (the first is the header) with a rule under the header. */
function textTable(rows: readonly string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, c) => cell + " ".repeat(widths[c] - [...cell].length))
      .join("  ")
      .trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** The score table (check, points, pass/fail, message), the total, and the other failed cells. */
export function formatScore(report: ScoreReport): string {
  const table = textTable([
    ["Check", "Points", "Result", "Message"],
    ...report.rows.map((r) => [r.check, `${r.earned}/${r.points}`, r.pass ? "pass" : "FAIL", r.message + (r.pass || !r.hint ? "" : ` — hint: ${r.hint}`)]),
  ]);
  const passed = report.rows.filter((r) => r.pass).length;
  const lines = [table, "", `Total: ${report.earned}/${report.total} points (${passed} of ${report.rows.length} checks passed)`];
  for (const f of report.otherFailures) lines.push(`note: cell ${f.cellNumber} failed: ${f.message}`);
  return lines.join("\n");
}
