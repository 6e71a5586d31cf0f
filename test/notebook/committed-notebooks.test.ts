import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cellTags, hasNoOutputs, readNotebook } from "../../src/nbformat/notebook";
import { officialValidate, pythonWithNbformat, ROOT } from "./helpers";

/** Folders Jupyter writes beside opened notebooks (git-ignored; their copies may hold outputs). */
const JUPYTER_FOLDERS = new Set([".ipynb_checkpoints"]);

/**
 * Every committed notebook: every .ipynb below notebooks/ (report and walkthrough folders) and the
 * test fixtures, not looking into Jupyter's checkpoint folders.
 */
function committedNotebooks(root = ROOT): string[] {
  const list = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) =>
        entry.isDirectory()
          ? JUPYTER_FOLDERS.has(entry.name)
            ? []
            : list(join(dir, entry.name))
          : entry.name.endsWith(".ipynb")
            ? [join(root, dir, entry.name)]
            : [],
      );
  return [...list("notebooks"), ...list(join("test", "fixtures"))];
}

/** The notebooks of every report in notebooks/reports.json (absolute paths). */
function reportNotebooks(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, "notebooks", "reports.json"), "utf8")) as { reports: { notebooks: string[] }[] };
  return new Set(manifest.reports.flatMap((r) => r.notebooks.map((n) => join(ROOT, "notebooks", n))));
}

describe("committed notebooks: no outputs, valid nbformat 4, tslab kernel", () => {
  const paths = committedNotebooks();
  const inReports = reportNotebooks();

  it("finds every report notebook of the manifest among them", () => {
    assert.ok(inReports.size >= 14, `${inReports.size} report notebooks`);
    for (const path of inReports) assert.ok(paths.includes(path), `${path} is listed in reports.json but not committed`);
  });

  it("skips Jupyter's .ipynb_checkpoints folders, which git ignores", () => {
    const root = mkdtempSync(join(tmpdir(), "nnbook-checkpoints-"));
    try {
      for (const dir of ["notebooks/.ipynb_checkpoints", "test/fixtures"]) mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, "notebooks", "a.ipynb"), "{}");
      writeFileSync(join(root, "notebooks", ".ipynb_checkpoints", "a-checkpoint.ipynb"), "{}");
      assert.deepEqual(committedNotebooks(root), [join(root, "notebooks", "a.ipynb")]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const ignored = spawnSync("git", ["check-ignore", "-q", "--no-index", "notebooks/.ipynb_checkpoints/x-checkpoint.ipynb"], { cwd: ROOT });
    assert.equal(ignored.status, 0, ".gitignore must list .ipynb_checkpoints/");
  });

  it("finds the fixture notebook at least", () => {
    assert.ok(
      paths.some((p) => p.endsWith("display-demo.ipynb")),
      paths.join(", "),
    );
  });

  for (const path of paths) {
    const wanted = inReports.has(path) ? "one parameters cell" : "≤ 1 parameters cell";
    it(`${path.slice(ROOT.length + 1)}: valid nbformat 4 (our validator), no outputs, tslab kernelspec, ${wanted}`, async () => {
      const notebook = await readNotebook(path); // throws naming the field when invalid
      assert.equal(hasNoOutputs(notebook), true, "commit notebooks without outputs (nnbook strips them with stripOutputs)");
      assert.equal((notebook.metadata.kernelspec as { name?: string } | undefined)?.name, "tslab");
      const parameterCells = notebook.cells.filter((c) => cellTags(c).includes("parameters")).length;
      if (inReports.has(path)) assert.equal(parameterCells, 1, "a report notebook has exactly one parameters cell");
      else assert.ok(parameterCells <= 1);
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
