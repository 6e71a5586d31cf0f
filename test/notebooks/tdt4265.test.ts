import { strict as assert } from "assert";
import { readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as mime from "../../src/nbformat/mime";
import { Notebook } from "../../src/nbformat/notebook";
import { meanStd, mnistArrays, mnistFiles, writeMnistDir } from "../data/fixtures";
import { ROOT } from "../notebook/helpers";
import { codeCell, displaysOf, executeInSuite } from "./harness";
import { markdownTable } from "../../src/report/markdown";
import { SEED_003_BLOCKS, TDT4265_A2_BLOCKS, seed003Plan, seed003SettingsRows } from "../../src/courses/tdt4265-a2";
import { coverageTable } from "../../src/report/coverage";
import type { ResultsDoc } from "../../src/report/results-json";

/** The TDT4265 A2 notebooks, executed top to bottom on the real tslab kernel with tiny MNIST files. */
const NOTEBOOKS = ["01-data-and-baseline", "02-tricks-of-the-trade", "03-topologies", "04-bonus", "05-seed-003", "06-coverage"];
const N_TRAIN = 400;
const N_TEST = 100;
const SEEDS = 3;
const FROM_EPOCH = 0.1;
const PARAMS = { epochs: 2, evaluationsPerEpoch: 4, patience: 3, seeds: SEEDS, workers: 0, curvesFromEpoch: FROM_EPOCH };
/** Seed 003's notebook: its own parameters (no early stopping, both gradient readings, a small gradient check). */
const SEED_003_PARAMS = {
  epochs: 2, evaluationsPerEpoch: 2, trainSubset: 100, readings: ["sum", "mean"], seeds: SEEDS, workers: 0,
  gradcheckImages: 3, gradcheckInputs: 20,
};
/** The coverage section: both series at tiny sizes, the results JSON written to a scratch file. */
const RESULTS_FILE = join(tmpdir(), `nnbook-tdt4265-results-${process.pid}.json`);
const COVERAGE_PARAMS = {
  epochs: 2, evaluationsPerEpoch: 4, patience: 3, trainSubset: 100, seedEpochs: 2, readings: ["sum", "mean"], seeds: SEEDS,
  workers: 0, gradcheckImages: 3, gradcheckInputs: 20, resultsFile: RESULTS_FILE,
};
const paramsOf = (name: string): Record<string, unknown> =>
  (name === "05-seed-003" ? SEED_003_PARAMS : name === "06-coverage" ? COVERAGE_PARAMS : PARAMS);

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
    [name, { path: join(ROOT, "notebooks", "tdt4265-a2", `${name}.ipynb`), parameters: paramsOf(name) }])), (dir) => {
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
    const train = charts(n, "curves-train");
    assert.deepEqual(train.map((c) => c.title), ["Training loss (seed 1)", "Training accuracy (seed 1)"]);
    for (const c of train) assert.equal(new Set(c.data!.values.map((v) => v.run)).size, nets.length);
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

  it("05: the committed defaults are seed 003's setup (15 epochs, 20 evaluations, 50 images, both readings)", () => {
    const source = codeCell(nb("05-seed-003"), "parameters").source;
    const text = Array.isArray(source) ? source.join("") : source;
    for (const line of ["const epochs = 15;", "const evaluationsPerEpoch = 20;", 'const readings = ["sum", "mean"];', "const gradcheckImages = 50;"]) {
      assert.ok(text.includes(line), `parameters cell declares ${line}`);
    }
  });

  it("05: the trainer settings shown are those of seed003Plan: batch 128, η 0.5 (×128 summed), no early stopping, cumulative", () => {
    const n = nb("05-seed-003");
    const shown = markdown(n, "settings");
    assert.deepEqual(shown.filter((_, i) => i % 2 === 0), ['*Reading "sum"*', '*Reading "mean"*']);
    const p = SEED_003_PARAMS;
    const plans = (["sum", "mean"] as const).map((normalization) =>
      seed003Plan({ epochs: p.epochs, evaluationsPerEpoch: p.evaluationsPerEpoch, trainSubset: p.trainSubset, normalization }));
    plans.forEach((plan, i) => assert.equal(shown[2 * i + 1], markdownTable(seed003SettingsRows(plan)), plan.settings.normalization));
    const sum = shown[1];
    assert.deepEqual([...new Set(column(sum, "Batch size"))], ["128"]);
    assert.deepEqual([...new Set(column(sum, "Early stopping"))], ["none"]);
    assert.deepEqual([...new Set(column(sum, "Epochs"))], [String(p.epochs)]);
    assert.deepEqual(column(sum, "η (library, mean gradient)").slice(0, 5), ["64", "64", "64", "64", "6.4"]);
    assert.deepEqual(column(shown[3], "η (library, mean gradient)").slice(0, 5), ["0.5", "0.5", "0.5", "0.5", "0.05"]);
    assert.deepEqual(column(sum, "Shuffle").slice(0, 5), ["false", "true", "true", "true", "true"]);
    assert.deepEqual(column(sum, "Activation").slice(0, 5), ["sigmoid", "sigmoid", "improvedSigmoid", "improvedSigmoid", "improvedSigmoid"]);
    assert.deepEqual(column(sum, "Init").slice(0, 5), ["normal", "normal", "normal", "fanIn", "fanIn"]);
    assert.deepEqual(column(sum, "Momentum").slice(0, 5), ["0", "0", "0", "0", "0.9"]);
  });

  it("05: Tables 0.1 and 0.2 per reading at epochs 1 and 2 with the seed's triples, momentum curves, gradient check, bonus", () => {
    const n = nb("05-seed-003");
    const t01 = markdown(n, "table01");
    assert.equal(t01.length, 4, "caption + table per reading");
    assert.deepEqual(column(t01[1], "Configuration"), ["B", "B", "B + S", "B + S", "B + S + I", "B + S + I", "B + S + I + N", "B + S + I + N",
      "B + S + I + N + M (η = 0.05)", "B + S + I + N + M (η = 0.05)"]);
    assert.deepEqual(column(t01[1], "Epoch"), Array(5).fill(["1", "2"]).flat());
    const b1 = SEED_003_BLOCKS.find((b) => b.id === "003/table01/B")!.published.filter((v) => v.epoch === 1).map((v) => v.text);
    assert.equal(column(t01[3], "Published (train, val, test)")[0], `(${b1.join(", ")})`);
    assert.equal(column(t01[3], "Published (train, val, test)")[1], "—", "the seed has no epoch 2");
    for (const acc of column(t01[3], "Test acc. (%)")) assert.match(acc, /^\d+\.\d ± \d+\.\d$|^—$/);
    const t02 = markdown(n, "table02");
    assert.deepEqual([...new Set(column(t02[3], "Configuration"))],
      ["784-5-10", "784-10-10", "784-20-10", "784-32-10", "784-64-10", "784-128-10", "784-60-60-10"]);
    assert.deepEqual(column(t02[3], "Test acc. (%)").slice(8, 10), column(t01[3], "Test acc. (%)").slice(6, 8), "Table 0.2's 64 = Table 0.1's N");
    const curves = charts(n, "momentum");
    assert.equal(curves.length, 4);
    for (const c of curves) assert.deepEqual([...new Set(c.data!.values.map((v) => v.run))], ["momentum, η = 0.5", "momentum, η = 0.05"]);
    const [check] = markdown(n, "gradcheck");
    assert.deepEqual(column(check, "Shape"), ["64 × 20", "64 × 1", "10 × 64"]);
    for (const d of column(check, "Max absolute difference")) assert.ok(Number(d) < 1e-4, d);
    assert.equal(tableRows(markdown(n, "bonus")[0]).length, 2);
  });

  it("06: the coverage table is generated from the results JSON it writes, with every block of seeds 002 and 003", () => {
    const doc = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as ResultsDoc;
    rmSync(RESULTS_FILE, { force: true });
    const shown = markdown(nb("06-coverage"), "coverage");
    assert.equal(shown[1], coverageTable(doc));
    assert.match(shown[0], new RegExp(`^${doc.coverage.length} rows: \\d+ reproduced, \\d+ differ, \\d+ not run; ${doc.configurations.length} configurations`));
    const ids = new Set(doc.coverage.map((r) => r.block.id));
    assert.deepEqual(TDT4265_A2_BLOCKS.filter((b) => !ids.has(b.id)).map((b) => b.id), []);
    for (const c of doc.configurations) {
      assert.equal(c.runs.length, SEEDS, c.id);
      for (const r of c.runs.filter((x) => x.test)) assert.ok(r.train && r.validation && Number.isFinite(r.test!.accuracy), c.id);
    }
    assert.ok(doc.configurations.some((c) => c.id === "003-mean/N@2") && doc.configurations.some((c) => c.id === "002/topology/hidden128"));
  });
});
