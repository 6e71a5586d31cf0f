import { strict as assert } from "assert";
import { readdirSync } from "fs";
import { join } from "path";
import { cellTags, hasNoOutputs, readNotebook } from "../../src/report/nbformat";
import { officialValidate, pythonWithNbformat, ROOT } from "./helpers";

/** Every committed notebook: every .ipynb below notebooks/ (report and walkthrough folders) and the test fixtures. */
function committedNotebooks(): string[] {
  const list = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) =>
        entry.isDirectory() ? list(join(dir, entry.name)) : entry.name.endsWith(".ipynb") ? [join(ROOT, dir, entry.name)] : []);
  return [...list("notebooks"), ...list(join("test", "fixtures"))];
}

describe("committed notebooks: no outputs, valid nbformat 4, tslab kernel", () => {
  const paths = committedNotebooks();

  it("finds the fixture notebook at least", () => {
    assert.ok(paths.some((p) => p.endsWith("display-demo.ipynb")), paths.join(", "));
  });

  for (const path of paths) {
    it(`${path.slice(ROOT.length + 1)}: valid nbformat 4 (our validator), no outputs, tslab kernelspec, ≤ 1 parameters cell`, async () => {
      const notebook = await readNotebook(path); // throws naming the field when invalid
      assert.equal(hasNoOutputs(notebook), true, "commit notebooks without outputs (nnbook strips them with stripOutputs)");
      assert.equal((notebook.metadata.kernelspec as { name?: string } | undefined)?.name, "tslab");
      assert.ok(notebook.cells.filter((c) => cellTags(c).includes("parameters")).length <= 1);
      assert.equal(notebook.cells.filter((c) => cellTags(c).includes("injected-parameters")).length, 0);
    });
  }

  it("all of them pass the official nbformat validator", function () {
    const python = pythonWithNbformat();
    if (python === null) {
      process.stderr.write("      skipped: no Python with nbformat (apt-get install python3-nbformat)\n");
      this.skip();
    }
    assert.equal(officialValidate(python, paths), "");
  });
});
