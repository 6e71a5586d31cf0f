import { strict as assert } from "assert";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateConfig } from "../../../src/experiments/validate-config";
import { type ResultsDoc, writeResultsJson } from "../../../src/report/results-json";
import { coverageCounts, coverageTable } from "../../../src/report/coverage";
import type { SeedGroup } from "../../../src/experiments/aggregate";
import type { RunResult } from "../../../src/experiments/result";
import { groupBySeed } from "../../../src/experiments/aggregate";
import {
  DD2424_A3_REPORT_BLOCKS,
  canonicalConfig,
  dd2424A3Results,
  dd2424CoverageInput,
  reportRuns,
  trainingCount,
  type BlockGradientCheck,
} from "../../../src/courses/dd2424-a3";
import { ROOT } from "../../notebook/helpers";
import { strayNumbers } from "./coverage-numbers";

const plan = reportRuns();
const allRuns = dd2424CoverageInput(plan).runs;

/** A finished run of `config` with accuracy `a` on every split, a training loss falling to 0.01 at epoch 40. */
function fakeResult(config: RunResult["config"], a: number): RunResult {
  const m = { cost: 1, loss: 1, accuracy: a };
  const history = [10, 40].map((epoch) => ({ step: epoch, epoch, split: "train" as const, eta: 0.01, cost: 1, loss: epoch === 40 ? 0.01 : 1, accuracy: a }));
  return {
    config,
    status: "completed",
    steps: 10,
    epochs: 1,
    history,
    final: { train: m, validation: m, test: m },
    timing: { totalMs: 0, trainMs: 0, evalMs: 0, msPerStep: 0 },
    data: { fingerprint: "f", provenance: "p" },
    codeVersion: "v",
  } as RunResult;
}

/** Results for every run: 3 seeds (10 for the many-seed runs) near 0.5. */
function fakeResults(): Map<string, SeedGroup> {
  return new Map(
    allRuns.map((r) => {
      const n = r.id.endsWith("#ours-many-seeds") ? 10 : 3;
      const results = Array.from({ length: n }, (_, k) => fakeResult({ ...canonicalConfig(r.config), seed: k + 1 }, 0.5 + 0.003 * k));
      return [r.id, groupBySeed(results)[0]];
    }),
  );
}

const checks: BlockGradientCheck[] = DD2424_A3_REPORT_BLOCKS.filter((b) => b.kind === "gradientCheck").map((b) => ({
  blockId: b.id,
  hidden: [50],
  batchNorm: false,
  inputSize: 10,
  samples: 10,
  rows: [{ layer: 0, param: "W", shape: [50, 10], maxRelativeError: 2e-9, maxAbsoluteError: 3e-11, kinkCrossings: 0, pass: true } as never],
}));

describe(`courses/dd2424-a3/report: seeds 000 and 001 — ${allRuns.length} configurations, ${trainingCount(Object.values(plan.bySection).flat(), 3)} trainings over 3 seeds`, () => {
  it("every run is a valid config; ids are unique; our controls are marked as ours", () => {
    for (const r of allRuns) validateConfig(r.config, r.id);
    assert.equal(new Set(allRuns.map((r) => r.id)).size, allRuns.length);
    for (const r of allRuns) assert.equal(r.ours, /#(control-|ours-)/.test(r.id), r.id);
  });

  it("the seeds' configurations the issue names are run as the seeds print them", () => {
    const c = (id: string) => allRuns.find((r) => r.id === id)!.config;
    assert.equal(c("000/optimize/12-hidden").hidden.length, 12);
    assert.deepEqual(c("000/optimize/dropout-no-bn").hidden, [60, 50, 40]);
    assert.deepEqual([c("000/optimize/salt-pepper-noise#sp-0.01").hidden, c("000/optimize/salt-pepper-noise#sp-0.01").batchNorm], [[50], "off"]);
    assert.equal((c("000/optimize/salt-pepper-noise#sp-0.01").schedule as { cycles: number }).cycles, 3);
    assert.deepEqual([c("000/final").lambda, (c("000/final").schedule as { cycles: number }).cycles], [0.005623, 2]);
    assert.deepEqual(
      allRuns.filter((r) => r.id.startsWith("000/search/fine-grid@")).map((r) => r.config.lambda),
      [0.01, 0.005623, 0.003162, 0.001778, 0.001],
    );
    assert.equal(allRuns.filter((r) => r.id.startsWith("001/search/coarse-grid@")).length, 8);
    assert.equal(allRuns.filter((r) => r.id.startsWith("001/search/fine-grid@")).length, 8);
    assert.deepEqual([c("001/bn/9-layer-lambda-0.0041").lambda, (c("001/bn/9-layer-lambda-0.0041").schedule as { cycles: number }).cycles], [0.0041, 3]);
    assert.deepEqual([c("001/a2-replication").hidden, c("001/a2-replication").lambda, c("001/a2-replication").data.options], [[50], 0.01, { split: "small" }]);
    assert.equal(c("001/overfit").data.options!.trainSize, 100);
    assert.deepEqual(c("000/train/9-layer#control-fanIn").init, { kind: "fanIn" });
    assert.ok(allRuns.some((r) => r.id === "000/train/9-layer#ours-shuffled") && allRuns.some((r) => r.id === "000/train/3-layer#ours-shuffled"));
  });

  it("with every run finished, every block of seeds 000 and 001 has a row and none says 'not run'; the JSON accounts for every number", () => {
    const doc = dd2424A3Results(plan, fakeResults(), checks);
    const covered = new Set(doc.coverage.map((r) => r.block.id));
    for (const b of DD2424_A3_REPORT_BLOCKS) assert.ok(covered.has(b.id), `${b.id}: no row`);
    assert.equal(
      coverageCounts(doc.coverage)["not run"],
      0,
      doc.coverage
        .filter((r) => r.status.startsWith("not run"))
        .map((r) => r.block.id)
        .join(", "),
    );
    assert.match(doc.coverage.find((r) => r.block.id === "001/overfit")!.status, /^reproduced: every seed's training loss falls below 0\.05/);
    assert.match(doc.coverage.find((r) => r.block.id === "001/gradients/bn-3-layer")!.status, /^differs: ours pass .*0\.978/);
    const status = (id: string) => doc.coverage.find((r) => r.block.id === id)!.status;
    assert.equal(status("000/init/sigma-0.001-no-bn"), "differs: none of our 10 seeds stay at chance, as the published run does");
    assert.equal(status("001/init/sigma-1e-3-no-bn"), "reproduced: 10 of 10 of our seeds escape chance too (bimodal; section 5 per seed)");
    const dir = mkdtempSync(join(tmpdir(), "dd2424-results-"));
    try {
      const file = join(dir, "dd2424-a3.results.json");
      writeResultsJson(file, doc);
      const text = readFileSync(file, "utf8");
      const back = JSON.parse(text) as ResultsDoc;
      const table = coverageTable(back);
      assert.equal(table.split("\n").length, back.coverage.length + 2);
      assert.deepEqual(strayNumbers(back, text, table), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the committed report's coverage table is the one its results JSON generates (skipped when the report or its JSON is missing)", function () {
    const md = join(ROOT, "reports", "dd2424-a3.md");
    const json = join(ROOT, "reports", "dd2424-a3.results.json");
    if (!existsSync(json) || !existsSync(md)) this.skip();
    const text = readFileSync(json, "utf8");
    const doc = JSON.parse(text) as ResultsDoc;
    const table = coverageTable(doc);
    assert.ok(readFileSync(md, "utf8").includes(table), "reports/dd2424-a3.md does not contain coverageTable(reports/dd2424-a3.results.json)");
    assert.deepEqual(strayNumbers(doc, text, table), []);
  });
});
