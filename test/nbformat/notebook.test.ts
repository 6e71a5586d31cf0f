import { strict as assert } from "assert";
import { mkdtemp, readFile, readdir, rm, writeFile } from "fs/promises";
import { existsSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateNotebook } from "../../src/nbformat/validate";
import { hasNoOutputs, Notebook, parseNotebook, readNotebook, serializeNotebook, stripOutputs, writeNotebook } from "../../src/nbformat/notebook";

function sample(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript" } },
    cells: [
      { id: "a", cell_type: "markdown", metadata: {}, source: ["# Title\n", "text"] },
      {
        id: "b",
        cell_type: "code",
        metadata: { tags: ["parameters"], execution: { "shell.execute_reply": "t" } },
        source: "const x = 1;",
        execution_count: 3,
        outputs: [
          { output_type: "stream", name: "stdout", text: "1\n" },
          { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": { mark: "bar" }, "text/plain": "c" }, metadata: {} },
        ],
      },
      { id: "c", cell_type: "raw", metadata: {}, source: "" },
    ],
  };
}

describe("report/nbformat: nbformat 4 validation, reading and writing", () => {
  it("accepts a valid notebook (JSON MIME data may be an object)", () => {
    assert.deepEqual(validateNotebook(sample()), []);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases break notebooks on purpose
  type Broken = any;
  const broken: Array<[string, (nb: Broken) => void, RegExp]> = [
    ["wrong nbformat", (nb) => (nb.nbformat = 3), /^nbformat: expected 4, got 3/],
    ["missing cells", (nb) => delete nb.cells, /missing required field "cells"/],
    ["unknown top-level field", (nb) => (nb.extra = 1), /unknown field "extra"/],
    ["bad cell type", (nb) => (nb.cells[0].cell_type = "text"), /cells\[0\]\.cell_type: expected one of "code", "markdown", "raw", got "text"/],
    ["code cell without outputs", (nb) => delete nb.cells[1].outputs, /cells\[1\]: missing required field "outputs"/],
    ["outputs on a markdown cell", (nb) => (nb.cells[0].outputs = []), /cells\[0\]: unknown field "outputs"/],
    ["bad stream text", (nb) => (nb.cells[1].outputs[0].text = 5), /cells\[1\]\.outputs\[0\]\.text: expected string or array, got 5/],
    ["non-JSON MIME as object", (nb) => (nb.cells[1].outputs[1].data["text/plain"] = { a: 1 }), /outputs\[1\]\.data\["text\/plain"\]/],
    [
      "unknown output type",
      (nb) => (nb.cells[1].outputs[0].output_type = "pyout"),
      /output_type: expected one of "execute_result", "display_data", "stream", "error", got "pyout"/,
    ],
    ["negative execution count", (nb) => (nb.cells[1].execution_count = -1), /cells\[1\]\.execution_count: expected a number ≥ 0, got -1/],
    ["duplicate cell id", (nb) => (nb.cells[2].id = "a"), /cells\[2\]\.id: duplicate id "a" \(also cells\[0\]\)/],
    ["bad cell id", (nb) => (nb.cells[2].id = "has space"), /cells\[2\]\.id: expected a string matching \^\[a-zA-Z0-9-_\]\+\$, got "has space"/],
    ["missing id at minor 5", (nb) => delete nb.cells[2].id, /cells\[2\]: missing required field "id"/],
    ["duplicate tags", (nb) => (nb.cells[1].metadata.tags = ["x", "x"]), /tags: expected unique/],
    ["kernelspec without display_name", (nb) => delete nb.metadata.kernelspec.display_name, /^metadata\.kernelspec: missing required field "display_name"$/],
  ];
  for (const [what, breakIt, message] of broken) {
    it(`reports ${what}, naming the field`, () => {
      const nb = sample();
      breakIt(nb);
      const problems = validateNotebook(nb);
      assert.ok(
        problems.some((p) => message.test(p)),
        `expected ${message} in ${JSON.stringify(problems)}`,
      );
    });
  }

  it("parseNotebook names the file in its errors", () => {
    assert.throws(() => parseNotebook("{", "x.ipynb"), /^Error: x\.ipynb: not valid JSON/);
    assert.throws(
      () => parseNotebook(JSON.stringify({ ...sample(), nbformat: 3 }), "y.ipynb"),
      /y\.ipynb: not a valid nbformat 4 notebook:\n {2}nbformat: expected 4/,
    );
  });

  it("serializes like Jupyter (indent 1, sorted keys, trailing newline) and round-trips", () => {
    const text = serializeNotebook(sample());
    assert.ok(text.endsWith("}\n"));
    assert.ok(text.startsWith('{\n "cells": [\n  {\n   "cell_type": "markdown",\n   "id": "a",'));
    assert.deepEqual(parseNotebook(text, "t"), sample());
  });

  it("stripOutputs clears outputs, counts and timings without touching the input", () => {
    const nb = sample();
    const stripped = stripOutputs(nb);
    assert.equal(hasNoOutputs(nb), false);
    assert.equal(hasNoOutputs(stripped), true);
    const code = stripped.cells[1];
    assert.ok(code.cell_type === "code");
    assert.deepEqual(code.metadata, { tags: ["parameters"] });
    assert.equal((nb.cells[1] as { outputs: unknown[] }).outputs.length, 2, "input notebook unchanged");
  });

  it("writes atomically (no temp files left) and refuses to write an invalid notebook", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nnbook-nbformat-"));
    try {
      const path = join(dir, "sub", "n.ipynb");
      await writeNotebook(path, sample());
      assert.deepEqual(await readNotebook(path), sample());
      await writeFile(path, "old");
      await assert.rejects(writeNotebook(path, { ...sample(), nbformat_minor: -1 }), /n\.ipynb: not a valid nbformat 4 notebook/);
      assert.equal(await readFile(path, "utf8"), "old");
      assert.deepEqual(await readdir(join(dir, "sub")), ["n.ipynb"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("nbformat: the official schemas", () => {
  const debian = "/usr/lib/python3/dist-packages/nbformat/v4";
  for (const name of ["nbformat.v4.4.schema.json", "nbformat.v4.5.schema.json"]) {
    it(`${name} is the official file, unchanged`, function () {
      const official = join(debian, name);
      if (!existsSync(official)) this.skip(); // python3-nbformat not installed
      const ours = join(__dirname, "../../src/nbformat/schema", name);
      assert.equal(readFileSync(ours, "utf8"), readFileSync(official, "utf8"));
    });
  }
});
