import { strict as assert } from "assert";
import { CodeCell, NotebookOutput } from "../../src/nbformat/notebook";
import { CHECK_MIME, CheckResult, checkLine, errorSummary, formatScore, scoreNotebook } from "../../src/teaching";
import { code, notebook } from "./fixtures";

const result = (check: string, pass: boolean, extra: Partial<CheckResult> = {}): CheckResult => ({
  check,
  points: 1,
  pass,
  measuredError: pass ? 1e-10 : 0.3,
  expected: "max relative error < 1e-6",
  hint: pass ? "" : "look at dS",
  message: `max relative error ${pass ? "1.0e-10" : "3.0e-1"} in dS`,
  ...extra,
});
const shown = (r: CheckResult): NotebookOutput => ({ output_type: "display_data", data: { [CHECK_MIME]: r, "text/plain": checkLine(r) }, metadata: {} });
const selfCheck = (id: string, name: string | undefined, points: number, outputs: NotebookOutput[], executed = true): CodeCell => ({
  ...code(id, `const r = check(${id});`, { tags: ["self-check"], ...(name ? { nnbook: { check: { name, points } } } : {}) }),
  execution_count: executed ? 1 : null,
  outputs,
});

const TSLAB_ERROR = [
  "evalmachine.<anonymous>:3",
  'function f(x) { throw new Error("not implemented yet: f"); }',
  "                ^",
  "",
  "Error: not implemented yet: myCyclicalEta",
  "    at Proxy.f (evalmachine.<anonymous>:3:23)",
].join("\n");

describe("teaching/score: self-check cells → score table", () => {
  const nb = notebook([
    code("setup", "const a = 1;"),
    selfCheck("pass", "batchnormForward", 2, [shown(result("batchnormForward", true))]),
    selfCheck("fail", "batchnormBackward", 3, [shown(result("batchnormBackward", false))]),
    selfCheck("errored", "cyclicalEta", 2, [shown(result("cyclicalEta", true))]),
    selfCheck("silent", "numericalGradient", 1, [{ output_type: "stream", name: "stdout", text: "hello\n" }]),
    selfCheck("unrun", "later", 4, [], false),
    selfCheck("nometa", undefined, 0, [shown(result("fromResult", true, { points: 5 })), shown(result("second", false))]),
    code("broken", "oops"),
  ]);
  const report = scoreNotebook(nb, [
    { cellNumber: 4, errorText: TSLAB_ERROR },
    { cellNumber: 8, errorText: "1:1 - Cannot find name 'oops'." },
  ]);

  it("scores each self-check cell with its metadata's name and points, all or nothing", () => {
    const rows = report.rows.map((r) => [r.cellNumber, r.check, r.points, r.earned, r.pass]);
    assert.deepEqual(rows, [
      [2, "batchnormForward", 2, 2, true],
      [3, "batchnormBackward", 3, 0, false],
      [4, "cyclicalEta", 2, 0, false],
      [5, "numericalGradient", 1, 0, false],
      [6, "later", 4, 0, false],
      [7, "second", 1, 0, false],
    ]);
    assert.equal(report.earned, 2);
    assert.equal(report.total, 2 + 3 + 2 + 1 + 4 + 1);
  });

  it("a cell error is a failed check with the error's line; silent and unrun cells fail with a reason", () => {
    const message = (n: number): string => report.rows.find((r) => r.cellNumber === n)!.message;
    assert.equal(message(3), "max relative error 3.0e-1 in dS");
    assert.equal(message(4), "cell error: Error: not implemented yet: myCyclicalEta");
    assert.match(message(5), /showed no check result/);
    assert.match(message(6), /not run/);
    assert.deepEqual(report.otherFailures, [{ cellNumber: 8, message: "1:1 - Cannot find name 'oops'." }]);
  });

  it("formats a table (check, points, result, message + hint) and the total", () => {
    const text = formatScore(report);
    const lines = text.split("\n");
    assert.match(lines[0], /^Check\s+Points\s+Result\s+Message$/);
    assert.match(text, /batchnormForward\s+2\/2\s+pass\s+max relative error 1\.0e-10 in dS/);
    assert.match(text, /batchnormBackward\s+0\/3\s+FAIL\s+max relative error 3\.0e-1 in dS — hint: look at dS/);
    assert.match(text, /Total: 2\/13 points \(1 of 6 checks passed\)/);
    assert.match(text, /note: cell 8 failed: 1:1 - Cannot find name 'oops'\./);
  });

  it("errorSummary picks the line that says what went wrong", () => {
    assert.equal(errorSummary(TSLAB_ERROR), "Error: not implemented yet: myCyclicalEta");
    assert.equal(errorSummary("\n  ReferenceError: x is not defined\n    at y"), "ReferenceError: x is not defined");
    assert.equal(errorSummary(""), "(no error text)");
  });
});
