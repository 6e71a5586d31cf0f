/**
 * The result of one self-check, its one-line text form, and the MIME type that carries it from a
 * notebook cell to `nnbook check`.
 */

/** MIME type of a self-check result in a cell's display output (a JSON object, see CheckResult). */
export const CHECK_MIME = "application/vnd.nnbook.check+json";

/** One self-check's verdict. */
export interface CheckResult {
  /** the piece checked, e.g. "batchnormBackward" */
  readonly check: string;
  /** points for passing */
  readonly points: number;
  readonly pass: boolean;
  /** the largest error measured (see `expected` for which), null when nothing could be measured */
  readonly measuredError: number | null;
  /** the measure and the range that passes, e.g. "max relative error < 1e-6" */
  readonly expected: string;
  /** what to look at when failing ("" when passing) */
  readonly hint: string;
  /** one sentence: what was measured, or what went wrong */
  readonly message: string;
}

/** Options every check accepts. */
export interface CheckOptions {
  /** points shown for this check (default 1; `nnbook check` scores with the cell's metadata) */
  readonly points?: number;
}

/** What a check measures and the range that passes: `${measure} < ${tolerance}`. */
export interface CheckSpec {
  /** the piece checked, e.g. "batchnormBackward" */
  readonly name: string;
  /** e.g. "max relative error" */
  readonly measure: string;
  readonly tolerance: number;
}

/** "max relative error < 1e-6". */
export function expectedRange(spec: CheckSpec): string {
  return `${spec.measure} < ${spec.tolerance.toExponential(0)}`;
}

/** A shape or type problem in what the piece under test returned (not an exception it threw). */
export class ReturnValueError extends Error {
  override name = "ReturnValueError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** A number for messages: 6 significant digits. */
export function messageNumber(x: unknown): string {
  return typeof x === "number" ? String(Number(x.toPrecision(6))) : String(x);
}

/**
 * A result from a measured error: passes when error < tolerance (NaN fails). `detail` follows the
 * measured value in the message (e.g. "in dS"); `hint` is kept only when failing.
 */
export function measuredCheck(spec: CheckSpec, opts: CheckOptions, error: number, detail: string, hint: string): CheckResult {
  const pass = error < spec.tolerance;
  const value = Number.isFinite(error) ? error.toExponential(1) : String(error);
  return {
    check: spec.name,
    points: opts.points ?? 1,
    pass,
    measuredError: Number.isFinite(error) ? error : null,
    expected: expectedRange(spec),
    hint: pass ? "" : hint,
    message: `${spec.measure} ${value}${detail ? ` ${detail}` : ""}`,
  };
}

/** A failing result without a measurement (the implementation threw, changed its input, …). */
export function failedCheck(spec: CheckSpec, opts: CheckOptions, message: string, hint: string): CheckResult {
  return { check: spec.name, points: opts.points ?? 1, pass: false, measuredError: null, expected: expectedRange(spec), hint, message };
}

/**
 * Runs `evaluate`; an exception (a stub's "not implemented yet: …", or any bug in the piece under
 * test) becomes a failing result whose message is the error's message.
 */
export function guardedCheck(spec: CheckSpec, opts: CheckOptions, evaluate: () => CheckResult): CheckResult {
  try {
    return evaluate();
  } catch (error) {
    if (error instanceof ReturnValueError) return failedCheck(spec, opts, error.message, error.hint);
    const text = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
    if (/not implemented yet/.test(text)) return failedCheck(spec, opts, text, "replace the stub that throws with your implementation");
    return failedCheck(spec, opts, `your implementation threw: ${text}`, "run your implementation on a small input to see where it fails");
  }
}

/** `✔ PASS batchnormBackward (2 points): …; expected …` or `✘ FAIL … (0/2 points): …; expected …. Hint: …`. */
export function checkLine(result: CheckResult): string {
  const points = `${result.points} point${result.points === 1 ? "" : "s"}`;
  const head = result.pass ? `✔ PASS ${result.check} (${points})` : `✘ FAIL ${result.check} (0/${points})`;
  const hint = result.pass || result.hint === "" ? "" : ` Hint: ${result.hint}`;
  return `${head}: ${result.message}; expected ${result.expected}.${hint}`;
}

/** True when error `e` is worse than the worst so far (NaN is worse than anything and stays worst). */
export function isWorse(e: number, worst: number): boolean {
  return !Number.isNaN(worst) && !(e <= worst);
}

/** Shape check of a returned matrix: an error naming the piece and the field. */
export function requireShape(what: string, m: { rows: number; cols: number; data: Float64Array } | undefined, rows: number, cols: number): void {
  const hint = `return a ${rows} × ${cols} Matrix (zeros(${rows}, ${cols}) makes one)`;
  if (!m || !(m.data instanceof Float64Array)) throw new ReturnValueError(`${what} is missing (expected a ${rows} × ${cols} Matrix)`, hint);
  if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols) {
    throw new ReturnValueError(`${what} is ${m.rows} × ${m.cols} (${m.data.length} entries), expected ${rows} × ${cols}`, hint);
  }
}
