/**
 * `nnbook grade --run-notebooks`: the whole submission also runs on a kernel in the sandbox, for
 * notes only. A cell that ignores SIGINT in an endless loop (which once escaped `--cell-timeout`)
 * is stopped, the notes say so, the score is unchanged and no process is left.
 */
import { strict as assert } from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { serializeNotebook } from "../../src/nbformat/notebook";
import { gradeBatch, sandboxUidRange } from "../../src/teaching/grade-batch";
import { processesOfUsers } from "../../src/teaching/grade-process";
import { requireBuild } from "../notebook/helpers";
import { classSubmissions, TEACHER } from "./grade-cheats";
import { skipWithoutSandbox } from "./sandbox-skip";

describe("teaching/grade --run-notebooks: notes from a sandboxed kernel run, never the score", function () {
  this.timeout(240_000);
  let dir: string;

  before(function () {
    requireBuild();
    skipWithoutSandbox(this);
    dir = mkdtempSync(join(tmpdir(), "nnbook-grade-run-"));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("stops a SIGINT-ignoring cell, notes it, keeps the score from the graded run, leaves no process", async () => {
    const cheat = classSubmissions().find((s) => s.name === "cheat-sigint-loop")!;
    writeFileSync(join(dir, "sigint.ipynb"), serializeNotebook(cheat.notebook));
    const started = Date.now();
    const batch = await gradeBatch({
      teacher: TEACHER,
      submissions: [dir],
      jobs: 1,
      sandbox: true,
      callTimeoutMs: 2000,
      submissionTimeoutMs: 20_000,
      runNotebooks: { cellTimeoutMs: 20_000, timeoutMs: 150_000 },
    });
    const [grade] = batch.grades;
    assert.deepEqual([grade.total, grade.status], [0, "graded"]);
    const runNotes = grade.notes.filter((n) => n.startsWith("notebook run"));
    assert.ok(runNotes.length > 0, grade.notes.join(" | "));
    assert.match(runNotes.join("\n"), /notebook run: cell 6 failed: .*(SIGINT|killed)|notebook run stopped after cell 5/);
    assert.ok(Date.now() - started < 200_000);
    if (process.getuid?.() === 0) assert.deepEqual(processesOfUsers(sandboxUidRange()), []);
  });
});
