import { strict as assert } from "assert";
import { join } from "path";
import { runNotebook } from "../../src/kernel/runner";
import { CodeCell, Notebook } from "../../src/nbformat/notebook";
import { CHECK_MIME, CheckResult, checkLine } from "../../src/teaching/check-result";
import { checkHtml } from "../../src/teaching/show-check";
import { requireBuild, ROOT } from "../notebook/helpers";

/** Self-check results as a small formatted block (HTML), with the one-line text as the fallback. */

const failing: CheckResult = {
  check: "batchnormBackward",
  points: 3,
  pass: false,
  measuredError: 1,
  expected: "max relative error vs. the numerical gradient < 1e-6",
  hint: "dS = γ ⊙ invStd ⊙ (…); use <both> mean terms",
  message: "max relative error vs. the numerical gradient 1.0e+0 in dS",
};
const passing: CheckResult = { ...failing, pass: true, measuredError: 1e-9, hint: "", message: "max relative error 1.0e-9 in dS" };

describe("teaching/show-check: the self-check block", () => {
  it("a failing check: red ✘ FAIL line with 0/points, then measured / expected / hint lines, HTML escaped", () => {
    const html = checkHtml(failing);
    const lines = html.split("\n");
    assert.match(lines[0], /border-left:4px solid #c62828/);
    assert.match(lines[1], /color:#c62828;font-weight:bold">✘ FAIL batchnormBackward \(0\/3 points\)</);
    assert.match(lines[2], /measured<\/span> max relative error vs\. the numerical gradient 1\.0e\+0 in dS</);
    assert.match(lines[3], /expected<\/span> max relative error vs\. the numerical gradient &lt; 1e-6</);
    assert.match(lines[4], /hint<\/span> dS = γ ⊙ invStd ⊙ \(…\); use &lt;both&gt; mean terms</);
    assert.equal(lines.length, 6);
  });

  it("a passing check: green ✔ PASS line with the points, no hint line", () => {
    const html = checkHtml(passing);
    assert.match(html, /color:#1a7f37;font-weight:bold">✔ PASS batchnormBackward \(3 points\)</);
    assert.doesNotMatch(html, /hint/);
    assert.equal(html.split("\n").length, 5);
  });

  it("on the real tslab kernel: one bundle with the HTML block, the text line and the CHECK_MIME result", async function () {
    this.timeout(180_000);
    requireBuild();
    const code = (id: string, source: string): CodeCell => ({ cell_type: "code", id, metadata: {}, execution_count: null, outputs: [], source });
    const notebook: Notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [
        code("imports", 'import { checkCyclicalEta } from "../../dist/teaching";\nimport { cyclicalEta } from "../../dist/train";'),
        code("good", "const good = checkCyclicalEta(cyclicalEta, { points: 2 });"),
        code("bad", "const bad = checkCyclicalEta((t: number, etaMin: number) => etaMin, { points: 2 });"),
      ],
    };
    const { notebook: executed } = await runNotebook(notebook, { cwd: join(ROOT, "test", "teaching") });
    const bundle = (id: string): Record<string, unknown> => {
      const cell = executed.cells.find((c) => c.id === id) as CodeCell;
      const shown = cell.outputs.filter((o) => o.output_type === "display_data");
      assert.equal(shown.length, 1, `${id}: ${JSON.stringify(cell.outputs)}`);
      return (shown[0] as { data: Record<string, unknown> }).data;
    };
    for (const [id, pass] of [
      ["good", true],
      ["bad", false],
    ] as const) {
      const data = bundle(id);
      const result = data[CHECK_MIME] as CheckResult;
      assert.equal(result.pass, pass, `${id}: ${result.message}`);
      assert.equal(data["text/plain"], checkLine(result));
      assert.equal(data["text/html"], checkHtml(result));
      assert.match(String(data["text/html"]), pass ? /✔ PASS cyclicalEta \(2 points\)/ : /✘ FAIL cyclicalEta \(0\/2 points\)[\s\S]*hint/);
    }
  });
});
