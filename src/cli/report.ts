/** `nnbook report [names...]`: run the notebooks of each report (a few at a time) and combine the exports. */
import { Command, InvalidArgumentError } from "commander";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { buildReportEntry, ReportDirs } from "../report/report-entry";
import { readManifest, selectReports } from "../report/manifest";
import { stderrProgress } from "./progress";

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
    .option("-j, --jobs <n>", "notebooks run at once (each runs its own sweeps; default: the number of cores)", parseJobs, Math.max(1, availableParallelism()))
    .option("--html", "also write <reports-dir>/<report>.html: one self-contained page with live charts")
    .action(async (names: string[], opts) => {
      const dirs: ReportDirs = { manifest: opts.manifest, executedDir: opts.executedDir, reportsDir: opts.reportsDir, figuresDir: opts.figuresDir };
      const entries = selectReports(await readManifest(dirs.manifest), names, dirs.manifest);
      for (const entry of entries) {
        const out = await buildReportEntry(entry, dirs, { jobs: opts.jobs, progress: stderrProgress, html: opts.html === true });
        process.stderr.write(`[report ${entry.name}] → ${out}\n`);
      }
    });
}
