import { strict as assert } from "assert";
import type { ExperimentConfig } from "../../../src/experiments/config";
import { validateConfig } from "../../../src/experiments/validate-config";
import { GRID_BASES, gridPresets, gridValues } from "../../../src/courses/dd2424-a3/grid-presets";
import { seedPreset } from "../../../src/courses/dd2424-a3/presets";
import { DD2424_A3_BLOCKS } from "../../../src/courses/dd2424-a3/seeds";

const grid = (id: string, opts = {}): ExperimentConfig[] => gridPresets(DD2424_A3_BLOCKS, id, opts);
/** Top-level keys in which `b` differs from `a`. */
const changed = (a: ExperimentConfig, b: ExperimentConfig): string[] =>
  Object.keys({ ...a, ...b })
    .filter((k) => JSON.stringify((a as never)[k]) !== JSON.stringify((b as never)[k]))
    .sort();

describe("courses/dd2424-a3/grid-presets: the seeds' searches as config lists", () => {
  it("every search-grid block has a base run, and each base run is the same search", () => {
    const grids = DD2424_A3_BLOCKS.filter((b) => b.kind === "searchGrid").map((b) => b.id);
    assert.deepEqual(Object.keys(GRID_BASES).sort(), [...grids].sort());
    for (const id of grids) assert.equal(GRID_BASES[id].split("/").slice(0, 2).join("/"), id.split("/").slice(0, 2).join("/"), id);
  });

  it("seed 000: 5 + 5 λ values on the 1-cycle BN (50, 50) run, equal to the tables' rows", () => {
    assert.deepEqual(
      grid("000/search/coarse-grid").map((c) => c.lambda),
      [0.1, 0.01, 0.001, 0.0001, 0.00001],
    );
    const fine = grid("000/search/fine-grid");
    assert.deepEqual(
      fine.map((c) => c.lambda),
      [0.01, 0.005623, 0.003162, 0.001778, 0.001],
    );
    for (const c of fine) assert.deepEqual(changed(seedPreset(DD2424_A3_BLOCKS, "000/search/fine/0.01"), c), c.lambda === 0.01 ? [] : ["lambda"]);
  });

  it("seed 001: two 8-point linear grids of 2 cycles; the fine grid's 2nd point prints as the published 0.0041", () => {
    const coarse = grid("001/search/coarse-grid");
    assert.equal(coarse.length, 8);
    assert.deepEqual([coarse[0].lambda, coarse[7].lambda], [1e-5, 0.1]);
    const fine = grid("001/search/fine-grid").map((c) => c.lambda);
    assert.equal(fine.length, 8);
    assert.equal(Number(fine[1].toPrecision(2)), 0.0041);
    assert.ok(Math.abs(fine[7] - 0.02857) < 1e-15);
    for (const c of [...coarse, ...grid("001/search/fine-grid")]) {
      assert.deepEqual([c.batchNorm, c.schedule.kind === "cyclical" && c.schedule.cycles], ["before", 2]);
      validateConfig(c);
    }
  });

  it("seed 004: 11 × 4 three-layer nets, the third-layer searches, and random (η, λ) draws only with a draw count", () => {
    const three = grid("004/architecture/3-layer-grid");
    assert.equal(three.length, 44);
    assert.deepEqual(
      [three[0].hidden, three[43].hidden],
      [
        [50, 35],
        [100, 50],
      ],
    );
    assert.deepEqual(
      grid("004/architecture/4-layer/85-35-x").map((c) => c.hidden),
      [
        [85, 35, 20],
        [85, 35, 25],
        [85, 35, 30],
      ],
    );
    assert.equal(grid("004/architecture/4-layer/95-45-x").length, 5);
    assert.equal(grid("004/architecture/4-layer-grid").length, 11 * 14 * 15);
    assert.throws(() => grid("004/search/range-1"), /does not state how many draws/);
    const draws = grid("004/search/range-7", { draws: 20 });
    assert.equal(draws.length, 20);
    for (const c of draws) {
      assert.ok(c.schedule.kind === "constant" && c.schedule.eta >= 0.02 && c.schedule.eta <= 0.04, "η in [0.02, 0.04]");
      assert.ok(c.lambda >= 1e-4 && c.lambda <= 1e-2, "λ in [1e-4, 1e-2]");
    }
    assert.deepEqual(grid("004/search/range-7", { draws: 20 }), draws, "same draws for the same seed");
  });

  it("gridValues: list, linspace, step, log; a range without count or step is an error", () => {
    assert.deepEqual(gridValues([3, 1]), [3, 1]);
    assert.deepEqual(gridValues({ from: 0, to: 1, count: 3, spacing: "linear" }), [0, 0.5, 1]);
    assert.deepEqual(gridValues({ from: 20, to: 35, step: 5, spacing: "linear" }), [20, 25, 30, 35]);
    assert.deepEqual(
      gridValues({ from: 1e-2, to: 1, count: 3, spacing: "log" }).map((v) => Number(v.toPrecision(12))),
      [0.01, 0.1, 1],
    );
    assert.throws(() => gridValues({ from: 1e-6, to: 1e-5, spacing: "log" }), /neither a count nor a step/);
    assert.throws(() => gridPresets(DD2424_A3_BLOCKS, "000/final"), /not a search block/);
  });
});
