/**
 * Executes a student notebook on a fresh tslab kernel, keeping going after failing cells, and
 * scores its self-checks. Kernel-side code: imported by the CLI and tests, never through
 * src/index.ts (notebooks must not load the kernel client).
 */
import { dirname, resolve } from "node:path";
import { Notebook, readNotebook, writeNotebook } from "../nbformat/notebook";
import { cwdRelativePath, runNotebook, RunOptions, NotebookRunResult } from "../kernel/runner";
import { ScoreReport, scoreNotebook } from "./score";

/** Options of {@link checkNotebook}: the runner's, without parameters (students' defaults count). */
export type CheckNotebookOptions = Omit<RunOptions, "allowErrors" | "parameters">;

/** A scored run: the score and the executed notebook with its failures. */
export interface CheckedNotebook {
  readonly report: ScoreReport;
  readonly run: NotebookRunResult;
}

/**
 * Runs every code cell of `notebook` (allowErrors: a failing cell is recorded and the run goes on)
 * and scores it with `scoreNotebook`. Rejects only when the kernel or the run itself breaks.
 */
export async function checkNotebook(notebook: Notebook, opts: CheckNotebookOptions = {}): Promise<CheckedNotebook> {
  const run = await runNotebook(notebook, { ...opts, allowErrors: true });
  return { report: scoreNotebook(run.notebook, run.failures), run };
}

/**
 * Checks the notebook at `path` with the kernel in its folder (so `../../dist` imports resolve);
 * writes the executed copy to `out` when given.
 */
export async function checkNotebookFile(path: string, opts: CheckNotebookOptions & { out?: string } = {}): Promise<CheckedNotebook> {
  const { out, ...rest } = opts;
  const notebook = await readNotebook(path);
  const checked = await checkNotebook(notebook, { sourcePath: cwdRelativePath(path), cwd: dirname(resolve(path)), ...rest });
  if (out !== undefined) await writeNotebook(out, checked.run.notebook);
  return checked;
}
