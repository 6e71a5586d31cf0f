/** `nnbook report [names...]`: run the notebooks of each report (a few at a time) and combine the exports. */
import { Command, InvalidArgumentError } from "commander";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { displayPath, runNotebookFile } from "../notebook/runner";
import { writeFileAtomic } from "../util/atomic-write";
import { combineReports, ReportPart } from "../report/combine";
import { buildReport, writeFigures } from "../report/export-markdown";
import { readManifest, ReportEntry, selectReports } from "../report/manifest";
import { stderrProgress } from "./progress";
import { notebookName } from "./run";
import { runLimited } from "../util/run-limited";

/** Where the report command reads and writes. */
export interface ReportDirs {
  manifest: string;
  executedDir: string;
  reportsDir: string;
  figuresDir: string;
}

/**
 * Runs the notebooks of `entry`, up to `jobs` at once (default 1), and writes one Markdown file,
 * `<reportsDir>/<entry.name>.md`, with the sections in manifest order and every notebook's figures
 * in `<figuresDir>/<entry.name>/<notebook>/` (so two reports never share a figure folder). The
 * output does not depend on `jobs`: notebooks share nothing but the result cache, whose runs are
 * deterministic. When a notebook fails, the others still finish, then the first failure is thrown and
 * the report file is left as it was. Sections are not written as separate files: `nnbook export` does that.
 */
export async function buildReportEntry(entry: ReportEntry, dirs: ReportDirs, jobs = 1): Promise<string> {
  const figuresDir = join(dirs.figuresDir, entry.name);
  const parts = await runLimited(entry.notebooks.map((path) => async (): Promise<ReportPart> => {
    const name = notebookName(path);
    const executed = join(dirs.executedDir, entry.name, `${name}.ipynb`);
    const result = await runNotebookFile(path, executed, { onEvent: stderrProgress(name) });
    const report = await buildReport(result.notebook, { name, reportsDir: dirs.reportsDir, figuresDir });
    await writeFigures(join(figuresDir, name), report.figures);
    return { name, body: report.body, timing: report.timing };
  }), jobs);
  const out = join(dirs.reportsDir, `${entry.name}.md`);
  await writeFileAtomic(out, combineReports(entry.title, displayPath(dirs.manifest), entry.name, parts));
  return out;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1)) throw new InvalidArgumentError(`expected an integer ≥ 1, got "${value}"`);
  return n;
}

/** Adds the `report` command to `program`. */
export function registerReportCommand(program: Command): void {
  program
    .command("report [names...]")
    .description("run the notebooks of each report (all reports when no names) and write reports/<report>.md")
    .option("--manifest <path>", "report manifest", join("notebooks", "reports.json"))
    .option("--executed-dir <dir>", "where executed notebooks go", join("build", "executed"))
    .option("--reports-dir <dir>", "Markdown folder", "reports")
    .option("--figures-dir <dir>", "figure folder", "figures")
    .option("-j, --jobs <n>", "notebooks run at once (each runs its own sweeps; default: the number of cores)", parseJobs,
      Math.max(1, availableParallelism()))
    .action(async (names: string[], opts) => {
      const dirs: ReportDirs = { manifest: opts.manifest, executedDir: opts.executedDir, reportsDir: opts.reportsDir, figuresDir: opts.figuresDir };
      const entries = selectReports(await readManifest(dirs.manifest), names, dirs.manifest);
      for (const entry of entries) {
        const out = await buildReportEntry(entry, dirs, opts.jobs);
        process.stderr.write(`[report ${entry.name}] → ${out}\n`);
      }
    });
}
