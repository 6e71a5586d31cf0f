/**
 * `nnbook grade`: a batch of submissions graded against one teacher notebook, `jobs` at a time,
 * each in its own graded process (sandboxed with bubblewrap unless `sandbox: false`), in path
 * order so the gradebook is the same for the same submissions.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import * as ts from "typescript";
import { readNotebook } from "../nbformat/notebook";
import { runLimited } from "../util/run-limited";
import { GradePlan, planGrading } from "./grade-plan";
import { GradeRunner, gradeSubmission, NotesRunner, SubmissionGrade } from "./grade-submission";
import { sweepUser } from "./grade-process";
import { DEFAULT_LIMITS, makeStubFolder, notesWorkerCommand, PACKAGE_ROOT, SandboxLimits, SandboxSetup, sandboxUnavailable, workerCommand } from "./sandbox";
import { GradebookCheck } from "./gradebook";

/** Options of {@link gradeBatch}. */
export interface GradeBatchOptions {
  readonly teacher: string;
  /** notebooks and folders (searched recursively for *.ipynb) */
  readonly submissions: readonly string[];
  readonly jobs: number;
  /** false: no bubblewrap (limits, own process group and, as root, own user id still apply) */
  readonly sandbox: boolean;
  readonly callTimeoutMs: number;
  readonly submissionTimeoutMs: number;
  readonly graceMs?: number;
  readonly limits?: SandboxLimits;
  /** also run each whole notebook on a kernel in the sandbox, for notes on failing cells */
  readonly runNotebooks?: { readonly cellTimeoutMs: number; readonly timeoutMs: number };
  /** told of each grade as it is done (any order) */
  readonly onGraded?: (grade: SubmissionGrade) => void;
}

/** A batch's result, in submission path order. */
export interface GradedBatch {
  readonly checks: readonly GradebookCheck[];
  readonly grades: readonly SubmissionGrade[];
}

/** The notebooks named by `paths` (folders searched recursively), sorted, without `exclude`. */
export function listSubmissions(paths: readonly string[], exclude: string): string[] {
  const found = new Set<string>();
  const walk = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new Error(`submission not found: ${path}`);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else if (path.endsWith(".ipynb") && resolve(path) !== resolve(exclude)) found.add(path);
  };
  paths.forEach(walk);
  if (found.size === 0) throw new Error(`no submissions (*.ipynb) in ${paths.join(", ")}`);
  return [...found].sort();
}

/**
 * The modules the teacher's code imports, resolved from the teacher notebook's folder; each must
 * be the grader's own copy (inside its package folder), since that is what the sandbox shows.
 */
export function resolveImports(sources: readonly string[], teacherDir: string): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const source of sources) {
    const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const path = require.resolve(specifier, { paths: [teacherDir] });
      const rel = relative(PACKAGE_ROOT, path);
      if (rel.startsWith("..") || rel.startsWith(sep)) {
        throw new Error(
          `the teacher notebook imports ${JSON.stringify(specifier)} (${path}), outside the grader's package ${PACKAGE_ROOT}: graded code may load only the grader's own copy`,
        );
      }
      modules[specifier] = path;
    }
  }
  return modules;
}

/** Sandbox user ids a root grader process may use: 64 from a base derived from its pid. */
export function sandboxUidRange(): number[] {
  return Array.from({ length: 64 }, (_, k) => 100_000 + (process.pid % 10_000) * 64 + k);
}
/** Sandbox user ids held by batches in progress in this process. */
const UIDS_IN_USE = new Set<number>();

/** One user id per lane when the grader is root (none shared between batches), else undefined. */
function reserveUids(jobs: number): (number | undefined)[] {
  if (process.getuid?.() !== 0) return Array.from({ length: jobs }, () => undefined);
  const free = sandboxUidRange()
    .filter((u) => !UIDS_IN_USE.has(u))
    .slice(0, jobs);
  if (free.length < jobs) throw new Error(`too many lanes graded at once in this process (at most ${sandboxUidRange().length})`);
  free.forEach((u) => UIDS_IN_USE.add(u));
  return free;
}

/** How graded processes start for this batch, and the clean-up of its temporary files. */
function makeRunner(plan: GradePlan, opts: GradeBatchOptions): { runner: GradeRunner; cleanUp: () => void } {
  const limits = opts.limits ?? { ...DEFAULT_LIMITS, cpuSeconds: Math.ceil(opts.submissionTimeoutMs / 1000) + 5 };
  const stubs = opts.sandbox ? makeStubFolder(plan.hidden) : undefined;
  const uids = reserveUids(opts.jobs);
  const laneUid = (lane: number): number | undefined => uids[lane];
  const teacherDir = dirname(resolve(opts.teacher));
  /** The notebook run (notes only) sees the library as it is: its self-checks need the reference. */
  const setup = (lane: number, hide = true): SandboxSetup | undefined =>
    stubs ? { stubs: hide ? stubs : { ...stubs, binds: [] }, secretFiles: [opts.teacher], privateDirs: [teacherDir], limits, uid: laneUid(lane) } : undefined;
  const run = opts.runNotebooks;
  const notes: NotesRunner | undefined = run && {
    command: (lane) => notesWorkerCommand(setup(lane, false), limits, laneUid(lane)),
    cwd: teacherDir,
    cellTimeoutMs: run.cellTimeoutMs,
    limits: { totalMs: run.timeoutMs, idleMs: run.timeoutMs, graceMs: opts.graceMs ?? 500 },
  };
  const runner: GradeRunner = {
    command: (lane) => workerCommand(setup(lane), limits, laneUid(lane)),
    modules: resolveImports(plan.contextSources, teacherDir),
    notes,
    hidden: plan.hidden.map((h) => ({ path: join(PACKAGE_ROOT, "dist", h.module), exports: h.exports })),
    callTimeoutMs: opts.callTimeoutMs,
    limits: { totalMs: opts.submissionTimeoutMs, idleMs: opts.callTimeoutMs + 2000, graceMs: opts.graceMs ?? 500 },
    afterRun: async (lane) => {
      const uid = laneUid(lane);
      if (uid !== undefined) await sweepUser(uid);
    },
  };
  const cleanUp = (): void => {
    uids.forEach((u) => u !== undefined && UIDS_IN_USE.delete(u));
    if (stubs) rmSync(stubs.dir, { recursive: true, force: true });
  };
  return { runner, cleanUp };
}

/** Grades every submission (see the module comment). Throws before grading when the sandbox is missing. */
export async function gradeBatch(opts: GradeBatchOptions): Promise<GradedBatch> {
  if (!(Number.isInteger(opts.jobs) && opts.jobs >= 1)) throw new Error(`--jobs must be an integer ≥ 1, got ${opts.jobs}`);
  if (opts.sandbox) {
    const why = sandboxUnavailable();
    if (why)
      throw new Error(
        `cannot sandbox the submissions: ${why}. Without a sandbox each submission runs with your rights (your files, the network, your environment); pass --no-sandbox to grade anyway`,
      );
  }
  const plan = planGrading(await readNotebook(opts.teacher));
  const files = listSubmissions(opts.submissions, opts.teacher);
  const { runner, cleanUp } = makeRunner(plan, opts);
  const freeLanes = Array.from({ length: opts.jobs }, (_, k) => opts.jobs - 1 - k);
  try {
    const grades = await runLimited(
      files.map((file) => async () => {
        const lane = freeLanes.pop()!;
        try {
          const grade = await gradeSubmission(plan, file, await readFile(file, "utf8"), runner, lane);
          opts.onGraded?.(grade);
          return grade;
        } finally {
          freeLanes.push(lane);
        }
      }),
      opts.jobs,
    );
    return { checks: plan.checks.map((c) => ({ name: c.name, points: c.points })), grades };
  } finally {
    cleanUp();
  }
}
