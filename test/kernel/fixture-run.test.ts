import { strict as assert } from "assert";
import { existsSync } from "fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { svgSize } from "../../src/notebook/display";
import { runNotebook, runNotebookFile, NotebookRunResult } from "../../src/kernel/runner";
import { splitFooter } from "../../src/report/export-header";
import { exportNotebook } from "../../src/report/export-markdown";
import * as mime from "../../src/nbformat/mime";
import { cellSource, CodeCell, DisplayDataOutput, Notebook, readNotebook } from "../../src/nbformat/notebook";
import { validateNotebook } from "../../src/nbformat/validate";
import { decodePng } from "../report/png-decode";
import { CLI, EXPECTED_MD, FIXTURE, Finished, officialValidate, pythonWithNbformat, requireBuild, runProcess } from "../notebook/helpers";
import { codeVersion } from "../../src/experiments";
import { getKernel } from "../../src/tensor";

const LABEL = "from the command line";
const SOURCE = "test/fixtures/display-demo.ipynb";

function cell(nb: Notebook, id: string): CodeCell {
  const found = nb.cells.find((c) => c.id === id);
  assert.ok(found && found.cell_type === "code", `no code cell "${id}"`);
  return found;
}

function stdout(c: CodeCell): string {
  return c.outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? String(o.text) : "")).join("");
}

function cellNumber(nb: Notebook, id: string): number {
  return nb.cells.findIndex((c) => c.id === id) + 1;
}

/**
 * One shared set of real-kernel runs of the fixture (they run concurrently):
 * A — runner API with an injected label, exported; B — the same through the CLI (`run --export`);
 * C — runner API with `fail=true` and allowErrors; D — the CLI with `fail=true` (must stop and exit ≠ 0).
 */
describe("notebook/runner + report/export: the fixture notebook on the real tslab kernel", function () {
  this.timeout(300_000);
  let dir: string;
  let a: NotebookRunResult;
  let aBody: string;
  let aFooter: string;
  let b: Finished;
  let c: NotebookRunResult;
  let d: Finished;
  let seconds: number;

  before(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-fixture-"));
    const started = Date.now();
    const runA = async (): Promise<void> => {
      a = await runNotebookFile(FIXTURE, join(dir, "a", "executed.ipynb"), { parameters: { label: LABEL }, sourcePath: SOURCE });
      const exported = await exportNotebook(a.notebook, { name: "display-demo", reportsDir: join(dir, "a", "reports"), figuresDir: join(dir, "a", "figures") });
      ({ body: aBody, footer: aFooter } = splitFooter(await readFile(exported.markdownPath, "utf8")));
    };
    const cli = (out: string, ...args: string[]): Promise<Finished> =>
      runProcess(process.execPath, [CLI, "run", SOURCE, "--out", join(dir, out, "executed.ipynb"), ...args]);
    const runC = async (): Promise<void> => {
      c = await runNotebook(await readNotebook(FIXTURE), { parameters: { fail: true }, allowErrors: true, cwd: join(FIXTURE, "..") });
    };
    const [bDone, dDone] = await Promise.all([
      cli("b", "--param", `label=${LABEL}`, "--export", "--reports-dir", join(dir, "b", "reports"), "--figures-dir", join(dir, "b", "figures")),
      cli("d", "--param", "fail=true"),
      runA(),
      runC(),
    ]);
    b = bDone;
    d = dDone;
    seconds = (Date.now() - started) / 1000;
  });
  after(async () => {
    process.stderr.write(`      (four concurrent fixture runs took ${seconds?.toFixed(1)} s)\n`);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("executes every code cell in order and records the run in the metadata", () => {
    const counts = a.notebook.cells.flatMap((x) => (x.cell_type === "code" ? [x.execution_count] : []));
    assert.deepEqual(
      counts,
      counts.map((_, i) => i + 1),
    );
    assert.deepEqual(a.failures, []);
    const meta = a.notebook.metadata.nnbook as Record<string, unknown>;
    assert.deepEqual(meta.parameters, { label: LABEL });
    assert.equal(meta.status, "ok");
    assert.equal(meta.source, SOURCE);
    assert.deepEqual(validateNotebook(a.notebook), []);
  });

  it("injects the parameter in a tagged cell after the parameters cell; the notebook sees it", () => {
    const at = a.notebook.cells.findIndex((x) => x.id === "parameters");
    const injected = a.notebook.cells[at + 1];
    assert.deepEqual(injected.metadata.tags, ["injected-parameters"]);
    assert.match(cellSource(injected), new RegExp(`^const label = ${JSON.stringify(LABEL)};$`, "m"));
    assert.equal(stdout(cell(a.notebook, "imports")), `label: ${LABEL}\n`);
  });

  it("shows a chart as ONE display bundle: Vega-Lite object + SVG + PNG + text", () => {
    const outputs = cell(a.notebook, "chart").outputs;
    assert.equal(outputs.length, 1);
    const out = outputs[0] as DisplayDataOutput;
    assert.equal(out.output_type, "display_data");
    assert.deepEqual(Object.keys(out.data).sort(), [mime.VEGA_LITE_MIME, mime.PNG_MIME, mime.SVG_MIME, mime.TEXT_MIME].sort());
    const spec = out.data[mime.VEGA_LITE_MIME] as { title: string; data: { values: unknown[] } };
    assert.equal(typeof spec, "object");
    assert.equal(spec.title, "y = x² for the demo points");
    assert.deepEqual(
      spec.data.values,
      [0, 1, 2, 3, 4].map((x) => ({ x, y: x * x, half: x / 2 })),
    );
    const svg = out.data[mime.SVG_MIME] as string;
    assert.match(svg, /x value/);
    assert.match(svg, /y = x squared/);
    const size = svgSize(svg);
    assert.ok(size);
    const png = decodePng(Buffer.from(out.data[mime.PNG_MIME] as string, "base64"));
    assert.deepEqual([png.width, png.height], [2 * size.width, 2 * size.height]);
    assert.deepEqual(out.metadata[mime.PNG_MIME], size);
    assert.equal(out.data[mime.TEXT_MIME], "Chart: y = x² for the demo points");
  });

  it("shows a Markdown table, stdout, a parameter block and progress updated in place", () => {
    const table = cell(a.notebook, "table").outputs[0] as DisplayDataOutput;
    const lines = String(table.data[mime.MARKDOWN_MIME]).split("\n");
    assert.deepEqual(
      lines.slice(2),
      [0, 1, 2, 3, 4].map((x) => `| ${x} | ${x * x} | ${x / 2} |`),
    );
    assert.equal(stdout(cell(a.notebook, "progress")), "counted 5 points\n");
    const progress = cell(a.notebook, "progress").outputs.filter((o) => o.output_type === "display_data") as DisplayDataOutput[];
    assert.equal(progress.length, 1, "one progress display, updated in place");
    assert.deepEqual(progress[0].data[mime.PROGRESS_MIME], { label: "Counting", done: 5, total: 5, note: "all points counted", finished: true });
    const params = cell(a.notebook, "params").outputs[0] as DisplayDataOutput;
    assert.deepEqual(params.data[mime.PARAMS_MIME], { title: "Run settings", params: { label: LABEL, points: 5, seed: 42 } });
  });

  it("reports a failing cell with its number and the real error text (allowErrors keeps going)", () => {
    assert.equal(c.failures.length, 1);
    const failure = c.failures[0];
    assert.equal(failure.cellNumber, cellNumber(c.notebook, "failure"));
    assert.equal(failure.executionCount, cell(c.notebook, "failure").execution_count);
    assert.match(failure.errorText, /Error: failure requested for default label/);
    assert.doesNotMatch(failure.errorText, /node_modules[\\/]tslab/);
    assert.equal(stdout(cell(c.notebook, "after-failure")), "last cell ran\n");
    assert.equal((c.notebook.metadata.nnbook as Record<string, unknown>).status, "failed");
  });

  it("the CLI stops at the failing cell, names it, exits ≠ 0 and still writes the executed notebook", async () => {
    assert.equal(d.code, 1, d.stderr);
    const executed = await readNotebook(join(dir, "d", "executed.ipynb"));
    const number = cellNumber(executed, "failure");
    const count = cell(executed, "failure").execution_count;
    assert.match(d.stderr, new RegExp(`nnbook: cell ${number} \\(In \\[${count}\\]\\) failed: .*\\n[^]*Error: failure requested for default label`));
    assert.deepEqual(cell(executed, "after-failure").outputs, [], "no cell runs after the failure");
    assert.match(d.stderr, /\[display-demo\] 1\/12 cell 2: ok \(\d+\.\d\d s\)/);
  });

  it("exports the Markdown body exactly as the committed expected file; timings only in the footer", async () => {
    // the body names the arithmetic version, never this machine's kernel: it is the same everywhere
    assert.ok(aBody.includes(`- **Arithmetic:** \`${codeVersion()}\`, float64`), "the header states the arithmetic version");
    assert.ok(!aBody.includes(getKernel().name), "the body does not depend on the machine's kernel");
    if (process.env.UPDATE_EXPECTED === "1") await writeFile(EXPECTED_MD, aBody);
    assert.equal(aBody, await readFile(EXPECTED_MD, "utf8"));
    assert.match(
      aFooter,
      /^\*display-demo: executed \d{4}-\d\d-\d\dT[\d:.]+Z in \d+\.\d\d s; node v\d+[^;]*, tslab [\d.]+; matrix kernel [\w-]+; slowest cells: /m,
    );
    assert.doesNotMatch(aBody, /\d\d:\d\d:\d\d/, "no clock times in the body");
  });

  it("a second run (through the CLI) gives byte-identical Markdown body and figure files", async () => {
    assert.equal(b.code, 0, b.stderr);
    const bBody = splitFooter(await readFile(join(dir, "b", "reports", "display-demo.md"), "utf8")).body;
    assert.equal(bBody, aBody);
    const names = (await readdir(join(dir, "a", "figures", "display-demo"))).sort();
    assert.deepEqual(names, ["10-1.png", "10-1.svg"]);
    assert.deepEqual((await readdir(join(dir, "b", "figures", "display-demo"))).sort(), names);
    for (const name of names) {
      const [x, y] = await Promise.all(["a", "b"].map((r) => readFile(join(dir, r, "figures", "display-demo", name))));
      assert.ok(x.equals(y), `${name} differs between runs`);
    }
    assert.match(b.stderr, /\[display-demo\] exported → .*display-demo\.md \(2 figure files\)/);
  });

  it("the exported SVG has the axis titles and the PNG decodes to 2× the SVG size", async () => {
    const figures = join(dir, "a", "figures", "display-demo");
    const svg = await readFile(join(figures, "10-1.svg"), "utf8");
    for (const title of ["x value", "y = x squared", "y = x² for the demo points"]) assert.ok(svg.includes(title), title);
    const size = svgSize(svg);
    assert.ok(size);
    const png = decodePng(await readFile(join(figures, "10-1.png")));
    assert.deepEqual([png.width, png.height], [2 * size.width, 2 * size.height]);
    assert.match(aBody, /!\[y = x² for the demo points\]\(\.\.\/figures\/display-demo\/10-1\.svg\)/);
  });

  it("the executed notebooks are valid for the official nbformat validator", function () {
    const python = pythonWithNbformat();
    if (python === null) {
      process.stderr.write("      skipped: no Python with nbformat (apt-get install python3-nbformat)\n");
      this.skip();
    }
    const paths = [join(dir, "a", "executed.ipynb"), join(dir, "b", "executed.ipynb"), join(dir, "d", "executed.ipynb")];
    assert.ok(paths.every((p) => existsSync(p)));
    assert.equal(officialValidate(python, paths), "");
  });
});
