import { strict as assert } from "assert";
import { cellSource, cellTags, Notebook } from "../../src/nbformat/notebook";
import { defaultParameterValues, parseParameterCell } from "../../src/nbformat/parameters-cell";
import { injectParameters, parseParamAssignment } from "../../src/kernel/parameters";

function notebook(parameterSource: string | null): Notebook {
  const cells: Notebook["cells"] = [{ id: "intro", cell_type: "markdown", metadata: {}, source: "# T" }];
  if (parameterSource !== null) {
    cells.push({ id: "p", cell_type: "code", metadata: { tags: ["parameters"] }, source: parameterSource, execution_count: null, outputs: [] });
  }
  cells.push({ id: "run", cell_type: "code", metadata: {}, source: "run();", execution_count: null, outputs: [] });
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

describe("notebook/parameters: papermill-style parameter injection", () => {
  it("parses key=value as JSON when possible, else as a string", () => {
    assert.deepEqual(parseParamAssignment("eta=0.01"), ["eta", 0.01]);
    assert.deepEqual(parseParamAssignment("hidden=[50,30]"), ["hidden", [50, 30]]);
    assert.deepEqual(parseParamAssignment("bn=true"), ["bn", true]);
    assert.deepEqual(parseParamAssignment("name=run 1=a"), ["name", "run 1=a"]);
    assert.deepEqual(parseParamAssignment('q="0.5"'), ["q", "0.5"]);
    assert.throws(() => parseParamAssignment("noequals"), /expected key=value/);
    assert.throws(() => parseParamAssignment("1x=3"), /key an identifier/);
  });

  it("reads declarations with keyword, type and initializer (comments after ; ignored)", () => {
    const decls = parseParameterCell(
      'const eta = 0.01; // step\nlet init: "he" | "xavier" = "he";\nconst f: (x: number) => number = (x) => x;\nconst url = "http://x";\nrun();',
    );
    assert.deepEqual(decls, [
      { keyword: "const", name: "eta", type: undefined, initializer: "0.01" },
      { keyword: "let", name: "init", type: '"he" | "xavier"', initializer: '"he"' },
      { keyword: "const", name: "f", type: "(x: number) => number", initializer: "(x) => x" },
      { keyword: "const", name: "url", type: undefined, initializer: '"http://x"' },
    ]);
  });

  it("inserts an injected-parameters cell after the parameters cell, keeping keyword and type", () => {
    const source = notebook('let init: "he" | "xavier" = "he";\nconst seed = 1;');
    const { notebook: out, unknown } = injectParameters(source, { init: "xavier", extra: [1, 2] });
    assert.deepEqual(
      out.cells.map((c) => c.id),
      ["intro", "p", "injected-parameters", "run"],
    );
    const cell = out.cells[2];
    assert.deepEqual(cellTags(cell), ["injected-parameters"]);
    assert.equal(cellSource(cell), '// Parameters injected by `nnbook run --param`\nlet init: "he" | "xavier" = "xavier";\nconst extra = [1,2];\n');
    assert.deepEqual(out.metadata.nnbook, { parameters: { init: "xavier", extra: [1, 2] } });
    assert.deepEqual(unknown, ["extra"]);
    assert.equal(source.cells.length, 3, "input untouched");
  });

  it("replaces an earlier injected cell; puts the cell first when there is no parameters cell", () => {
    const once = injectParameters(notebook("const a = 1;"), { a: 2 }).notebook;
    const twice = injectParameters(once, { a: 3 }).notebook;
    assert.equal(twice.cells.filter((c) => cellTags(c).includes("injected-parameters")).length, 1);
    assert.match(cellSource(twice.cells[2]), /const a = 3;/);
    const none = injectParameters(notebook(null), { a: 1 }).notebook;
    assert.equal(none.cells[0].id, "injected-parameters");
    const cleared = injectParameters(once, {}).notebook;
    assert.deepEqual(
      cleared.cells.map((c) => c.id),
      ["intro", "p", "run"],
    );
    assert.deepEqual(cleared.metadata.nnbook, {});
  });

  it("defaultParameterValues returns the JSON-literal defaults only", () => {
    assert.deepEqual(defaultParameterValues(notebook('const seed = 42;\nconst name = "x";\nconst n = 2 * 3;')), { seed: 42, name: "x" });
  });
});
