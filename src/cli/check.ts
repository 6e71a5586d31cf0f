/** `nnbook check <student.ipynb> [-o executed] [--json]`: run a student notebook and score its self-checks. */
import { Command } from "commander";
import { checkNotebookFile } from "../teaching/check-notebook";
import { formatScore } from "../teaching/score";
import { stderrProgress } from "./progress";
import { notebookName } from "../kernel/runner";
import { secondsOption } from "./run";

/** Default per-cell time limit of `check` (a student's endless loop must not hang the grader). */
export const CHECK_CELL_TIMEOUT_MS = 300_000;

/** Adds the `check` command to `program`. */
export function registerCheckCommand(program: Command): void {
  program
    .command("check <notebook>")
    .description(
      "execute a (student) notebook, going on after failing cells, and print the score table of its self-checks; " +
        "exit 0 when the run completed, whatever the score",
    )
    .option("-o, --out <path>", "also save the executed notebook here")
    .option("--json", "print the score as JSON instead of a table")
    .option("--cell-timeout <seconds>", "interrupt a cell after this long (it then counts as failed; default 300)", secondsOption, CHECK_CELL_TIMEOUT_MS)
    .option("--start-timeout <seconds>", "time allowed for the kernel to start", secondsOption, 60_000)
    .action(async (notebook: string, opts: { out?: string; json?: boolean; cellTimeout: number; startTimeout: number }) => {
      const name = notebookName(notebook);
      const { report, run } = await checkNotebookFile(notebook, {
        out: opts.out,
        cellTimeoutMs: opts.cellTimeout,
        kernel: { startTimeoutMs: opts.startTimeout },
        onEvent: stderrProgress(name),
      });
      process.stderr.write(`[${name}] checked in ${(run.durationMs / 1000).toFixed(1)} s${opts.out ? ` → ${opts.out}` : ""}\n`);
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatScore(report)}\n`);
    });
}
