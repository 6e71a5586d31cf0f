import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { coverageTable } from "../../src/report/coverage";
import type { ResultsDoc } from "../../src/report/results-json";
import * as mime from "../../src/nbformat/mime";
import { Notebook } from "../../src/nbformat/notebook";
import { writeCifarDir } from "../data/fixtures";
import { ROOT } from "../notebook/helpers";
import { executeInSuite } from "./harness";

const MANIFEST = join(ROOT, "notebooks", "reports.json");

/** The dd2424-a3 notebooks as the report manifest lists them (absolute paths, in order). */
function reportNotebooks(): string[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { reports: { name: string; notebooks: string[] }[] };
  const entry = manifest.reports.find((r) => r.name === "dd2424-a3");
  assert.ok(entry, "notebooks/reports.json has a dd2424-a3 entry");
  return entry.notebooks.map((n) => join(ROOT, "notebooks", n));
}

/** Parameters that shrink every section to seconds on the tiny fixture data (the seeds' networks, n_s = 3, 1 cycle). */
const TINY = { validationSize: 50, nS: 3, cycles: 1, seeds: [1, 2], workers: 0, evalTimes: 2 };
const RESULTS_FILE = join(tmpdir(), `nnbook-dd2424-results-${process.pid}.json`);
const PARAMS: Record<string, Record<string, unknown>> = {
  "01-gradient-check": { validationSize: 50 },
  "02-training-without-bn": { ...TINY, workers: 2 }, // worker threads inside the kernel
  "03-training-with-bn": { ...TINY, epochs: 2 },
  "04-lambda-search": TINY,
  "05-initialization": { ...TINY, manySeeds: 3 },
  "06-optimizing": TINY,
  "07-coverage": { ...TINY, epochs: 2, manySeeds: 3, resultsFile: RESULTS_FILE },
};

/** What each executed section must show: charts (Vega-Lite bundles) and Markdown displays matching each pattern. */
const EXPECT: Record<string, { charts: number; markdown: RegExp[] }> = {
  "01-gradient-check": { charts: 0, markdown: [/\| Layer \| Param \| Shape \| Ours: max rel\. error/, /parameter matrices in 9 networks/] },
  "02-training-without-bn": { charts: 4, markdown: [/\| Run \| Finished \| Ours train % \| Seed train/, /training runs here/, /Depth without BN: .*Welch's t-test, p/] },
  "03-training-with-bn": { charts: 4, markdown: [/\| Run \| Finished/, /Epoch with training loss < 0\.05/, /BN alone, 9-layer/] },
  "04-lambda-search": { charts: 4, markdown: [/our best λ on mean validation accuracy/, /000\/search\/fine-grid, validation accuracy/] },
  "05-initialization": { charts: 2, markdown: [/escape chance/, /\| Seed \| Status \| Test acc\. % \| Escaped chance \|/, /BN at σ = 0\.001/] },
  "06-optimizing": { charts: 3, markdown: [/Dropout readings, no BN/, /12 hidden layers, two readings/, /OUR final model, chosen on mean validation/] },
  "07-coverage": { charts: 0, markdown: [/rows: \d+ reproduced/, /\| Seed block \| Seed section \| Our section \| Ours \| Published \| Test \| Status \|/] },
};

function displays(nb: Notebook): Record<string, unknown>[] {
  return nb.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
    .flatMap((o) => (o.output_type === "display_data" ? [o.data as Record<string, unknown>] : []));
}

describe("notebooks/dd2424-a3: every section on the real tslab kernel, tiny CIFAR-10 fixture", function () {
  this.timeout(1_200_000); // seven sections on a loaded 2-core machine
  const paths = reportNotebooks();
  const suite = executeInSuite("dd2424", Object.fromEntries(paths.map((path) => [basename(path, ".ipynb"), { path, parameters: PARAMS[basename(path, ".ipynb")] }])),
    (dir) => {
      writeCifarDir(join(dir, "cifar"), 100); // 500 training records, 100 test records: one batch of 100 per epoch in the small split
      return { CIFAR10_DIR: join(dir, "cifar") };
    }, 2);

  it("the manifest lists the seven numbered sections, in order", () => {
    assert.deepEqual(paths.map((p) => basename(p, ".ipynb")), Object.keys(EXPECT));
  });

  for (const name of Object.keys(EXPECT)) {
    it(`${name}: every cell runs; the expected tables, blocks and figures appear`, () => {
      const run = suite.result(name);
      assert.deepEqual(run.failures, [], run.failures.map((f) => f.errorText).join("\n"));
      const shown = displays(run.notebook);
      assert.equal(shown.filter((d) => d[mime.VEGA_LITE_MIME] !== undefined && d[mime.PNG_MIME] !== undefined).length, EXPECT[name].charts, "charts");
      const markdown = shown.flatMap((d) => (typeof d[mime.MARKDOWN_MIME] === "string" ? [d[mime.MARKDOWN_MIME] as string] : []));
      for (const pattern of EXPECT[name].markdown) assert.ok(markdown.some((m) => pattern.test(m)), `${name}: no Markdown display matches ${pattern}`);
      const provenance = shown.find((d) => d[mime.PROVENANCE_MIME] !== undefined)?.[mime.PROVENANCE_MIME] as mime.Provenance | undefined;
      const folder = join(basename(suite.dir()), "cifar").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      assert.match(String(provenance?.data?.[0]?.description), new RegExp(`read from \\S*${folder}\\)$`), `provenance names the data folder: ${provenance?.data?.[0]?.description}`);
    });
  }

  it("07-coverage: the table shown is coverageTable(the results JSON written), one row or more per block of seeds 000 and 001", () => {
    const doc = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as ResultsDoc;
    const shown = displays(suite.result("07-coverage").notebook).flatMap((d) => (typeof d[mime.MARKDOWN_MIME] === "string" ? [d[mime.MARKDOWN_MIME] as string] : []));
    assert.ok(shown.includes(coverageTable(doc)), "the shown table is generated from the JSON");
    assert.equal(new Set(doc.coverage.map((r) => r.block.id)).size, 71);
    for (const c of doc.configurations) assert.ok(c.runs.length >= 2, `${c.id}: ${c.runs.length} runs`);
  });
});
