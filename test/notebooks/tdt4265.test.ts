import { strict as assert } from "assert";
import { join } from "path";
import * as mime from "../../src/report/mime";
import { Notebook } from "../../src/report/nbformat";
import { meanStd, mnistArrays, mnistFiles, writeMnistDir } from "../data/fixtures";
import { ROOT } from "../notebook/helpers";
import { codeCell, displaysOf, executeInSuite } from "./harness";

/** The TDT4265 A2 notebooks, executed top to bottom on the real tslab kernel with tiny MNIST files. */
const NOTEBOOKS = ["01-data-and-baseline", "02-tricks-of-the-trade", "03-topologies", "04-bonus"];
const N_TRAIN = 400;
const N_TEST = 100;
const SEEDS = 3;
const FROM_EPOCH = 0.1;
const PARAMS = { epochs: 2, evaluationsPerEpoch: 4, patience: 3, seeds: SEEDS, workers: 0, curvesFromEpoch: FROM_EPOCH };

function markdown(nb: Notebook, id: string): string[] {
  return displaysOf(nb, id).flatMap((o) => (o.data[mime.MARKDOWN_MIME] === undefined ? [] : [String(o.data[mime.MARKDOWN_MIME])]));
}

function charts(nb: Notebook, id: string): { title: string; data?: { values: Record<string, unknown>[] } }[] {
  return displaysOf(nb, id).flatMap((o) => (o.data[mime.VEGA_LITE_MIME] === undefined ? [] : [o.data[mime.VEGA_LITE_MIME] as never]));
}

function stdout(nb: Notebook, id: string): string {
  return codeCell(nb, id).outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? String(o.text) : "")).join("");
}

/** The body rows of a Markdown table as arrays of cell texts. */
function tableRows(table: string): string[][] {
  return table.split("\n").slice(2).map((line) => line.slice(2, -2).split(" | "));
}

function column(table: string, name: string): string[] {
  const header = table.split("\n")[0].slice(2, -2).split(" | ");
  const k = header.indexOf(name);
  assert.ok(k >= 0, `no column "${name}" in ${header.join(", ")}`);
  return tableRows(table).map((row) => row[k]);
}

/** (input + 1)·first + Σ next·previous: weights of every layer plus one bias row on the input (the bias trick). */
function biasTrickCount(sizes: number[]): number {
  return sizes.slice(1).reduce((sum, m, l) => sum + (sizes[l] + (l === 0 ? 1 : 0)) * m, 0);
}

describe("notebooks/tdt4265-a2: every notebook on the real tslab kernel with tiny MNIST IDX files", function () {
  this.timeout(300_000);
  const suite = executeInSuite("tdt4265", Object.fromEntries(NOTEBOOKS.map((name) =>
    [name, { path: join(ROOT, "notebooks", "tdt4265-a2", `${name}.ipynb`), parameters: PARAMS }])), (dir) => {
    writeMnistDir(join(dir, "mnist"), mnistFiles(N_TRAIN, N_TEST), true);
    return { MNIST_DIR: join(dir, "mnist") };
  }, 4);
  const nb = (name: string): Notebook => suite.result(name).notebook;

  it("runs every cell of every notebook without a failure, all parameters known", () => {
    for (const name of NOTEBOOKS) {
      const r = suite.result(name);
      assert.deepEqual(r.failures, [], `${name}: ${r.failures.map((f) => f.errorText).join("\n")}`);
      assert.deepEqual(r.unknownParameters, [], name);
      const counts = r.notebook.cells.flatMap((c) => (c.cell_type === "code" ? [c.execution_count] : []));
      assert.deepEqual(counts, counts.map((_, i) => i + 1), `${name}: every code cell executed in order`);
    }
  });

  it("01: splits, normalization statistics of the fixture pixels, the parameter count", () => {
    const n = nb("01-data-and-baseline");
    const nVal = Math.round(0.1 * N_TRAIN);
    assert.match(stdout(n, "data"), new RegExp(`^${N_TRAIN - nVal} training, ${nVal} validation, ${N_TEST} test images`));
    const [table] = markdown(n, "normalization");
    const { pixels } = mnistArrays("mnist/train", N_TRAIN);
    const part = meanStd(pixels.subarray(0, (N_TRAIN - nVal) * 784));
    const all = meanStd(pixels);
    const cells = tableRows(table);
    assert.equal(cells[0][0], "mean (pixel units)");
    assert.match(cells[0][1], new RegExp(`^${part.mean.toFixed(2)} \\(`));
    assert.match(cells[0][2], new RegExp(`^${all.mean.toFixed(2)} \\(`));
    assert.match(cells[1][1], new RegExp(`^${part.std.toFixed(2)} \\(`));
    assert.match(cells[1][2], new RegExp(`^${all.std.toFixed(2)} \\(`));
    assert.deepEqual(column(table, "Published"), ["33.32", "78.57"]);
    const count = biasTrickCount([784, 64, 10]).toLocaleString("en-US");
    assert.match(stdout(n, "config"), new RegExp(`^Parameters: ${count} \\(published: \\(784 \\+ 1\\)·64 \\+ 64·10 = ${count}\\)`, "m"));
  });

  it("01: baseline over the seeds, its learning curves, summary and reproduction tables", () => {
    const n = nb("01-data-and-baseline");
    const [table] = markdown(n, "run");
    assert.deepEqual(column(table, "Variant"), ["Baseline"]);
    assert.deepEqual(column(table, "Runs"), [`${SEEDS} of ${SEEDS}`]);
    assert.deepEqual(charts(n, "curves").map((c) => c.title), ["Baseline, seed 1"]);
    assert.match(markdown(n, "curves")[0], /^Model parameters:/);
    const repro = markdown(n, "reproduction");
    assert.equal(repro.length, 4, "caption + table for each published report");
    assert.deepEqual(column(repro[1], "Configuration"), ["Baseline"]);
    assert.match(column(repro[1], "Ours (validation, mean ± std)")[0], /^\d+\.\d\d ± \d+\.\d\d % \(n = 3\)$/);
    assert.deepEqual(column(repro[1], "Published"), ["91.52 (first)"]);
    assert.match(column(repro[3], "Ours (test, mean ± std)")[0], /^\d+\.\d\d ± \d+\.\d\d % \(n = 3\)$/);
    assert.deepEqual(column(repro[3], "Published"), ["93.50 (second)"]);
    assert.match(markdown(n, "observations")[0], /validation accuracies differ|validation accuracies lie within/);
  });

  it("02: the six variants in the table, all of them in each comparison chart, two reproduction tables", () => {
    const n = nb("02-tricks-of-the-trade");
    const labels = ["Baseline", "+ shuffling", "+ improved sigmoid", "+ fan-in init", "+ momentum", "All tricks"];
    const [table] = markdown(n, "run");
    assert.deepEqual(column(table, "Variant"), labels);
    for (const header of ["Training loss", "Validation loss", "Training acc.", "Validation acc.", "Steps until stop"]) {
      assert.ok(column(table, header).every((v) => /^[\d.]+ ± [\d.]+( %)?$/.test(v)), `${header}: ${column(table, header)}`);
    }
    const all = [...charts(n, "curves-val-loss"), ...charts(n, "curves-val-acc")];
    assert.deepEqual(all.map((c) => c.title), ["Validation loss (seed 1)", "Validation accuracy (seed 1)", "Training loss (seed 1)"]);
    for (const c of all) {
      assert.deepEqual([...new Set(c.data!.values.map((v) => v.run))], labels);
      assert.ok(c.data!.values.every((v) => (v.epoch as number) >= FROM_EPOCH), `${c.title} starts at curvesFromEpoch`);
    }
    const repro = markdown(n, "reproduction");
    assert.equal(repro.length, 4);
    assert.deepEqual(column(repro[1], "Configuration"), ["Baseline", "+ improved sigmoid", "+ fan-in init", "+ momentum", "All tricks"]);
    assert.deepEqual(column(repro[3], "Configuration"), labels.slice(0, 5));
    const bullets = markdown(n, "observations")[0].split("\n");
    assert.equal(bullets.length, labels.length - 1 + 1 + 2, "one effect per variant, the steps, two reproduction summaries");
  });

  it("03: five topologies with the library's parameter counts, validation loss and accuracy curves", () => {
    const n = nb("03-topologies");
    const [table] = markdown(n, "run");
    const nets = [[784, 32, 10], [784, 64, 10], [784, 128, 10], [784, 60, 60, 10], [784, ...Array(10).fill(64), 10]];
    assert.deepEqual(column(table, "Variant"), ["784-32-10", "784-64-10", "784-128-10", "784-60-60-10", "784-(64×10)-10"]);
    assert.deepEqual(column(table, "Parameters"), nets.map((s) => biasTrickCount(s).toLocaleString("en-US")));
    for (const id of ["curves", "curves-acc"]) {
      const [chart] = charts(n, id);
      assert.equal(new Set(chart.data!.values.map((v) => v.run)).size, nets.length);
      assert.ok(chart.data!.values.every((v) => (v.epoch as number) >= FROM_EPOCH), "curves start at curvesFromEpoch");
    }
    assert.equal(markdown(n, "reproduction").length, 4);
    assert.match(markdown(n, "observations")[0], /^- 784-32-10 .* the 784-64-10 network/);
  });

  it("04: the bonus variants against all tricks, without a reproduction table", () => {
    const n = nb("04-bonus");
    const [table] = markdown(n, "run");
    assert.deepEqual(column(table, "Variant"), [
      "All tricks", "+ dropout 0.2", "ReLU activation", "Xavier init", "+ η × 0.9/epoch",
    ]);
    assert.equal(new Set(charts(n, "curves-acc")[0].data!.values.map((v) => v.run)).size, 5);
    assert.ok(!n.cells.some((c) => c.id === "reproduction"));
    assert.equal(markdown(n, "observations")[0].split("\n").length, 4 + 1);
  });
});
