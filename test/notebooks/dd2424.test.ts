import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { basename, join } from "path";
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

/** Parameters that shrink every section to seconds on the tiny fixture data. */
const TINY = { validationSize: 50, nS: 3, seeds: [1, 2], workers: 0, threeLayer: [8, 8] };
const PARAMS: Record<string, Record<string, unknown>> = {
  "01-gradient-check": { validationSize: 50 },
  "02-training-without-bn": { ...TINY, workers: 2, nineLayer: [8, 6, 6, 5, 5, 5, 5, 5] }, // worker threads inside the kernel
  "03-training-with-bn": { ...TINY, nineLayer: [8, 6, 6, 5, 5, 5, 5, 5], shuffleControls: true }, // the report runs without the controls
  "04-lambda-search": { ...TINY, coarseCount: 3, fineCount: 2, searchTrainSubset: 100, finalCycles: 2 },
  "05-initialization": { ...TINY },
  "06-optimizing": { ...TINY, deepNetworks: [[8, 6, 4], [6, 5, 4, 3]], finalCycles: 3 }, // the report default (2) reuses the candidate runs
};

/** What each executed section must show: charts (Vega-Lite bundles) and Markdown displays matching each pattern. */
const EXPECT: Record<string, { charts: number; markdown: RegExp[] }> = {
  "01-gradient-check": { charts: 0, markdown: [/\| Layer # \| Number of nodes \| Relative error W \|.*Relative error γ/, /parameter matrices have a maximum relative error below 1e-6/] },
  "02-training-without-bn": { charts: 2, markdown: [/\| Network \| Runs \| Training acc\./, /^Model parameters:/, /\| Configuration \| Ours \| Published \| Ours − published \| Note \|/, /Going from 3 to 9 layers/] },
  "03-training-with-bn": { charts: 2, markdown: [/no BN, shuffled/, /^Model parameters:/, /Ours − published/, /BN alone \(both shuffled\)/] },
  "04-lambda-search": { charts: 1, markdown: [/\| λ \| Runs .*\| Selected \|/, /◀ best \(validation\)/, /Chosen λ = /, /best λ of the fine search/] },
  "05-initialization": { charts: 2, markdown: [/\| Initialization \| Runs/, /σ = 1e-4, BN:/, /Ours − published/] },
  "06-optimizing": { charts: 2, markdown: [/salt & pepper/, /\*\*Final model:\*\*.*retrained for 3 cycles/, /^Model parameters:/, /final model: /, /Ours − published/] },
};

function displays(nb: Notebook): Record<string, unknown>[] {
  return nb.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
    .flatMap((o) => (o.output_type === "display_data" ? [o.data as Record<string, unknown>] : []));
}

describe("notebooks/dd2424-a3: every section on the real tslab kernel, tiny CIFAR-10 fixture", function () {
  this.timeout(180_000);
  const paths = reportNotebooks();
  const suite = executeInSuite("dd2424", Object.fromEntries(paths.map((path) => [basename(path, ".ipynb"), { path, parameters: PARAMS[basename(path, ".ipynb")] }])),
    (dir) => {
      writeCifarDir(join(dir, "cifar"), 40); // 200 training records, 40 test records, official binary layout
      return { CIFAR10_DIR: join(dir, "cifar") };
    }, 2);

  it("the manifest lists the six numbered sections, in order", () => {
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
});
