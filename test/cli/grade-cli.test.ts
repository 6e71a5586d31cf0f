/**
 * `nnbook grade` as a command: gradebook (CSV + JSON) and feedback files, the same bytes on a
 * second run, and clear errors for bad input.
 */
import { strict as assert } from "assert";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { serializeNotebook } from "../../src/nbformat/notebook";
import { processesOfUsers } from "../../src/teaching/grade-process";
import { spawn } from "child_process";
import { CLI, requireBuild, runProcess } from "../notebook/helpers";
import { classSubmissions, TEACHER } from "../teaching/grade-cheats";
import { skipWithoutSandbox } from "../teaching/sandbox-skip";

/** Every file under `dir` (one level of folders) → its text. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const name of readdirSync(path)) files[`${entry.name}/${name}`] = readFileSync(join(path, name), "utf8");
    else files[entry.name] = readFileSync(path, "utf8");
  }
  return files;
}

describe("cli: nnbook grade", function () {
  this.timeout(120_000);
  let dir: string;

  before(function () {
    requireBuild();
    skipWithoutSandbox(this);
    dir = mkdtempSync(join(tmpdir(), "nnbook-grade-cli-"));
    mkdirSync(join(dir, "subs"));
    for (const s of classSubmissions().filter((c) => ["honest-correct", "cheat-inflated-points"].includes(c.name))) {
      writeFileSync(join(dir, "subs", `${s.name}.ipynb`), serializeNotebook(s.notebook));
    }
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const grade = (out: string) =>
    runProcess(
      process.execPath,
      [CLI, "grade", "--teacher", TEACHER, "subs", "--out", join(out, "grades.csv"), "--feedback", join(out, "feedback"), "--feedback-html", "--jobs", "2"],
      { cwd: dir },
    );

  it("writes the CSV and JSON gradebook and one feedback file per student, the same bytes every time", async () => {
    const [first, second] = [join(dir, "out1"), join(dir, "out2")];
    const runs = [await grade(first), await grade(second)];
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    assert.match(runs[0].stderr, /\[grade\] subs\/honest-correct\.ipynb: 5\/5 \(graded\)/);
    assert.match(runs[0].stderr, /2 submissions graded in [\d.]+ s → /);
    const files = snapshot(first);
    assert.deepEqual(Object.keys(files).sort(), [
      "feedback/subs_cheat-inflated-points.html",
      "feedback/subs_cheat-inflated-points.md",
      "feedback/subs_honest-correct.html",
      "feedback/subs_honest-correct.md",
      "grades.csv",
      "grades.json",
    ]);
    assert.match(files["feedback/subs_cheat-inflated-points.html"], /<td>self-check cell check-bn-forward \(batchnormForward\) was altered/);
    assert.deepEqual(
      files["grades.csv"]
        .split("\n")
        .slice(0, 3)
        .map((l) => l.split(",").slice(0, 6).join(",")),
      [
        "student,batchnormForward (2),batchnormBackward (3),total,max,status",
        "subs/cheat-inflated-points.ipynb,0,0,0,5,graded",
        "subs/honest-correct.ipynb,2,3,5,5,graded",
      ],
    );
    assert.equal(JSON.parse(files["grades.json"]).grades[1].total, 5);
    assert.match(
      files["feedback/subs_cheat-inflated-points.md"],
      /\| batchnormForward \| 0\/2 \| FAIL \| [\d.]+e-\d+ \| max relative difference from the library < 1e-9 \| self-check cell check-bn-forward \(batchnormForward\) was altered/,
    );
    assert.deepEqual(snapshot(second), files);
  });

  it("says what is wrong with bad input (exit 1)", async () => {
    const cases: [string[], RegExp][] = [
      [["grade", "subs"], /required option '--teacher <notebook>' not specified/],
      [["grade", "--teacher", TEACHER, "subs", "--jobs", "0"], /--jobs expects a whole number ≥ 1, got "0"/],
      [["grade", "--teacher", TEACHER, "nowhere"], /submission not found: nowhere/],
      [["grade", "--teacher", join(dir, "missing.ipynb"), "subs"], /missing\.ipynb/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runProcess(process.execPath, [CLI, ...args], { cwd: dir })));
    runs.forEach((r, k) => {
      assert.equal(r.code, 1, `${cases[k][0].join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, cases[k][1]);
    });
  });

  it("leaves no graded process behind when the grader itself is killed (SIGKILL)", async function () {
    if (process.getuid?.() !== 0) this.skip(); // the sandbox users (and so the check) exist only for a root grader
    const loop = classSubmissions().find((c) => c.name === "cheat-timeout")!;
    writeFileSync(join(dir, "loop.ipynb"), serializeNotebook(loop.notebook));
    const grader = spawn(process.execPath, [CLI, "grade", "--teacher", TEACHER, "loop.ipynb", "--out", join(dir, "killed.csv"), "--jobs", "1"], {
      cwd: dir,
      stdio: "ignore",
    });
    const uids = Array.from({ length: 64 }, (_, k) => 100_000 + (grader.pid! % 10_000) * 64 + k);
    const waitFor = async (what: string, ok: () => boolean, ms: number): Promise<void> => {
      for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 100))) if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    };
    await waitFor("the sandboxed process to start", () => processesOfUsers(uids).length > 0, 60_000);
    grader.kill("SIGKILL");
    await waitFor("every sandboxed process to end", () => processesOfUsers(uids).length === 0, 5000);
  });
});
