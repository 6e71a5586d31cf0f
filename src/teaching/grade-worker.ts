/**
 * The sandboxed side of `nnbook grade`: a fresh Node process (inside bubblewrap unless
 * --no-sandbox) that reads one job on stdin — the graded program (the teacher's code with the
 * student's region bodies, compiled to JavaScript), the inputs each check recorded, the modules
 * the program may load — and calls the student's function on each input. Every check gets a new
 * VM context (fresh Math, Array, typed arrays); every call a time limit. It writes one JSON line
 * per call (result or error, and the arguments afterwards) to stdout. It runs no checker and holds
 * no reference implementation: the hidden exports throw "not available in graded code".
 */
import { readFileSync, writeSync } from "node:fs";
import * as vm from "node:vm";
import { decodeValue, encodeValue, Wire } from "./graded-values";
import { hideExports } from "./grade-registry";

/** The job the grader sends. */
export interface WorkerJob {
  /** JavaScript (CommonJS) of the graded program */
  readonly program: string;
  /** module specifier used by the program → absolute path it may load */
  readonly modules: Readonly<Record<string, string>>;
  /** compiled modules (absolute paths) and the exports to hide in them */
  readonly hidden: readonly { readonly path: string; readonly exports: readonly string[] }[];
  readonly checks: readonly { readonly functionName: string; readonly calls: readonly Wire[] }[];
  readonly callTimeoutMs: number;
}

/** One output line: a call's outcome. */
export interface WorkerLine {
  readonly check: number;
  readonly call: number;
  readonly result?: Wire;
  readonly error?: { readonly name: string; readonly message: string };
  readonly argsAfter?: Wire;
}

/** Writes one line to stdout synchronously (survives the process dying right after). */
function emit(line: WorkerLine | { done: true } | { ready: true }): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

/** Ends of the process that graded code must not reach (the grader notes an early end anyway). */
function lockProcess(): void {
  const blocked = (what: string) => (): never => {
    throw new Error(`${what} is not available in graded code`);
  };
  for (const name of ["exit", "reallyExit", "abort", "kill", "dlopen"] as const) {
    Object.defineProperty(process, name, { value: blocked(`process.${name}`), writable: false, configurable: false });
  }
}

/** A `require` that loads only the modules the teacher's imports name. */
function limitedRequire(modules: WorkerJob["modules"]): (specifier: string) => unknown {
  return (specifier: string) => {
    const path = Object.prototype.hasOwnProperty.call(modules, specifier) ? modules[specifier] : undefined;
    if (path === undefined) throw new Error(`require(${JSON.stringify(specifier)}) is not available in graded code`);
    return require(path) as unknown;
  };
}

const TIMEOUT_CODE = "ERR_SCRIPT_EXECUTION_TIMEOUT";

/** Runs `code` in `context` with the call time limit; a time-out becomes a clear error. */
function runLimited(code: string, context: vm.Context, timeoutMs: number): unknown {
  try {
    return vm.runInContext(code, context, { timeout: timeoutMs, filename: "graded.js" });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === TIMEOUT_CODE) throw new Error(`did not return within ${timeoutMs / 1000} s (stopped)`);
    throw error;
  }
}

/** The call script: the outcome is encoded inside the time limit (getters and proxies included). */
const CALL = `(() => {
  try { const r = __fn.apply(undefined, __args); return __encode({ result: r, argsAfter: __args }); }
  catch (e) {
    let name = "Error", message = "";
    try { name = String(e && e.name); message = String(e && e.message !== undefined ? e.message : e); } catch { message = "(an unprintable value was thrown)"; }
    return { error: { name, message } };
  }
})()`;

/** Runs check `k`'s calls in a fresh context and emits their outcomes. */
function runCheck(job: WorkerJob, k: number, load: (specifier: string) => unknown): void {
  const { functionName, calls } = job.checks[k];
  const module = { exports: {} };
  const context = vm.createContext(
    { require: load, module, exports: module.exports, console: { log() {}, error() {}, warn() {}, info() {} } },
    {
      codeGeneration: { strings: false, wasm: false },
    },
  );
  let setupError: { name: string; message: string } | undefined;
  try {
    const grab = `\n;globalThis.__fn = typeof ${functionName} === "function" ? ${functionName} : undefined;`;
    runLimited(job.program + grab, context, job.callTimeoutMs);
    if (typeof context.__fn !== "function") setupError = { name: "ReferenceError", message: `${functionName} is not defined by the graded code` };
  } catch (error) {
    setupError = { name: (error as Error)?.name ?? "Error", message: `the graded code failed to load: ${(error as Error)?.message ?? String(error)}` };
  }
  calls.forEach((wire, j) => {
    if (setupError) return emit({ check: k, call: j, error: setupError });
    context.__args = decodeValue(wire);
    context.__encode = (x: unknown): Wire => encodeValue(x);
    try {
      const out = runLimited(CALL, context, job.callTimeoutMs) as { result?: Wire; argsAfter?: Wire; error?: { name: string; message: string } };
      emit(
        out.error
          ? { check: k, call: j, error: { name: String(out.error.name), message: String(out.error.message) } }
          : { check: k, call: j, result: out.result, argsAfter: out.argsAfter },
      );
    } catch (error) {
      emit({ check: k, call: j, error: { name: "Error", message: (error as Error)?.message ?? String(error) } });
    }
  });
}

/** Entry point: read the job, hide the reference implementations, run every check. */
export function runWorker(jobText: string): void {
  const job = JSON.parse(jobText) as WorkerJob;
  for (const h of job.hidden) hideExports(require(h.path) as Record<string, unknown>, h.exports);
  const load = limitedRequire(job.modules);
  for (const path of Object.values(job.modules)) require(path); // loaded before the process is locked (libraries patch it)
  lockProcess();
  emit({ ready: true });
  job.checks.forEach((_, k) => runCheck(job, k, load));
  emit({ done: true });
}

if (require.main === module) runWorker(readFileSync(0, "utf8"));
