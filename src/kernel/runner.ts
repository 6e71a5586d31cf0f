/**
 * Executes a notebook top to bottom on a fresh tslab kernel: injects parameters, runs each code
 * cell, stores outputs, execution counts, timings and run metadata, and stops at the first
 * failing cell (unless `allowErrors`). The kernel is always shut down.
 */
import { basename, dirname, relative, resolve, sep } from "node:path";
import { cellSource, CodeCell, Notebook, readNotebook, writeNotebook } from "../nbformat/notebook";
import { ExecuteOutcome, KernelClient, KernelError, KernelStartOptions } from "./kernel";
import { errorText, OutputCollector, trimStack } from "./outputs";
import { injectParameters } from "./parameters";
import { packageVersion, tslabVersion } from "../util/versions";

/** Progress events of a run (the CLI prints them to stderr). */
export type RunEvent =
  | { kind: "kernel-ready"; ms: number }
  | { kind: "cell-start"; cellNumber: number; step: number; steps: number }
  | { kind: "cell-end"; cellNumber: number; step: number; steps: number; status: string; ms: number };

/** Options of {@link runNotebook}. */
export interface RunOptions {
  /** Values for the `injected-parameters` cell. */
  parameters?: Readonly<Record<string, unknown>>;
  /** Kernel working directory (default: the current directory). */
  cwd?: string;
  /** Keep going after a failing cell (for self-check scoring); failures are all reported. */
  allowErrors?: boolean;
  /** Interrupt a cell after this long. */
  cellTimeoutMs?: number;
  /** Path recorded as `metadata.nnbook.source` (relative to the current directory). */
  sourcePath?: string;
  onEvent?: (event: RunEvent) => void;
  kernel?: KernelStartOptions;
}

/** A failed cell: its 1-based position in the executed notebook and the kernel's error text. */
export interface CellFailure {
  cellNumber: number;
  executionCount: number | null;
  status: string;
  errorText: string;
}

/** Outcome of a run; `notebook` holds every executed cell's outputs (up to a failure). */
export interface NotebookRunResult {
  notebook: Notebook;
  failures: CellFailure[];
  unknownParameters: string[];
  durationMs: number;
}

/** Thrown by {@link runNotebookFile} when a cell fails (after the executed notebook is written). */
export class CellExecutionError extends Error {
  override name = "CellExecutionError";
  constructor(
    readonly failure: CellFailure,
    readonly outputPath?: string,
  ) {
    const first = failure.errorText.split("\n").find((line) => line.trim() !== "") ?? "(no error text)";
    super(`cell ${failure.cellNumber} (In [${failure.executionCount ?? " "}]) failed: ${first}\n${failure.errorText}`);
  }
}

/** Runs the code cells of `notebook`; see {@link RunOptions}. Never throws for a failing cell. */
export async function runNotebook(source: Notebook, options: RunOptions = {}): Promise<NotebookRunResult> {
  const { notebook, unknown } = injectParameters(source, options.parameters ?? {});
  const started = Date.now();
  const kernel = await KernelClient.start({ cwd: options.cwd, ...options.kernel });
  const failures: CellFailure[] = [];
  try {
    options.onEvent?.({ kind: "kernel-ready", ms: Date.now() - started });
    const collector = new OutputCollector();
    const steps = notebook.cells.flatMap((cell, i) => (cell.cell_type === "code" && cellSource(cell).trim() !== "" ? [i] : []));
    for (const [k, index] of steps.entries()) {
      const failure = await runCell(kernel, notebook.cells[index] as CodeCell, index + 1, k + 1, steps.length, collector, options);
      if (failure) failures.push(failure);
      if (failure && (!options.allowErrors || failure.status === KERNEL_DIED)) break;
      if (failure) await pause(300); // tslab cancels requests queued within 200 ms of an error
    }
    recordRun(notebook, kernel, started, failures, options.sourcePath);
  } finally {
    await kernel.shutdown();
  }
  return { notebook, failures, unknownParameters: unknown, durationMs: Date.now() - started };
}

async function runCell(
  kernel: KernelClient,
  cell: CodeCell,
  cellNumber: number,
  step: number,
  steps: number,
  collector: OutputCollector,
  options: RunOptions,
): Promise<CellFailure | null> {
  options.onEvent?.({ kind: "cell-start", cellNumber, step, steps });
  const t0 = new Date();
  cell.outputs = [];
  collector.startCell();
  let outcome: ExecuteOutcome;
  try {
    outcome = await kernel.execute(cellSource(cell), (m) => collector.apply(cell.outputs, m), options.cellTimeoutMs);
    if (outcome.status === "abort") {
      await pause(300);
      outcome = await kernel.execute(cellSource(cell), (m) => collector.apply(cell.outputs, m), options.cellTimeoutMs);
    }
  } catch (error) {
    if (!(error instanceof KernelError)) throw error;
    return kernelDied(cell, cellNumber, error, () =>
      options.onEvent?.({ kind: "cell-end", cellNumber, step, steps, status: KERNEL_DIED, ms: Date.now() - t0.getTime() }),
    );
  }
  const t1 = new Date();
  cell.execution_count = outcome.executionCount;
  cell.metadata.execution = { "iopub.execute_input": t0.toISOString(), "shell.execute_reply": t1.toISOString() };
  options.onEvent?.({ kind: "cell-end", cellNumber, step, steps, status: outcome.status, ms: t1.getTime() - t0.getTime() });
  if (outcome.status === "ok") return null;
  const limit = outcome.timedOut ? `timed out after ${(options.cellTimeoutMs ?? 0) / 1000} s and was interrupted\n` : "";
  const text = limit + (trimStack(errorText(cell.outputs)) || `the kernel replied "${outcome.status}" without error text`);
  return { cellNumber, executionCount: outcome.executionCount, status: outcome.status, errorText: text };
}

/** `CellFailure.status` of a cell during which the kernel died (no later cell can run). */
export const KERNEL_DIED = "kernel-died";

/**
 * The failure of a cell whose kernel died (the cell called process.exit, ran out of memory, or was
 * killed after its time limit): the error goes into the cell's outputs as stderr, so the executed
 * notebook shows it, and into the failure.
 */
function kernelDied(cell: CodeCell, cellNumber: number, error: KernelError, end: () => void): CellFailure {
  end();
  cell.execution_count = null;
  const died = /^tslab kernel died: /;
  const text = died.test(error.message) ? `the kernel died while running this cell: ${error.message.replace(died, "")}` : error.message;
  cell.outputs.push({ output_type: "stream", name: "stderr", text: `${text}\n` });
  return { cellNumber, executionCount: null, status: KERNEL_DIED, errorText: text };
}

function recordRun(notebook: Notebook, kernel: KernelClient, started: number, failures: CellFailure[], sourcePath?: string): void {
  const info = kernel.kernelInfo.language_info;
  if (info && typeof info === "object") notebook.metadata.language_info = info;
  notebook.metadata.kernelspec = notebook.metadata.kernelspec ?? { name: "tslab", display_name: "TypeScript", language: "typescript" };
  const nnbook = (notebook.metadata.nnbook ?? {}) as Record<string, unknown>;
  if (sourcePath !== undefined) nnbook.source = sourcePath;
  nnbook.version = packageVersion();
  nnbook.status = failures.length === 0 ? "ok" : "failed";
  nnbook.execution = {
    start: new Date(started).toISOString(),
    end: new Date().toISOString(),
    node: process.version,
    tslab: tslabVersion(),
  };
  notebook.metadata.nnbook = nnbook;
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** `notebooks/03-batchnorm.ipynb` → `03-batchnorm`. */
export function notebookName(path: string): string {
  return basename(path).replace(/\.ipynb$/i, "");
}

/** `path` relative to the current directory with `/` separators (for metadata and headers). */
export function cwdRelativePath(path: string): string {
  return relative(process.cwd(), resolve(path)).split(sep).join("/");
}

/**
 * Reads `inputPath`, runs it with the kernel in the notebook's folder (as Jupyter does), and
 * writes the executed notebook to `outputPath` atomically — also when a cell fails, in which
 * case it then throws {@link CellExecutionError}.
 */
export async function runNotebookFile(inputPath: string, outputPath: string, options: RunOptions = {}): Promise<NotebookRunResult> {
  const source = await readNotebook(inputPath);
  const cwd = options.cwd ?? dirname(resolve(inputPath));
  const result = await runNotebook(source, { sourcePath: cwdRelativePath(inputPath), ...options, cwd });
  await writeNotebook(outputPath, result.notebook);
  if (result.failures.length > 0 && !options.allowErrors) throw new CellExecutionError(result.failures[0], outputPath);
  return result;
}
