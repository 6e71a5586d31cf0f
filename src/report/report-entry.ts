import { join } from "node:path";
import { combineReports, ReportPart } from "./combine";
import { buildReport, writeFigures } from "./export-markdown";
import { reportAssets, writeHtmlReport } from "./html-export";
import type { HtmlAsset } from "./html-markdown";
import { ReportEntry } from "./manifest";
import { writeFileAtomic } from "../util/atomic-write";
import { runLimited } from "../util/run-limited";
import { cwdRelativePath, notebookName, RunEvent, runNotebookFile } from "../kernel/runner";

/** Where `buildReportEntry` reads and writes. */
export interface ReportDirs {
  manifest: string;
  executedDir: string;
  reportsDir: string;
  figuresDir: string;
}

/** Options of `buildReportEntry`. */
export interface ReportBuildOptions {
  /** notebooks run at once (default 1) */
  readonly jobs?: number;
  /** a progress handler per notebook name */
  readonly progress?: (notebook: string) => (event: RunEvent) => void;
  /** also write `<reportsDir>/<entry.name>.html` (same content, live charts) */
  readonly html?: boolean;
}

/**
 * Runs the notebooks of `entry`, up to `jobs` at once, and writes one Markdown file,
 * `<reportsDir>/<entry.name>.md`, with the sections in manifest order and every notebook's figures
 * in `<figuresDir>/<entry.name>/<notebook>/` (so two reports never share a figure folder). The
 * output does not depend on `jobs`: notebooks share nothing but the result cache, whose runs are
 * deterministic. When a notebook fails, the others still finish, then the first failure is thrown and
 * the report file is left as it was. Sections are not written as separate files: `nnbook export` does that.
 * With `html`, `<reportsDir>/<entry.name>.html` is written too, from the same Markdown.
 */
export async function buildReportEntry(entry: ReportEntry, dirs: ReportDirs, opts: ReportBuildOptions = {}): Promise<string> {
  const figuresDir = join(dirs.figuresDir, entry.name);
  const assets = new Map<string, HtmlAsset>();
  const parts = await runLimited(
    entry.notebooks.map((path) => async (): Promise<ReportPart> => {
      const name = notebookName(path);
      const executed = join(dirs.executedDir, entry.name, `${name}.ipynb`);
      const result = await runNotebookFile(path, executed, { onEvent: opts.progress?.(name) });
      const report = await buildReport(result.notebook, { name, reportsDir: dirs.reportsDir, figuresDir });
      await writeFigures(join(figuresDir, name), report.figures);
      reportAssets(report, assets);
      return { name, body: report.body, timing: report.timing };
    }),
    opts.jobs ?? 1,
  );
  const out = join(dirs.reportsDir, `${entry.name}.md`);
  const markdown = combineReports(entry.title, cwdRelativePath(dirs.manifest), entry.name, parts);
  await writeFileAtomic(out, markdown);
  if (opts.html === true) await writeHtmlReport(dirs.reportsDir, entry.name, markdown, assets);
  return out;
}
