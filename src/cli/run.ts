/** `nnbook run <notebook> [--param k=v ...] [--out path] [--export]`. */
import { Command } from "commander";
import { join } from "node:path";
import { parseParameterTexts, splitParamAssignment } from "../kernel/parameters";
import { readNotebook } from "../nbformat/notebook";
import { notebookName, runNotebookFile } from "../kernel/runner";
import { exportNotebook } from "../report/export-markdown";
import { stderrProgress } from "./progress";

/**
 * Collects repeated `--param key=value` options into name → value text; the texts are parsed once
 * the notebook is read, against the types its parameters cell declares (`parseParameterTexts`).
 */
export function collectParam(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const [key, value] = splitParamAssignment(text);
  return { ...previous, [key]: value };
}

/** Longest time limit a timer can hold (2³¹−1 ms, about 24.8 days), in whole seconds. */
const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** Positive, finite seconds (at most {@link MAX_SECONDS}) from an option value (→ milliseconds). */
export function secondsOption(text: string): number {
  const seconds = Number(text);
  if (!(seconds > 0 && seconds <= MAX_SECONDS) || text.trim() === "") {
    throw new Error(`expected a positive number of seconds up to ${MAX_SECONDS} (omit the option for no limit), got "${text}"`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** Adds the `run` command to `program`. */
export function registerRunCommand(program: Command): void {
  program
    .command("run <notebook>")
    .description("execute a notebook top to bottom on a fresh tslab kernel and save the executed copy")
    .option(
      "-p, --param <key=value>",
      "override a parameter; the value must have the type of its default (number, integer, boolean, string, JSON array of numbers); repeatable",
      collectParam,
      {},
    )
    .option("-o, --out <path>", "where to write the executed notebook (default build/executed/<name>.ipynb)")
    .option("--cell-timeout <seconds>", "interrupt a cell that runs longer", secondsOption)
    .option("--start-timeout <seconds>", "time allowed for the kernel to start", secondsOption, 60_000)
    .option("--export", "also export the executed notebook to Markdown")
    .option("--reports-dir <dir>", "Markdown folder for --export", "reports")
    .option("--figures-dir <dir>", "figure folder for --export", "figures")
    .action(async (notebook: string, opts) => {
      const name = notebookName(notebook);
      const out: string = opts.out ?? join("build", "executed", `${name}.ipynb`);
      const parameters = parseParameterTexts(await readNotebook(notebook), opts.param);
      const result = await runNotebookFile(notebook, out, {
        parameters,
        cellTimeoutMs: opts.cellTimeout,
        kernel: { startTimeoutMs: opts.startTimeout },
        onEvent: stderrProgress(name),
      });
      for (const unknown of result.unknownParameters) {
        process.stderr.write(`warning: parameter "${unknown}" is not declared in the parameters cell of ${notebook}\n`);
      }
      process.stderr.write(`[${name}] executed in ${(result.durationMs / 1000).toFixed(1)} s → ${out}\n`);
      if (opts.export) {
        const exported = await exportNotebook(result.notebook, { name, reportsDir: opts.reportsDir, figuresDir: opts.figuresDir });
        process.stderr.write(`[${name}] exported → ${exported.markdownPath} (${exported.figurePaths.length} figure files)\n`);
      }
    });
}
