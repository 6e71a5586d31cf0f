import { strict as assert } from "assert";
import type { ConfigurationResults, ResultsDoc } from "../../../src/report/results-json";
import { coverageCounts, coverageTable } from "../../../src/report/coverage";
import { DD2424_A3_BLOCKS, blockCoverageRows, blockRun, gridRuns, headlineValue, type BlockRun } from "../../../src/courses/dd2424-a3";

const SECTION = { title: "S", href: "../notebooks/x.ipynb" };
const blocks = DD2424_A3_BLOCKS.filter((b) =>
  [
    "000/train/3-layer",
    "000/search/fine-grid",
    "000/gradients/4-layer",
    "001/gradients/no-bn-2-layer",
    "000/optimize/salt-pepper-noise",
    "001/overfit",
  ].includes(b.id),
);

/** A document with 3 seeds per run at test accuracy ≈ level(id). */
function docOf(runs: readonly BlockRun[], level: (id: string) => number): Pick<ResultsDoc, "configurations" | "measurements"> {
  const configurations: ConfigurationResults[] = runs.map((r) => ({
    id: r.id,
    label: r.label,
    section: "S",
    config: r.config,
    runs: [1, 2, 3].map((seed) => {
      const a = level(r.id) + 0.002 * seed;
      const m = { cost: 1, loss: 1, accuracy: a };
      return { seed, status: "completed", steps: 10, train: m, validation: m, test: m };
    }),
  }));
  return { configurations, measurements: [{ id: "000/gradients/4-layer", label: "g", section: "S", values: [3e-9, 1e-8] }] };
}

describe("courses/dd2424-a3/coverage: one row per block, like with like", () => {
  const runs = [
    blockRun(blocks, "000/train/3-layer"),
    ...gridRuns(DD2424_A3_BLOCKS, "000/search/fine-grid"),
    blockRun(blocks, "000/optimize/salt-pepper-noise", "sp-0.01"),
    blockRun(blocks, "000/optimize/salt-pepper-noise", "sp-0.05"),
  ];
  const doc = docOf(runs, (id) => (id.endsWith("@0.003162") ? 0.53 : 0.5336));
  const rows = blockCoverageRows(doc, { blocks, runs, sectionOf: () => SECTION, notRun: { "001/overfit": "test" } });

  it("a run block is compared on its headline (test) accuracy with its own run; a block of two readings has two rows", () => {
    const r = rows.find((x) => x.block.id === "000/train/3-layer")!;
    assert.deepEqual(r.ours, { configuration: "000/train/3-layer", split: "test", metric: "accuracy", scale: 100 });
    assert.equal(r.published!.value, 53.36);
    assert.equal(headlineValue(blocks[1])?.split, "test");
    assert.equal(rows.filter((x) => x.block.id === "000/optimize/salt-pepper-noise").length, 2);
  });

  it("grids: ours picked by validation accuracy against the seed's chosen λ; gradient checks: measured errors", () => {
    const g = rows.find((x) => x.block.id === "000/search/fine-grid")!;
    assert.match(g.status, /^reproduced: our best λ \(validation\) is 0\.005623 too$|^differs: our best λ \(validation\) is/);
    assert.match(rows.find((x) => x.block.id === "000/gradients/4-layer")!.status, /^reproduced: max relative error < 1e-6$/);
    assert.match(rows.find((x) => x.block.id === "001/gradients/no-bn-2-layer")!.status, /^not run: no gradient check/);
    assert.equal(rows.find((x) => x.block.id === "001/overfit")!.status, "not run: test");
  });

  it("the table prints one line per row", () => {
    const full: ResultsDoc = { report: "t", ...doc, coverage: rows };
    assert.equal(coverageTable(full).split("\n").length, rows.length + 2);
    assert.equal(coverageCounts(rows)["not run"], 2);
  });
});
