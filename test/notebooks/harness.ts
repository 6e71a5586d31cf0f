import { strict as assert } from "assert";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { runNotebookFile, NotebookRunResult } from "../../src/kernel/runner";
import { CodeCell, DisplayDataOutput, Notebook } from "../../src/nbformat/notebook";
import { runLimited } from "../../src/util/run-limited";
import { requireBuild } from "../notebook/helpers";

/** What `executeInSuite` runs: notebook name → its path and injected parameters. */
export type SuiteNotebooks = Record<string, { readonly path: string; readonly parameters?: Record<string, unknown> }>;

/**
 * Inside a mocha `describe`: before the tests, makes a scratch folder, lets `fixtures(dir)` write
 * data files there and return the environment variables that point at them (plus a scratch
 * result cache; the kernels inherit the environment), then runs every notebook (`jobs` at a time)
 * with failures recorded, not thrown. After the tests, restores the environment and removes the folder.
 */
export function executeInSuite(tag: string, notebooks: SuiteNotebooks, fixtures: (dir: string) => Record<string, string>, jobs: number):
  { result(name: string): NotebookRunResult; dir(): string } {
  const results = new Map<string, NotebookRunResult>();
  const saved = new Map<string, string | undefined>();
  let dir = "";
  before(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), `nnbook-${tag}-`));
    // the fixtures are tiny files in the official formats: allowed explicitly (NNBOOK_ALLOW_SHORT_DATA)
    const env = { ...fixtures(dir), NNBOOK_CACHE_DIR: join(dir, "cache"), NNBOOK_ALLOW_SHORT_DATA: "1" };
    for (const [key, value] of Object.entries(env)) {
      saved.set(key, process.env[key]);
      process.env[key] = value;
    }
    await runLimited(Object.entries(notebooks).map(([name, nb]) => async () => {
      results.set(name, await runNotebookFile(nb.path, join(dir, "executed", `${name}.ipynb`), { parameters: nb.parameters, allowErrors: true }));
    }), jobs);
  });
  after(async () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    result: (name) => {
      const r = results.get(name);
      assert.ok(r, `${name} did not run`);
      return r;
    },
    dir: () => dir,
  };
}

/** The code cell with id `id`. */
export function codeCell(nb: Notebook, id: string): CodeCell {
  const found = nb.cells.find((c) => c.id === id);
  assert.ok(found && found.cell_type === "code", `no code cell "${id}"`);
  return found;
}

/** The display_data outputs of cell `id`. */
export function displaysOf(nb: Notebook, id: string): DisplayDataOutput[] {
  return codeCell(nb, id).outputs.filter((o): o is DisplayDataOutput => o.output_type === "display_data");
}
