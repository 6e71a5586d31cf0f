import { existsSync, readFileSync } from "fs";
import { splitFooter } from "../report/export-header";

/** How long a generated report took, from the timing lines of its footer. */
export interface ReportTime {
  readonly file: string;
  /** notebooks with a timing line */
  readonly notebooks: number;
  /** Σ of the notebooks' execution times */
  readonly sumSeconds: number;
  /** from the first notebook's start to the last one's end (notebooks may run in parallel) */
  readonly spanSeconds: number;
}

const TIMING = /executed (\d{4}-\d{2}-\d{2}T[0-9:.]+Z) in ([0-9.]+) s/g;

/**
 * Reads the footer of a report exported by `nnbook report` (lines "… executed <ISO time> in
 * <seconds> s …", one per notebook). Undefined when the footer has no timing line.
 */
export function parseReportTime(markdown: string, file: string): ReportTime | undefined {
  const { footer } = splitFooter(markdown);
  const runs = [...footer.matchAll(TIMING)].map((m) => ({ start: Date.parse(m[1]), seconds: Number(m[2]) }));
  if (runs.length === 0) return undefined;
  const start = Math.min(...runs.map((r) => r.start));
  const end = Math.max(...runs.map((r) => r.start + 1000 * r.seconds));
  return {
    file,
    notebooks: runs.length,
    sumSeconds: runs.reduce((s, r) => s + r.seconds, 0),
    spanSeconds: (end - start) / 1000,
  };
}

/** The timing of `file` (default reports/dd2424-a3.md) if that report has been generated. */
export function readReportTime(file = "reports/dd2424-a3.md"): ReportTime | undefined {
  return existsSync(file) ? parseReportTime(readFileSync(file, "utf8"), file) : undefined;
}
