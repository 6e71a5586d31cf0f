import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { basename, join } from "path";
import { Notebook, parseNotebook } from "../../src/nbformat/notebook";
import { CheckedNotebook, checkNotebook, checkNotebookFile } from "../../src/teaching/check-notebook";
import { analyzeTeacherNotebook, ScoreReport } from "../../src/teaching";
import { CLI, Finished, requireBuild, runProcess } from "../notebook/helpers";
import { BN_FORWARD, bnBackwardBody, CYCLICAL_ETA, fillStub, noMeanTermCells, NUMERICAL_GRADIENT } from "./fills";
import { ROOT, studentPathOf, teacherPaths, WALKTHROUGHS } from "./fixtures";
import { runLimited } from "../../src/util/run-limited";

const read = (path: string): Notebook => parseNotebook(readFileSync(path, "utf8"), path);
const rel = (path: string): string => path.slice(ROOT.length + 1);
const NO_MEAN = "batchnormBackward without the mean term";

/** The three student notebooks in one, their stubs filled with fills.ts, plus the no-mean-term variant and its check. */
function filledNotebook(students: readonly Notebook[]): Notebook {
  const cells = students.flatMap((nb, k) => structuredClone(nb.cells).map((c) => ({ ...c, id: `nb${k + 1}-${c.id}` })));
  const filled: Notebook = { ...structuredClone(students[0]), cells };
  fillStub(filled, "myBatchnormForward", BN_FORWARD);
  fillStub(filled, "myBatchnormBackward", bnBackwardBody(true));
  fillStub(filled, "myCyclicalEta", CYCLICAL_ETA);
  fillStub(filled, "myNumericalGradient", NUMERICAL_GRADIENT);
  filled.cells.push(...noMeanTermCells(students[0], NO_MEAN));
  return filled;
}

/**
 * One shared set of real-kernel runs (7 kernels, 3 at a time): every teacher notebook unchanged
 * through `nnbook check` (01 as a table, 02 and 03 as JSON); every student notebook as generated
 * (stubs) through checkNotebookFile; and one notebook with all stubs filled in plus the wrong BN
 * backward pass. Plus two quick CLI runs that must exit ≠ 0 (unreadable notebook, kernel start).
 */
describe("teaching on the real tslab kernel: teacher, student, filled-in and wrong notebooks", function () {
  this.timeout(300_000);
  const teachers = teacherPaths();
  let teacherRuns: Finished[];
  let studentRuns: CheckedNotebook[];
  let filled: CheckedNotebook;
  let broken: Finished[];
  let seconds: number;

  before(async () => {
    requireBuild();
    const started = Date.now();
    const cli =
      (...args: string[]) =>
      (): Promise<Finished> =>
        runProcess(process.execPath, [CLI, "check", ...args]);
    const tasks: (() => Promise<unknown>)[] = [
      ...teachers.map((t, i) => cli(rel(t), ...(i === 0 ? [] : ["--json"]))),
      ...teachers.map((t) => () => checkNotebookFile(studentPathOf(t))),
      () => checkNotebook(filledNotebook(teachers.map((t) => read(studentPathOf(t)))), { cwd: WALKTHROUGHS }),
      cli("notebooks/walkthroughs/missing.ipynb"),
      cli(rel(teachers[0]), "--start-timeout", "0.001"),
    ];
    const results = await runLimited(tasks, 3);
    teacherRuns = results.slice(0, 3) as Finished[];
    studentRuns = results.slice(3, 6) as CheckedNotebook[];
    filled = results[6] as CheckedNotebook;
    broken = results.slice(7) as Finished[];
    seconds = (Date.now() - started) / 1000;
  });
  after(() => process.stderr.write(`      (7 notebook runs, 3 at a time, took ${seconds?.toFixed(1)} s)\n`));

  it("finds the three walkthroughs", () => {
    assert.deepEqual(
      teachers.map((t) => basename(t)),
      ["01-batchnorm.ipynb", "02-cyclical-learning-rate.ipynb", "03-gradient-check.ipynb"],
    );
  });

  it("the teacher notebooks run unchanged: exit 0, every check passes, no cell fails", () => {
    for (const run of teacherRuns) assert.equal(run.code, 0, run.stderr);
    assert.match(teacherRuns[0].stdout, /^batchnormForward\s+2\/2\s+pass\s/m);
    assert.match(teacherRuns[0].stdout, /^batchnormBackward\s+3\/3\s+pass\s/m);
    assert.match(teacherRuns[0].stdout, /^Total: 5\/5 points \(2 of 2 checks passed\)$/m);
    assert.doesNotMatch(teacherRuns[0].stdout, /note: cell/);
    for (const run of teacherRuns.slice(1)) {
      const report = JSON.parse(run.stdout) as ScoreReport;
      assert.ok(report.rows.length > 0 && report.rows.every((r) => r.pass), run.stdout);
      assert.equal(report.earned, report.total);
      assert.deepEqual(report.otherFailures, []);
    }
  });

  it('the student versions fail every self-check with a clear "not implemented yet" message', () => {
    studentRuns.forEach((run, k) => {
      const regions = analyzeTeacherNotebook(read(teachers[k])).regions.map((r) => r.name);
      assert.ok(run.report.rows.length > 0);
      for (const row of run.report.rows) {
        assert.equal(row.pass, false, `${basename(teachers[k])}: ${row.check}`);
        assert.match(row.message, /^not implemented yet: my\w+$/);
        assert.ok(regions.includes(row.message.replace("not implemented yet: ", "")), row.message);
        assert.match(row.hint, /replace the stub/);
      }
      assert.equal(run.report.earned, 0);
    });
  });

  it("filling in correct implementations passes every check (and the cells using them run)", () => {
    const rows = filled.report.rows.filter((r) => r.check !== NO_MEAN);
    assert.deepEqual(
      rows.map((r) => r.check),
      ["batchnormForward", "batchnormBackward", "cyclicalEta", "numericalGradient"],
    );
    for (const row of rows) assert.ok(row.pass, `${row.check}: ${row.message}`);
    assert.deepEqual(filled.report.otherFailures, []);
    assert.deepEqual(filled.run.failures, []);
  });

  it("a subtly wrong BN backward (no mean term) fails with the measured error shown", () => {
    const row = filled.report.rows.find((r) => r.check === NO_MEAN)!;
    assert.equal(row.pass, false);
    assert.ok(row.measuredError !== null && row.measuredError > 1e-3, `measured ${row.measuredError}`);
    assert.equal(row.message, `max relative error vs. the numerical gradient ${row.measuredError.toExponential(1)} in dS`);
    assert.equal(row.expected, "max relative error vs. the numerical gradient < 1e-6");
    assert.equal(row.earned, 0);
  });

  it("exit code ≠ 0 only when the run itself breaks (unreadable notebook, kernel that does not start)", () => {
    for (const run of broken) assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(broken[0].stderr, /cannot read notebook notebooks\/walkthroughs\/missing\.ipynb/);
    assert.equal(broken[1].stdout, "", "no score table when the kernel never ran");
  });
});

describe("nnbook student (CLI)", function () {
  this.timeout(60_000);
  const teacher = "notebooks/walkthroughs/02-cyclical-learning-rate.ipynb";

  it("writes byte-identical output on every run, --check passes on the committed versions and fails on a stale one", async () => {
    requireBuild();
    const dir = await mkdtemp(join(tmpdir(), "nnbook-student-"));
    const out = join(dir, "student.ipynb");
    const gen = (): Promise<Finished> => runProcess(process.execPath, [CLI, "student", teacher, "-o", out]);
    assert.equal((await gen()).code, 0);
    const first = readFileSync(out, "utf8");
    assert.equal((await gen()).code, 0);
    assert.equal(readFileSync(out, "utf8"), first);
    const committed = await runProcess(process.execPath, [
      CLI,
      "student",
      "--check",
      ...teacherPaths().map(rel),
      ...teacherPaths().map((t) => rel(studentPathOf(t))),
    ]);
    assert.equal(committed.code, 0, committed.stderr);
    assert.match(committed.stderr, /skipping notebooks\/walkthroughs\/01-batchnorm-student\.ipynb/);
    const stale = await runProcess(process.execPath, [CLI, "student", "--check", "notebooks/walkthroughs/01-batchnorm.ipynb", "-o", out]);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /out of date/);
    await rm(dir, { recursive: true, force: true });
  });
});
