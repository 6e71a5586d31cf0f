/**
 * Failing cells reported the way Jupyter clients expect, installed into a running tslab kernel
 * when a notebook imports `dist/notebook` (tslab 1.0.22; a no-op outside a kernel).
 *
 * What tslab does by itself: a cell's thrown value goes to `console.error` (stderr, with frames
 * `evalmachine.<anonymous>:10:11` of the transpiled code and Node-internal frames), and the
 * execute_reply is only `{status: "error", execution_count}` — no `ename`/`evalue`/`traceback` and
 * no `error` message, so nbconvert shows `<Error>: ` with no message. Patched here:
 * - `JupyterHandlerImpl.prototype.handleExecuteImpl` and `vm.runInThisContext`: each cell's script
 *   is named `Cell In[n]`, its source and JavaScript are kept, and a value it throws is reported
 *   in cell terms (`cell-errors`) — tslab then prints that report on stderr;
 * - `JupyterHandlerImpl.prototype.handleExecute`: adds `ename`, `evalue` and `traceback` to a
 *   failed cell's execute_reply (what nbclient / nbconvert display); for a cell that failed
 *   without throwing (TypeScript errors, an interrupt) the evalue is its stderr text, kept by
 *   wrapping `createWriteToIopub`.
 * Limit: the cell that first imports `dist/notebook` is already running when the patch goes in,
 * so its own errors look as tslab prints them; every later cell is covered.
 */
import { inspect } from "util";
import type { RunningScriptOptions } from "vm";
import { CellCode, CellErrorReport, cellErrorReport, reportText } from "./cell-errors";
import { tslabJupyterModule } from "./tslab-hook";

type Handler = { execCount: number };
type ExecuteImpl = (this: Handler, req: { code: string }, ...rest: unknown[]) => Promise<unknown>;
type Execute = (this: Handler, req: { code: string }, ...rest: unknown[]) => Promise<Record<string, unknown>>;

type RunInThisContext = (code: string, options?: RunningScriptOptions | string) => unknown;
type WriterFactory = (this: unknown, name: string, ...rest: unknown[]) => (chunk: unknown, ...args: unknown[]) => boolean;
/** The cell executing now: its script name, source, the report of what it threw, the tail of its stderr. */
type Running = { name: string; source: string; report?: CellErrorReport; stderr: string };

const MARK = Symbol.for("nnbook.kernelErrors");
/** Cells kept for frames of functions defined in earlier cells (the oldest are dropped beyond this). */
const KEEP_CELLS = 500;
/** Stderr characters kept per cell (the end) for a failure without a thrown value. */
const KEEP_STDERR = 4000;
/** Cells run since the patch, by script name. */
const cells = new Map<string, CellCode>();
/** The report of each failed request, until its reply is built. */
const failures = new WeakMap<object, CellErrorReport>();
let running: Running | null = null;

/**
 * The report for `thrown` (kept on `cell`), and `thrown` made to print as that report: tslab's
 * executor prints it with its own `console.error` (captured at kernel start, so not patchable),
 * which formats it through `util.inspect` and so through `inspect.custom`.
 */
function reported(thrown: unknown, cell: Running): unknown {
  const report = cellErrorReport(thrown, cells);
  cell.report = report;
  if (thrown !== null && typeof thrown === "object" && Object.isExtensible(thrown)) {
    Object.defineProperty(thrown, inspect.custom, { value: () => reportText(report).trimEnd(), configurable: true });
  }
  return thrown;
}

/**
 * `vm.runInThisContext` that names tslab's cell scripts (`(async function(exports, require) { …`),
 * keeps their code, and reports what they throw (synchronously or through the returned promise).
 */
function namingRunInThisContext(original: RunInThisContext): RunInThisContext {
  return (code, options) => {
    const cell = running;
    const isCell = cell !== null && typeof options === "object" && options.filename === undefined && /^\((async )?function\(exports, require\) \{ /.test(code);
    if (!isCell) return original(code, options);
    cells.set(cell.name, { name: cell.name, source: cell.source, js: code });
    if (cells.size > KEEP_CELLS) cells.delete(cells.keys().next().value as string);
    try {
      const result = original(code, { ...options, filename: cell.name });
      if (result instanceof Promise) return result.catch((e: unknown) => Promise.reject(reported(e, cell)));
      return result;
    } catch (e) {
      throw reported(e, cell);
    }
  };
}

/** The report of a cell that failed without throwing: it did not compile (tslab printed the diagnostics) or was interrupted. */
function unthrownFailure(cell: Running): CellErrorReport {
  const lines = cell.stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const text = lines.join("; ");
  const evalue = text ? `${cell.name}: ${text.length > 1000 ? `${text.slice(0, 1000)} …` : text}` : `${cell.name} failed without an error message`;
  return { ename: "Error", evalue, traceback: [] };
}

/** tslab's per-cell stream writer, also keeping the cell's stderr text (for `unthrownFailure`). */
function wrapCreateWriter(original: WriterFactory): WriterFactory {
  return function (this: unknown, name, ...rest) {
    const write = original.call(this, name, ...rest);
    const cell = running;
    if (name !== "stderr" || cell === null) return write;
    return (chunk, ...args) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      cell.stderr = (cell.stderr + text).slice(-KEEP_STDERR);
      return write(chunk, ...args);
    };
  };
}

function wrapExecuteImpl(original: ExecuteImpl): ExecuteImpl {
  return async function (this: Handler, req, ...rest) {
    const cell: Running = { name: `Cell In[${this.execCount + 1}]`, source: req.code, stderr: "" };
    running = cell;
    try {
      return await original.call(this, req, ...rest);
    } catch (error) {
      failures.set(req, cell.report ?? unthrownFailure(cell));
      throw error;
    } finally {
      running = null;
    }
  };
}

function wrapExecute(original: Execute): Execute {
  return async function (this: Handler, req, ...rest) {
    const reply = await original.call(this, req, ...rest);
    const report = failures.get(req);
    failures.delete(req);
    return reply.status === "error" && report ? { ...reply, ...report } : reply;
  };
}

/**
 * Installs the patches described above into the tslab kernel this process runs (once); returns
 * false outside a kernel or when tslab's internals are not as expected (then nothing changes).
 */
export function installErrorReporting(): boolean {
  const jupyter = tslabJupyterModule() as { JupyterHandlerImpl?: { prototype: Record<string | symbol, unknown> } } | null;
  const proto = jupyter?.JupyterHandlerImpl?.prototype;
  if (!proto || typeof proto.handleExecute !== "function" || typeof proto.handleExecuteImpl !== "function" || typeof proto.createWriteToIopub !== "function")
    return false;
  if (proto[MARK]) return true;
  proto[MARK] = true;
  proto.handleExecuteImpl = wrapExecuteImpl(proto.handleExecuteImpl as ExecuteImpl);
  proto.handleExecute = wrapExecute(proto.handleExecute as Execute);
  proto.createWriteToIopub = wrapCreateWriter(proto.createWriteToIopub as WriterFactory);
  const vmModule = require("vm") as { runInThisContext: RunInThisContext }; // the object tslab's executor calls through
  vmModule.runInThisContext = namingRunInThisContext(vmModule.runInThisContext);
  return true;
}

installErrorReporting();
