/**
 * Strict --param parsing: the injected value must have the type of its declaration in the
 * parameters cell; non-finite numbers are rejected; errors name the parameter and the value.
 */
import { strict as assert } from "assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkParameterValue, parameterKind, parseParameterText } from "../../src/kernel/parameter-kinds";
import { injectParameters, parseParamAssignment, parseParameterTexts } from "../../src/kernel/parameters";
import { findParametersCell, parseParameterCell } from "../../src/nbformat/parameters-cell";
import { cellSource, Notebook } from "../../src/nbformat/notebook";
import { CLI, requireBuild, ROOT, runProcess } from "../notebook/helpers";

const CELL = [
  "const samples = 20;",
  "const eta = 0.01;",
  "const bn = false;",
  'const label = "run";',
  "const seeds: number[] = [1, 2, 3];",
  "const ranges: number[][] = [[0.001, 1], [0.01, 0.2]];",
  "const trainSubset: number | null = 10000;",
  'let init: "he" | "xavier" = "he";',
  "const lambda: number = 1;",
  "const f = (x: number) => x;",
  'const readings = ["sum", "mean"];',
].join("\n");

function notebook(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { id: "p", cell_type: "code", metadata: { tags: ["parameters"] }, source: CELL, execution_count: null, outputs: [] },
      { id: "run", cell_type: "code", metadata: {}, source: "run();", execution_count: null, outputs: [] },
    ],
  };
}

const kinds = Object.fromEntries(parseParameterCell(CELL).map((d) => [d.name, parameterKind(d)]));

describe("notebook/parameter-kinds: strict --param parsing", () => {
  it("each declaration's kind comes from its annotation, else from its default's literal", () => {
    assert.deepEqual(kinds, {
      samples: { kind: "integer", nullable: false },
      eta: { kind: "number", nullable: false },
      bn: { kind: "boolean", nullable: false },
      label: { kind: "string", nullable: false },
      seeds: { kind: "number[]", nullable: false },
      ranges: { kind: "number[][]", nullable: false },
      trainSubset: { kind: "number", nullable: true },
      init: { kind: "literal", values: ["he", "xavier"], nullable: false },
      lambda: { kind: "number", nullable: false },
      f: { kind: "any" },
      readings: { kind: "string[]", nullable: false },
    });
  });

  it("valid texts become values of the declared kind", () => {
    const ok: [string, string, unknown][] = [
      ["samples", "40", 40],
      ["samples", "4e1", 40],
      ["eta", "0.5", 0.5],
      ["eta", ".5", 0.5],
      ["eta", "+2", 2],
      ["eta", "3", 3],
      ["bn", "true", true],
      ["label", "my run", "my run"],
      ["label", '"quoted"', "quoted"],
      ["label", "42", "42"],
      ["seeds", "[4, 5]", [4, 5]],
      ["seeds", "[]", []],
      ["ranges", "[[1, 2], [3]]", [[1, 2], [3]]],
      ["trainSubset", "null", null],
      ["trainSubset", "500", 500],
      ["init", "xavier", "xavier"],
      ["lambda", "0.25", 0.25],
      ["f", '[1, {"a": 2}]', [1, { a: 2 }]],
      ["f", "text", "text"],
      ["readings", '["sum"]', ["sum"]],
    ];
    for (const [name, text, value] of ok) assert.deepEqual(parseParameterText(name, text, kinds[name]), value, `${name}=${text}`);
  });

  it("wrong kinds and non-finite numbers are rejected, naming the parameter, the text, the expected type and the default", () => {
    const decls = Object.fromEntries(parseParameterCell(CELL).map((d) => [d.name, d]));
    const bad: [string, string, RegExp][] = [
      ["eta", "1e999", /^Error: --param eta=1e999: parameter eta expects a finite number \(its default is 0\.01\), got "1e999"$/],
      ["eta", "Infinity", /expects a finite number/],
      ["eta", "NaN", /expects a finite number/],
      ["eta", "0x10", /expects a finite number/],
      ["samples", "2O", /^Error: --param samples=2O: parameter samples expects an integer \(its default is 20\), got "2O"$/],
      ["samples", "2.5", /parameter samples expects an integer/],
      ["samples", "1e400", /parameter samples expects an integer/],
      ["bn", "ture", /^Error: --param bn=ture: parameter bn expects true or false \(its default is false\), got "ture"$/],
      ["bn", "1", /expects true or false/],
      [
        "seeds",
        "[1, 1e999]",
        /parameter seeds expects an array of finite numbers \(JSON, e\.g\. \[50, 30\]\) \(its default is \[1, 2, 3\]\), got "\[1, 1e999\]"/,
      ],
      ["seeds", "1,2", /expects an array of finite numbers/],
      ["seeds", '["1"]', /expects an array of finite numbers/],
      ["ranges", "[1, 2]", /expects an array of arrays of finite numbers/],
      ["trainSubset", "none", /parameter trainSubset expects a finite number or null/],
      ["init", "glorot", /^Error: --param init=glorot: parameter init expects one of "he", "xavier" \(its default is "he"\), got "glorot"$/],
      ["f", "1e999", /^Error: --param f=1e999: parameter f expects finite numbers only/],
      [
        "readings",
        "sum",
        /^Error: --param readings=sum: parameter readings expects an array of strings \(JSON, e\.g\. \["a", "b"\]\) \(its default is \["sum", "mean"\]\), got "sum"$/,
      ],
      ["readings", "[1]", /expects an array of strings/],
    ];
    for (const [name, text, message] of bad) {
      assert.throws(() => parseParameterText(name, text, kinds[name], decls[name].initializer), message, `${name}=${text}`);
    }
  });

  it("parseParameterTexts parses against the notebook's declarations; undeclared names as JSON or text, never non-finite", () => {
    const values = parseParameterTexts(notebook(), { samples: "5", bn: "true", label: "x", extra: "[1,2]", note: "hi" });
    assert.deepEqual(values, { samples: 5, bn: true, label: "x", extra: [1, 2], note: "hi" });
    assert.throws(() => parseParameterTexts(notebook(), { samples: "ten" }), /parameter samples expects an integer \(its default is 20\), got "ten"/);
    assert.throws(() => parseParameterTexts(notebook(), { extra: "-1e999" }), /parameter extra expects finite numbers only/);
    assert.throws(() => parseParamAssignment("eta=1e999"), /parameter eta expects finite numbers only/);
  });

  it("injectParameters checks values given in code too (no `const eta: number = null;` from Infinity)", () => {
    assert.throws(
      () => injectParameters(notebook(), { eta: Infinity }),
      /^Error: parameter eta expects a finite number \(its default is 0\.01\), got Infinity$/,
    );
    assert.throws(() => injectParameters(notebook(), { samples: "20" }), /parameter samples expects an integer \(its default is 20\), got "20"/);
    assert.throws(
      () => injectParameters(notebook(), { extra: [1, NaN] }),
      /parameter extra expects finite numbers only, got \[1,null\] \(non-finite number at extra\[1\]\)/,
    );
    assert.throws(() => checkParameterValue("seeds", [[1]], kinds.seeds), /parameter seeds expects an array of finite numbers/);
    const ok = injectParameters(notebook(), { eta: 0.5, trainSubset: null, init: "xavier" }).notebook;
    assert.match(String(ok.cells[1].source), /const eta = 0\.5;\nconst trainSubset: number \| null = null;\nlet init: "he" \| "xavier" = "xavier";/);
  });

  it("every parameter of the committed notebooks has a known kind, and its default has that kind", () => {
    const folder = join(ROOT, "notebooks");
    const paths = readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((p) => p.endsWith(".ipynb"))
      .map((p) => join(folder, p));
    assert.ok(paths.length >= 10, `${paths.length} notebooks`);
    let count = 0;
    for (const path of paths) {
      const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
      const at = findParametersCell(nb);
      for (const decl of at < 0 ? [] : parseParameterCell(cellSource(nb.cells[at]))) {
        const kind = parameterKind(decl);
        assert.notEqual(kind.kind, "any", `${path}: parameter ${decl.name} (${decl.type ?? decl.initializer}) has no checkable type`);
        assert.doesNotThrow(() => checkParameterValue(decl.name, JSON.parse(decl.initializer), kind), `${path}: ${decl.name}`);
        count++;
      }
    }
    assert.ok(count > 50, `${count} parameters checked`);
  });

  it("nnbook run refuses a bad --param before starting a kernel: exit 1, one line naming the parameter and value", async function () {
    this.timeout(30_000);
    requireBuild();
    const dir = mkdtempSync(join(tmpdir(), "nnbook-params-"));
    try {
      const nb = join(dir, "p.ipynb");
      writeFileSync(nb, JSON.stringify(notebook()));
      const run = await runProcess(process.execPath, [CLI, "run", nb, "--out", join(dir, "out.ipynb"), "--param", "eta=1e999"]);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, 'nnbook: --param eta=1e999: parameter eta expects a finite number (its default is 0.01), got "1e999"\n');
      const typo = await runProcess(process.execPath, [CLI, "run", nb, "--param", "bn=ture"]);
      assert.match(typo.stderr, /^nnbook: --param bn=ture: parameter bn expects true or false \(its default is false\), got "ture"\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
