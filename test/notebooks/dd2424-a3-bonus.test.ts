import { strict as assert } from "assert";
import { readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SEED_004_BLOCKS } from "../../src/courses/dd2424-a3";
import { coverageTable } from "../../src/report/coverage";
import type { ResultsDoc } from "../../src/report/results-json";
import * as mime from "../../src/nbformat/mime";
import { Notebook } from "../../src/nbformat/notebook";
import { writeCifarDir } from "../data/fixtures";
import { ROOT } from "../notebook/helpers";
import { displaysOf, executeInSuite } from "./harness";

/**
 * The DD2424 A3 bonus notebooks (seed 004), executed top to bottom on the real tslab kernel with
 * tiny CIFAR-10 files: 120 images per batch (one step of 100 on data_batch_1), 1 epoch, reading
 * "seed" only (plus 02's noise-0.01), 3 seeds, small searches.
 */
const PER_BATCH = 120;
const SEEDS = 3;
const COMMON = { epochs: 1, readings: ["seed"], evalTimes: 1, trainSubset: 50, validationSize: 100, seeds: SEEDS, workers: 0 };
const SEARCH = { fourLayerSample: 2, fifthWidth: 10 };
/** OUR extras on the compulsory part's schedule, shortened */
const MAIN = { mainNS: 2, mainCycles: 1 };
const RESULTS_FILE = join(tmpdir(), `nnbook-bonus-results-${process.pid}.json`);
const NOTEBOOKS: Record<string, Record<string, unknown>> = {
  "01-bn-after-activation": { ...COMMON, ...MAIN },
  "02-noise": COMMON,
  "03-architectures": { ...COMMON, ...SEARCH },
  "04-random-search": { ...COMMON, draws: 2 },
  "05-activations": { ...COMMON, ...MAIN },
  "06-coverage": { ...COMMON, ...SEARCH, ...MAIN, draws: 2, resultsFile: RESULTS_FILE },
};

function markdown(nb: Notebook, id: string): string[] {
  return displaysOf(nb, id).flatMap((o) => (o.data[mime.MARKDOWN_MIME] === undefined ? [] : [String(o.data[mime.MARKDOWN_MIME])]));
}

/** The first column of a Markdown table's body rows. */
function firstColumn(table: string): string[] {
  return table.split("\n").slice(2).map((line) => line.slice(2).split(" | ")[0]);
}

const rows = (nb: Notebook, id: string, k = 0): string[] => firstColumn(markdown(nb, id)[k]);
const charts = (nb: Notebook, id: string) => displaysOf(nb, id).filter((o) => o.data[mime.VEGA_LITE_MIME] !== undefined);

describe("notebooks/dd2424-a3-bonus: seed 004's sections on the real tslab kernel with tiny CIFAR-10 files", function () {
  this.timeout(900_000);
  const suite = executeInSuite("bonus", Object.fromEntries(Object.entries(NOTEBOOKS).map(([name, parameters]) =>
    [name, { path: join(ROOT, "notebooks", "dd2424-a3-bonus", `${name}.ipynb`), parameters }])), (dir) => {
    writeCifarDir(join(dir, "cifar"), PER_BATCH);
    return { CIFAR10_DIR: join(dir, "cifar") };
  }, 2);
  const nb = (name: string): Notebook => suite.result(name).notebook;

  it("runs every cell of every notebook without a failure, all parameters known, and prints its run count", () => {
    for (const name of Object.keys(NOTEBOOKS)) {
      const r = suite.result(name);
      assert.deepEqual(r.failures, [], `${name}: ${r.failures.map((f) => f.errorText).join("\n")}`);
      assert.deepEqual(r.unknownParameters, [], name);
      assert.match(markdown(nb(name), "plan")[0], /\*\*\d+ training runs\*\*/, name);
    }
  });

  it("01 and 02: the seed's three settings beside 43.34 / 39.23 / 43.83 and 49.67 / 51.25 / 44.31, Welch against our control", () => {
    const one = nb("01-bn-after-activation");
    assert.deepEqual(rows(one, "results").map((l) => l.slice(-8)), ["1 [seed]", "2 [seed]", "3 [seed]"]);
    assert.match(markdown(one, "results")[0], /43\.34%[^]*39\.23%[^]*43\.83%/);
    assert.match(markdown(one, "versus")[0], /Welch p/);
    assert.equal(charts(one, "curves").length, 1);
    assert.equal(rows(one, "extra").length, 4, "ours: 3- and 9-layer, BN before and after");
    assert.match(rows(one, "extra")[0], /^ours: /);
    const two = nb("02-noise");
    assert.equal(rows(two, "results").length, 6, "seed and noise-0.01 readings per setting");
    assert.match(markdown(two, "results")[0], /49\.67%[^]*51\.25%[^]*44\.31%/);
    assert.match(markdown(two, "spread")[0], /standard deviation \d\.\d{4}, variance \d\.\d{4}/);
  });

  it("03: 22 listed nets, 12 third-layer candidates, the seed's 4-layer nets, 5 retrained winners, 3 five-layer pairs", () => {
    const n = nb("03-architectures");
    assert.equal(rows(n, "listed").length, 22);
    assert.equal(rows(n, "third").length, 3 + 5 + 4);
    assert.equal(rows(n, "four").length, 3 + 3 + 1, "best x of each search, the named nets, the caption's reading");
    assert.equal(rows(n, "winners").length, 5);
    assert.equal(rows(n, "five").length, 3);
    assert.equal((charts(n, "grid")[0].data[mime.VEGA_LITE_MIME] as { data: { values: unknown[] } }).data.values.length, 44);
  });

  it("04: best draw per range, the seed's third-best and three retrained settings, our three best retrained", () => {
    const n = nb("04-random-search");
    assert.equal((charts(n, "draws")[0].data[mime.VEGA_LITE_MIME] as { data: { values: unknown[] } }).data.values.length, 7);
    assert.equal(rows(n, "third").length, 1);
    assert.match(markdown(n, "retrained")[0], /50\.86%[^]*50\.69%[^]*50\.86%/);
    assert.equal(rows(n, "ours").length, 3);
  });

  it("05: leaky ReLU and ELU at three settings each, against ReLU", () => {
    const n = nb("05-activations");
    assert.equal(rows(n, "results").length, 6);
    assert.equal(rows(n, "versus").length, 6);
    assert.deepEqual(rows(n, "extra", 1).length, 2, "ours: leaky ReLU and ELU against ReLU");
    assert.match(markdown(n, "results")[0], /48\.33%[^]*47\.43%[^]*42\.32%[^]*48\.39%[^]*43\.35%[^]*47\.79%/);
  });

  it("06: the coverage table is generated from the results JSON it writes, with every block of seed 004", () => {
    const doc = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as ResultsDoc;
    rmSync(RESULTS_FILE, { force: true });
    const shown = markdown(nb("06-coverage"), "coverage");
    assert.equal(shown[1], coverageTable(doc));
    const ids = new Set(doc.coverage.map((r) => r.block.id));
    assert.deepEqual(SEED_004_BLOCKS.filter((b) => !ids.has(b.id)).map((b) => b.id), []);
    for (const c of doc.configurations) {
      assert.ok(c.runs.length === SEEDS || c.runs.length === 1, c.id);
      for (const r of c.runs.filter((x) => x.test)) assert.ok(r.train && r.validation && Number.isFinite(r.test!.accuracy), c.id);
    }
  });
});
