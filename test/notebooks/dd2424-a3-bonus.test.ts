import { strict as assert } from "assert";
import { join } from "path";
import * as mime from "../../src/nbformat/mime";
import { Notebook } from "../../src/nbformat/notebook";
import { writeCifarDir } from "../data/fixtures";
import { ROOT } from "../notebook/helpers";
import { displaysOf, executeInSuite } from "./harness";

/** The DD2424 A3 bonus notebooks, executed top to bottom on the real tslab kernel with tiny CIFAR-10 files. */
const PER_BATCH = 60;
const COMMON = { validationSize: 50, nS: 4, cycles: 1, evalTimes: 2, seeds: [1, 2, 3], workers: 0 };
const NOTEBOOKS: Record<string, Record<string, unknown>> = {
  "01-bn-after-activation": COMMON,
  "02-random-search": { ...COMMON, drawsPerRange: 3, finalValidationSize: 20, finalCycles: 1, searchTrainSubset: 100 },
  "03-architectures": { ...COMMON, firstWidths: [50, 55, 5], secondWidths: [35, 40, 5], fourLayer: [[20, 15, 10]], confirmTop: 2 },
  "04-activations": COMMON,
};

function outputs(nb: Notebook, id: string, type: string): unknown[] {
  return displaysOf(nb, id).flatMap((o) => (o.data[type] !== undefined ? [o.data[type]] : []));
}

/** The first column of a Markdown table's body rows. */
function firstColumn(table: unknown): string[] {
  return String(table).split("\n").slice(2).map((line) => line.slice(2).split(" | ")[0]);
}

describe("notebooks/dd2424-a3-bonus: every notebook on the real tslab kernel with tiny CIFAR-10 files", function () {
  this.timeout(300_000);
  const suite = executeInSuite("bonus", Object.fromEntries(Object.entries(NOTEBOOKS).map(([name, parameters]) =>
    [name, { path: join(ROOT, "notebooks", "dd2424-a3-bonus", `${name}.ipynb`), parameters }])), (dir) => {
    writeCifarDir(join(dir, "cifar"), PER_BATCH);
    return { CIFAR10_DIR: join(dir, "cifar") };
  }, 4);
  const nb = (name: string): Notebook => suite.result(name).notebook;

  it("runs every cell of every notebook without a failure, all parameters known", () => {
    for (const name of Object.keys(NOTEBOOKS)) {
      const r = suite.result(name);
      assert.deepEqual(r.failures, [], `${name}: ${r.failures.map((f) => f.errorText).join("\n")}`);
      assert.deepEqual(r.unknownParameters, [], name);
    }
  });

  it("01: BN before and after for both networks, a chart, one sentence per network, three published numbers", () => {
    const n = nb("01-bn-after-activation");
    assert.deepEqual(firstColumn(outputs(n, "run", mime.MARKDOWN_MIME)[0]), [
      "3-layer (50, 50), BN before the activation", "3-layer (50, 50), BN after the activation",
      "9-layer (50, 30, 20, 20, 10, 10, 10, 10), BN before the activation", "9-layer (50, 30, 20, 20, 10, 10, 10, 10), BN after the activation",
    ]);
    assert.equal(outputs(n, "curves", mime.VEGA_LITE_MIME).length, 1);
    assert.equal(String(outputs(n, "observations", mime.MARKDOWN_MIME)[0]).split("\n").length, 2);
    assert.match(String(outputs(n, "reproduction", mime.MARKDOWN_MIME)[0]), /43\.34[^]*39\.23[^]*43\.83/);
  });

  it("02: 2 × drawsPerRange search runs, the three best retrained with every seed", () => {
    const n = nb("02-random-search");
    const top = firstColumn(outputs(n, "search", mime.MARKDOWN_MIME)[0]);
    assert.equal(top.length, 6);
    const final = String(outputs(n, "final", mime.MARKDOWN_MIME)[0]);
    assert.deepEqual(firstColumn(final), top.slice(0, 3), "the retrained settings are the three best of the search");
    assert.match(final, /\| 3 of 3 \|/);
    assert.equal(outputs(n, "search-chart", mime.VEGA_LITE_MIME).length, 1);
  });

  it("03: the grid (2 × 2 + one 4-layer) and the confirmed networks including the published ones", () => {
    const n = nb("03-architectures");
    const [chart] = outputs(n, "grid", mime.VEGA_LITE_MIME) as { data: { values: unknown[] } }[];
    assert.equal(chart.data.values.length, 2 * 2 + 1);
    const confirmed = firstColumn(outputs(n, "confirm", mime.MARKDOWN_MIME)[0]);
    assert.equal(confirmed.length, 2 + 2);
    assert.deepEqual(confirmed.slice(2), ["3-layer (85, 35)", "4-layer (95, 90, 75)"]);
    assert.deepEqual(firstColumn(outputs(n, "reproduction", mime.MARKDOWN_MIME)[0]), ["3-layer (85, 35)", "4-layer (95, 90, 75)"]);
  });

  it("04: ReLU, leaky ReLU and ELU with a = 0.01, compared with the published numbers", () => {
    const n = nb("04-activations");
    assert.deepEqual(firstColumn(outputs(n, "run", mime.MARKDOWN_MIME)[0]), ["ReLU", "leaky ReLU (a = 0.01)", "ELU (a = 0.01)"]);
    assert.match(String(outputs(n, "reproduction", mime.MARKDOWN_MIME)[0]), /48\.33[^]*48\.39/);
  });
});
