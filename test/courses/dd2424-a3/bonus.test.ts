import { strict as assert } from "assert";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  BONUS_SEARCH_DEFAULTS,
  SEED_004_BLOCKS,
  bonusCoverageRows,
  bonusStageOne,
  countRuns,
  retrainPlan,
  runBonus,
  sampleFourLayerGrid,
} from "../../../src/courses/dd2424-a3";
import { gaussianBlobs } from "../../../src/experiments/synthetic-data";
import type { ExperimentConfig } from "../../../src/experiments/config";
import type { BonusConfiguration } from "../../../src/courses/dd2424-a3";
import { dd2424Config } from "../../../src/courses/dd2424-a3";
import { coverageCounts, coverageTable, oursText } from "../../../src/report/coverage";
import { type ConfigurationResults, type ResultsDoc, writeResultsJson } from "../../../src/report/results-json";
import { ROOT } from "../../notebook/helpers";
import { strayNumbers } from "./coverage-numbers";

/** A document with every configuration of `plan`; accuracies from `level(id)` + 0.002·seed. */
function fakeDoc(plan: readonly BonusConfiguration[], level: (id: string) => number): ResultsDoc {
  const configurations: ConfigurationResults[] = plan.map((c) => ({
    id: c.id,
    label: c.label,
    section: c.section,
    config: c.config,
    runs: (c.runs === "seeds" ? [1, 2, 3] : [1]).map((seed) => {
      const a = level(c.id) + 0.002 * seed;
      const m = { cost: 2 - a, loss: 2 - a, accuracy: a };
      return { seed, status: "completed", steps: 4500, train: m, validation: m, test: m };
    }),
  }));
  const base = { report: "dd2424-a3-bonus", configurations, coverage: [] };
  return { ...base, coverage: bonusCoverageRows(base) };
}

describe("courses/dd2424-a3/bonus: the seed-004 plan, its runs and its coverage", () => {
  const plan = bonusStageOne();
  const byId = (id: string) => plan.find((c) => c.id === id)!;

  it("every run block of seed 004 runs with its own (η, λ) for 10 epochs, under each chosen reading, every seed", () => {
    for (const b of SEED_004_BLOCKS.filter((x) => x.kind === "run" && x.id !== "004/search/third-best")) {
      const c = byId(`${b.id}@seed`);
      assert.ok(c, b.id);
      assert.equal(c.runs, "seeds", b.id);
      assert.equal(c.config.lambda, b.setup!.lambda, b.id);
      assert.deepEqual(c.config.schedule, { kind: "constant", eta: (b.setup!.eta as { eta: number }).eta }, b.id);
      assert.equal(c.config.epochs, 10, b.id);
    }
    const third = byId("004/search/third-best@search-data");
    assert.deepEqual(third.config.data.options, { split: "small" });
    assert.deepEqual(byId("004/noise/setting-1@noise-0.01").config.noise, { kind: "gaussian", sigma: 0.01, relative: true });
    assert.equal(byId("004/bn-after/setting-2@cyclical").config.schedule.kind, "cyclical");
  });

  it("the searches: 44 three-layer candidates, 3 + 5 + 4 third-layer ones, a 30-point 4-layer sample, 7 × 10 draws — one run each", () => {
    const once = (prefix: string) => plan.filter((c) => c.id.startsWith(prefix) && c.runs === "once").length;
    assert.equal(once("004/architecture/3-layer-grid/"), 44);
    assert.deepEqual(
      ["85-35-x", "95-45-x", "80-40-x"].map((t) => once(`004/architecture/4-layer/${t}/`)),
      [3, 5, 4],
    );
    assert.equal(once("004/architecture/4-layer-grid/"), 30);
    assert.equal(once("004/search/range-"), 70);
    const sample = sampleFourLayerGrid(30);
    assert.deepEqual(sampleFourLayerGrid(30), sample, "the same sample every time");
    for (const [a, b, c] of sample) assert.ok(a >= 50 && a <= 100 && b >= 30 && b <= 95 && c >= 20 && c <= 90 && a % 5 === 0 && c % 5 === 0);
    const draws = plan.filter((c) => c.id.startsWith("004/search/range-7/"));
    for (const d of draws) {
      const eta = d.config.schedule.kind === "constant" ? d.config.schedule.eta : NaN;
      assert.ok(eta >= 0.02 && eta <= 0.04 && d.config.lambda >= 1e-4 && d.config.lambda <= 1e-2, d.id);
    }
  });

  it("our runs are marked: ids 'ours/…', labels 'ours: …', no seed block; the extras are the main report's BN configs", () => {
    for (const c of plan.filter((x) => x.id.startsWith("ours/"))) {
      assert.equal(c.blockId, undefined, c.id);
      assert.match(c.label, /^ours: /, c.id);
    }
    const sched = { nS: 2250, cycles: 2, evalTimes: 10, validationSize: 5000 };
    assert.deepEqual(
      byId("ours/main-schedule/bn-after/9-layer").config,
      dd2424Config(sched, { hidden: [50, 30, 20, 20, 10, 10, 10, 10], batchNorm: "after", shuffle: true }),
    );
    assert.deepEqual(byId("ours/main-schedule/elu").config.activation, { name: "elu", alpha: 0.01 });
  });

  it("a reading no block has is refused, naming it", () => {
    assert.throws(
      () => bonusStageOne({ ...BONUS_SEARCH_DEFAULTS, readings: ["cyclcal"] }),
      /settings\.readings: no seed-004 block has a reading "cyclcal" \(known: seed, cyclical/,
    );
  });

  it("ids are unique; equal configs are run once (a listed net is also a grid candidate)", () => {
    assert.equal(new Set(plan.map((c) => c.id)).size, plan.length);
    const listed = byId("004/architecture/3-layer/85-35@seed");
    assert.deepEqual(byId("004/architecture/3-layer-grid/85-35").config, listed.config);
    assert.ok(countRuns(plan, [1, 2, 3]) < plan.filter((c) => c.runs === "seeds").length * 3 + plan.filter((c) => c.runs === "once").length);
  });

  it("stage 2 retrains the searches' winners by validation accuracy with every seed, the (η, λ) winners on the whole data", () => {
    const scores = new Map(plan.filter((c) => c.runs === "once").map((c) => [c.id, c.id.endsWith("/90-40") || c.id.endsWith("draw-4") ? 0.6 : 0.5]));
    const second = retrainPlan(plan, scores);
    const grid = second.find((c) => c.id === "ours/best/3-layer-grid")!;
    assert.deepEqual(grid.config.hidden, [90, 40]);
    const top = second.filter((c) => c.id.startsWith("ours/search/top-"));
    assert.equal(top.length, 3);
    for (const c of [...second]) assert.equal(c.runs, "seeds", c.id);
    for (const c of top) assert.deepEqual(c.config.data.options, { split: "standard", validationSize: 5000 }, c.id);
  });

  it("coverage: one row per block and reading run, every number from the document, statuses with reasons", () => {
    const all = [...plan, ...retrainPlan(plan, new Map(plan.filter((c) => c.runs === "once").map((c, k) => [c.id, k / 1000])), BONUS_SEARCH_DEFAULTS)];
    const doc = fakeDoc(all, (id) => (id.startsWith("ours/5-layer/") ? 0.49 : 0.5));
    for (const b of SEED_004_BLOCKS)
      assert.ok(
        doc.coverage.some((r) => r.block.id === b.id),
        b.id,
      );
    for (const r of doc.coverage) assert.match(r.status, /^(reproduced|differs: .+|not run: .+)/, r.block.id);
    assert.equal(coverageCounts(doc.coverage)["not run"], 0);
    const rows = (id: string) => doc.coverage.filter((r) => r.block.id === id);
    assert.equal(rows("004/bn-after/setting-1").length, 2, "seed and cyclical readings");
    assert.equal(rows("004/noise/setting-1").length, 3, "and 1 % noise");
    assert.match(rows("004/architecture/5-layer")[0].status, /^reproduced: our 5-layer nets .* in 3 of 3 pairs \(Welch p/);
    assert.match(rows("004/architecture/4-layer-grid")[0].status, /^differs: a seeded sample of 30 of the 11 × 14 × 15/);
    const third = rows("004/search/third-best")[0];
    assert.deepEqual(third.ours, { configuration: "004/search/third-best@search-data", split: "validation", metric: "accuracy", scale: 100 });
    const r = rows("004/bn-after/setting-1")[0];
    assert.equal(oursText(r, doc), "50.40 ± 0.20 (n = 3)");
    assert.equal(coverageTable(doc).split("\n").length, doc.coverage.length + 2);
  });

  it("every number of the coverage table comes from the results JSON (written and read back)", () => {
    const all = [...plan, ...retrainPlan(plan, new Map(plan.filter((c) => c.runs === "once").map((c, k) => [c.id, k / 1000])))];
    const doc = fakeDoc(all, (id) => 0.45 + (id.length % 7) / 100);
    const dir = mkdtempSync(join(tmpdir(), "bonus-results-"));
    try {
      const file = join(dir, "dd2424-a3-bonus.results.json");
      writeResultsJson(file, doc);
      const text = readFileSync(file, "utf8");
      const back = JSON.parse(text) as ResultsDoc;
      assert.deepEqual(strayNumbers(back, text, coverageTable(back)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the committed report's coverage table is the one its results JSON generates (skipped when the report or its JSON is missing)", function () {
    const md = join(ROOT, "reports", "dd2424-a3-bonus.md");
    const json = join(ROOT, "reports", "dd2424-a3-bonus.results.json");
    if (!existsSync(json) || !existsSync(md)) this.skip();
    const text = readFileSync(json, "utf8");
    const doc = JSON.parse(text) as ResultsDoc;
    const table = coverageTable(doc);
    assert.ok(readFileSync(md, "utf8").includes(table), "reports/dd2424-a3-bonus.md does not contain coverageTable(its results JSON)");
    assert.deepEqual(strayNumbers(doc, text, table), []);
  });

  it("runBonus: every seed for a run, the first seed for a candidate; a candidate equal to a run shares its first-seed run", async () => {
    const data = gaussianBlobs({ dims: 6, classes: 3, train: 40, validation: 20, test: 20, seed: 4 });
    const config = (hidden: number[]): ExperimentConfig => ({
      hidden,
      activation: { name: "relu" },
      batchNorm: "off",
      init: { kind: "he" },
      lambda: 0,
      batchSize: 10,
      schedule: { kind: "constant", eta: 0.05 },
      epochs: 2,
      evaluation: { per: "epoch", times: 1 },
      data: { name: "blobs" },
      seed: 1,
    });
    const plan: BonusConfiguration[] = [
      { id: "run", label: "run", section: "architectures", config: config([4]), runs: "seeds" },
      { id: "same", label: "same", section: "architectures", config: config([4]), runs: "once", blockId: "004/x", reading: "seed" },
      { id: "other", label: "other", section: "architectures", config: config([5]), runs: "once", blockId: "004/x", reading: "seed" },
    ];
    assert.equal(countRuns(plan, [1, 2, 3]), 3 + 1);
    const out = await runBonus(plan, [1, 2, 3], async () => data, { workers: 0, cache: false });
    assert.deepEqual(
      out.map((o) => o.results.runs.map((r) => r.seed)),
      [[1, 2, 3], [1], [1]],
    );
    assert.deepEqual(out[1].results.runs[0], out[0].results.runs[0], "the candidate's run is the listed run's first seed");
    assert.equal(out[2].results.section, "3. Architecture search");
    await assert.rejects(
      runBonus([plan[0], plan[0]], [1], async () => data),
      /configuration id "run" appears twice/,
    );
  });
});
