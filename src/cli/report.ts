/** `nnbook report [names...]`: run every notebook of each report in order and combine the exports. */
import { Command } from "commander";
import { join } from "node:path";
import { displayPath, runNotebookFile } from "../notebook/runner";
import { writeFileAtomic } from "../util/atomic-write";
import { combineReports, ReportPart } from "../report/combine";
import { buildReport, writeFigures } from "../report/export-markdown";
import { readManifest, ReportEntry, selectReports } from "../report/manifest";
import { stderrProgress } from "./progress";
import { notebookName } from "./run";

/** Where the report command reads and writes. */
export interface ReportDirs {
  manifest: string;
  executedDir: string;
  reportsDir: string;
  figuresDir: string;
}

/**
 * Runs the notebooks of `entry` in order and writes one Markdown file, `<reportsDir>/<entry.name>.md`,
 * with every notebook's figures in `<figuresDir>/<entry.name>/<notebook>/` (so two reports never
 * share a figure folder). Sections are not written as separate files: `nnbook export` does that.
 */
export async function buildReportEntry(entry: ReportEntry, dirs: ReportDirs): Promise<string> {
  const parts: ReportPart[] = [];
  const figuresDir = join(dirs.figuresDir, entry.name);
  for (const path of entry.notebooks) {
    const name = notebookName(path);
    const executed = join(dirs.executedDir, entry.name, `${name}.ipynb`);
    const result = await runNotebookFile(path, executed, { onEvent: stderrProgress(name) });
    const report = await buildReport(result.notebook, { name, reportsDir: dirs.reportsDir, figuresDir });
    await writeFigures(join(figuresDir, name), report.figures);
    parts.push({ name, body: report.body, timing: report.timing });
  }
  const out = join(dirs.reportsDir, `${entry.name}.md`);
  await writeFileAtomic(out, combineReports(entry.title, displayPath(dirs.manifest), entry.name, parts));
  return out;
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
    .action(async (names: string[], opts) => {
      const dirs: ReportDirs = { manifest: opts.manifest, executedDir: opts.executedDir, reportsDir: opts.reportsDir, figuresDir: opts.figuresDir };
      const entries = selectReports(await readManifest(dirs.manifest), names, dirs.manifest);
      for (const entry of entries) {
        const out = await buildReportEntry(entry, dirs);
        process.stderr.write(`[report ${entry.name}] → ${out}\n`);
      }
    });
}
