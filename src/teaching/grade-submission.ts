/**
 * Grading one submission: read it against the plan, compile the graded program, run the
 * student's functions in a graded process (sandboxed unless told otherwise) on the inputs each
 * check recorded, then run the checks here, in the grader, with a stand-in that answers each
 * call with what the student's function returned there. Scores never come from the submission's
 * own outputs or metadata.
 */
import * as ts from "typescript";
import { parseNotebook } from "../nbformat/notebook";
import { CheckResult } from "./check-result";
import { applyInPlace, decodeValue, encodeValue } from "./graded-values";
import { GradePlan, PlannedCheck } from "./grade-plan";
import { extractSubmission } from "./grade-extract";
import { WorkerJob, WorkerLine } from "./grade-worker";
import { ProcessLimits, ProcessOutcome, runGradedProcess } from "./grade-process";

/** One check's line in the gradebook. */
export interface GradeRow {
  readonly check: string;
  readonly points: number;
  readonly earned: number;
  readonly pass: boolean;
  readonly measuredError: number | null;
  readonly expected: string;
  readonly message: string;
  readonly hint: string;
}

/** How grading a submission ended. */
export type GradeStatus = "graded" | "timed out" | "ended early" | "invalid";

/** One student's grade. */
export interface SubmissionGrade {
  /** the submission's path as given */
  readonly student: string;
  readonly rows: readonly GradeRow[];
  readonly total: number;
  readonly max: number;
  readonly status: GradeStatus;
  readonly notes: readonly string[];
}

/** How graded processes are started for a batch (see grade-batch.ts). */
export interface GradeRunner {
  /** command and arguments of the graded process for a lane (its own user id when root) */
  readonly command: (lane: number) => { command: string; args: string[] };
  readonly modules: WorkerJob["modules"];
  readonly hidden: WorkerJob["hidden"];
  readonly callTimeoutMs: number;
  readonly limits: ProcessLimits;
  /** called after each run (e.g. to kill what is left of the lane's user) */
  readonly afterRun?: (lane: number) => Promise<void>;
  /** the optional whole-notebook run, for notes on failing cells (never for the score) */
  readonly notes?: NotesRunner;
}

/** How the notebook runs of `--run-notebooks` start. */
export interface NotesRunner {
  readonly command: (lane: number) => { command: string; args: string[] };
  /** the kernel's working folder */
  readonly cwd: string;
  readonly cellTimeoutMs: number;
  readonly limits: ProcessLimits;
}

/** TypeScript → CommonJS JavaScript; the first syntax error, if any, for the notes. */
export function compileProgram(program: string): { js: string; error?: string } {
  const out = ts.transpileModule(program, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    reportDiagnostics: true,
  });
  const first = out.diagnostics?.[0];
  return { js: out.outputText, error: first ? ts.flattenDiagnosticMessageText(first.messageText, "\n") : undefined };
}

/** Outcomes by check index and call index, from the worker's lines (malformed lines ignored). */
function outcomesOf(lines: readonly string[]): Map<number, Map<number, WorkerLine>> {
  const byCheck = new Map<number, Map<number, WorkerLine>>();
  for (const text of lines) {
    let line: WorkerLine;
    try {
      line = JSON.parse(text) as WorkerLine;
    } catch {
      continue;
    }
    if (!Number.isInteger(line?.check) || !Number.isInteger(line?.call)) continue;
    const calls = byCheck.get(line.check) ?? new Map<number, WorkerLine>();
    if (!calls.has(line.call)) calls.set(line.call, line);
    byCheck.set(line.check, calls);
  }
  return byCheck;
}

/**
 * Runs `check` here with a stand-in answering from the graded process's outcomes. Throws (a
 * grader bug, not the student's) when the check passes other inputs than it recorded.
 */
export function replayCheck(check: PlannedCheck, calls: ReadonlyMap<number, WorkerLine>): CheckResult {
  let next = 0;
  let mismatch: string | undefined;
  const impl = (...args: never[]): unknown => {
    const j = next++;
    if (JSON.stringify(encodeValue(args)) !== JSON.stringify(check.calls[j])) {
      mismatch ??= `grader error: ${check.kind.checker} call ${j + 1} has other inputs than recorded`;
      throw new Error(mismatch);
    }
    const out = calls.get(j)!;
    if (out.argsAfter !== undefined) applyInPlace(args, decodeValue(out.argsAfter));
    if (out.error) throw Object.assign(new Error(out.error.message), { name: out.error.name });
    return decodeValue(out.result);
  };
  const result = check.kind.evaluate(impl, { points: check.points });
  if (mismatch) throw new Error(mismatch);
  return result;
}

/** A failing row without a measurement. */
function failedRow(check: PlannedCheck, message: string): GradeRow {
  return { check: check.name, points: check.points, earned: 0, pass: false, measuredError: null, expected: "", message, hint: "" };
}

/** Why a run stopped, for the notes and the rows of checks it did not finish. */
function stopReason(outcome: ProcessOutcome, runner: GradeRunner): { status: GradeStatus; text: string } | undefined {
  if (outcome.limit === "total") return { status: "timed out", text: `stopped: the submission's time limit of ${runner.limits.totalMs / 1000} s was reached` };
  if (outcome.limit === "idle")
    return { status: "timed out", text: `stopped: a call ran past its time limit of ${runner.callTimeoutMs / 1000} s and was killed` };
  if (outcome.limit === "output") return { status: "ended early", text: "stopped: the graded process wrote too much output" };
  if (!outcome.lines.some((l) => l === '{"done":true}')) {
    return { status: "ended early", text: `the graded process ended early (${outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.exitCode}`})` };
  }
  return undefined;
}

/** The gradebook row of `check` (index k) from the run's outcomes and the cell's integrity. */
function gradeRow(check: PlannedCheck, k: number, outcomes: Map<number, Map<number, WorkerLine>>, integrity: string | undefined, stopped?: string): GradeRow {
  const calls = outcomes.get(k) ?? new Map<number, WorkerLine>();
  if (check.calls.some((_, j) => !calls.has(j))) return failedRow(check, stopped ? `not finished: ${stopped}` : "no result from the graded process");
  const r = replayCheck(check, calls);
  const row: GradeRow = {
    check: check.name,
    points: check.points,
    earned: r.pass ? check.points : 0,
    pass: r.pass,
    measuredError: r.measuredError,
    expected: r.expected,
    message: r.message,
    hint: r.hint,
  };
  if (!integrity) return row;
  return { ...row, earned: 0, pass: false, message: `${integrity}: scores 0 (your function ${r.pass ? "passes" : "fails"}: ${r.message})` };
}

/**
 * Runs the whole submission on a kernel in the sandbox; notes on its failing cells, or on where
 * it was stopped. A cell that ignores interrupts is stopped by the run's hard limit.
 */
export async function notebookRunNotes(json: string, runner: GradeRunner, lane: number): Promise<string[]> {
  const notes = runner.notes!;
  const { command, args } = notes.command(lane);
  let outcome: ProcessOutcome;
  try {
    outcome = await runGradedProcess(command, args, JSON.stringify({ notebook: json, cwd: notes.cwd, cellTimeoutMs: notes.cellTimeoutMs }), notes.limits, {
      onLine: (l) => l === '{"done":true}',
    });
  } finally {
    await runner.afterRun?.(lane);
  }
  const parsed = outcome.lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as { cell?: number; failure?: [number, string]; done?: true; error?: string }];
    } catch {
      return [];
    }
  });
  const out = parsed.flatMap((p) =>
    p.failure ? [`notebook run: cell ${p.failure[0]} failed: ${p.failure[1]}`] : p.error ? [`notebook run failed: ${p.error}`] : [],
  );
  if (!parsed.some((p) => p.done)) {
    const cells = parsed.flatMap((p) => (p.cell !== undefined ? [p.cell] : []));
    const where = cells.length ? `after cell ${cells[cells.length - 1]}` : "before its first cell finished";
    out.push(`notebook run stopped ${where} (${outcome.limit ? `time limit of ${notes.limits.totalMs / 1000} s, killed` : "the kernel run ended early"})`);
  }
  return out;
}

/** Grades the notebook text `json` of `student` (see the module comment). */
export async function gradeSubmission(plan: GradePlan, student: string, json: string, runner: GradeRunner, lane: number): Promise<SubmissionGrade> {
  const max = plan.checks.reduce((a, c) => a + c.points, 0);
  let extracted: ReturnType<typeof extractSubmission>;
  try {
    extracted = extractSubmission(plan, parseNotebook(json, student));
  } catch (error) {
    const note = `not a readable notebook: ${(error as Error).message}`;
    return { student, rows: plan.checks.map((c) => failedRow(c, note)), total: 0, max, status: "invalid", notes: [note] };
  }
  const { js, error } = compileProgram(extracted.program);
  const job: WorkerJob = {
    program: js,
    modules: runner.modules,
    hidden: runner.hidden,
    callTimeoutMs: runner.callTimeoutMs,
    checks: plan.checks.map((c) => ({ functionName: c.functionName, calls: c.calls })),
  };
  const { command, args } = runner.command(lane);
  let outcome: ProcessOutcome;
  try {
    outcome = await runGradedProcess(command, args, JSON.stringify(job), runner.limits, { onLine: (l) => l === '{"done":true}' });
  } finally {
    await runner.afterRun?.(lane);
  }
  const stop = stopReason(outcome, runner);
  const outcomes = outcomesOf(outcome.lines);
  const rows = plan.checks.map((c, k) => gradeRow(c, k, outcomes, extracted.integrity[k], stop?.text));
  const runNotes = runner.notes ? await notebookRunNotes(json, runner, lane) : [];
  const notes = [...(error ? [`your code does not compile: ${error}`] : []), ...extracted.notes, ...(stop ? [stop.text] : []), ...runNotes];
  return { student, rows, total: rows.reduce((a, r) => a + r.earned, 0), max, status: stop?.status ?? "graded", notes };
}
