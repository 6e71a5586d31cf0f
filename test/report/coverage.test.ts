import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { groupBySeed } from "../../src/experiments/aggregate";
import type { ExperimentConfig } from "../../src/experiments/config";
import type { RunResult } from "../../src/experiments/result";
import { CoverageSpec, coverageCounts, coverageRow, coverageTable, welchBetween } from "../../src/report/coverage";
import { ResultsDoc, configurationResults, quantityValues, seedValues, writeResultsJson } from "../../src/report/results-json";
import { formatPValue, singleRunTest, welchTest } from "../../src/experiments/t-tests";
import { smallConfig } from "../experiments/fixtures";

/** A finished run of `config` with final accuracies (validation, test); the rest is filler. */
function fakeRun(config: ExperimentConfig, seed: number, validation: number, test: number, status = "completed"): RunResult {
  const m = (a: number) => ({ cost: 1.5 - a, loss: 1 - a, accuracy: a });
  return {
    config: { ...config, seed },
    status: status as never,
    steps: 100,
    epochs: 1,
    history: [],
    final: status === "diverged" ? undefined : { train: m(0.99), validation: m(validation), test: m(test) },
    timing: { totalMs: 0, trainMs: 0, evalMs: 0, msPerStep: 0 },
    data: { fingerprint: "f", provenance: "p" },
    codeVersion: "c",
  };
}

function doc(): ResultsDoc {
  const a = smallConfig();
  const b = smallConfig({ hidden: [32] });
  const c = smallConfig({ hidden: [8] });
  const groups = groupBySeed([
    fakeRun(a, 1, 0.9612, 0.9701),
    fakeRun(a, 2, 0.9598, 0.9688),
    fakeRun(a, 3, 0.962, 0.9712),
    fakeRun(b, 1, 0.9401, 0.9433),
    fakeRun(b, 2, 0.9388, 0.9441),
    fakeRun(b, 3, 0.941, 0.9429),
    fakeRun(c, 1, 0.5, 0.5, "diverged"),
  ]);
  const configurations = [
    configurationResults("a", "784-64-10", "03-topologies.ipynb", groups[0]),
    configurationResults("b", "784-32-10", "03-topologies.ipynb", groups[1]),
    configurationResults("c", "784-8-10", "03-topologies.ipynb", groups[2]),
  ];
  const block = (id: string) => ({ id, seed: "002", section: "Task 4", title: `block ${id}` });
  const section = { title: "3. Topologies", href: "#topologies" };
  const pct = (configuration: string) => ({ configuration, split: "test" as const, metric: "accuracy" as const, scale: 100 });
  const specs: CoverageSpec[] = [
    { block: block("near"), ourSection: section, ours: pct("a"), published: { text: "97.0", value: 97.0 } },
    { block: block("far"), ourSection: section, ours: pct("b"), published: { text: "97.50%", value: 97.5 }, why: "fewer units" },
    { block: block("diverged"), ourSection: section, ours: pct("c"), published: { text: "90.0", value: 90 } },
    { block: block("skipped"), notRun: "needs data augmentation" },
    { block: block("setup"), ourSection: section, ours: pct("a"), verdict: "reproduced (setup)" },
    { block: block("count"), ours: { measurement: "params", digits: 0 }, published: { text: "50 386", value: 50386 }, verdict: "differs: arithmetic" },
    { block: block("steps"), ours: { configuration: "b", split: "test", metric: "steps" }, published: { text: "100", value: 100 } },
  ];
  const measurements = [{ id: "params", label: "parameters", section: "03", values: [51300] }];
  const base = { report: "demo", configurations, measurements, coverage: [] };
  return { ...base, coverage: specs.map((s) => coverageRow(s, base)) };
}

describe("report/t-tests: Welch's test and the single-run prediction test", () => {
  it("Welch on Student's sleep data: t = −1.8608, df = 17.776, p = 0.0794 (R's t.test)", () => {
    const x = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const y = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const r = welchTest(x, y)!;
    assert.ok(Math.abs(r.statistic - -1.860813) < 1e-6, String(r.statistic));
    assert.ok(Math.abs(r.df - 17.77647) < 1e-5, String(r.df));
    assert.ok(Math.abs(r.pValue - 0.07939414) < 1e-6, String(r.pValue));
    assert.equal(welchTest([1], y), undefined);
    assert.equal(welchTest([2, 2], [3, 3]), undefined);
  });

  it("single run against n seeds: t = (x − mean)/(s·√(1 + 1/n)), df n − 1; with df 2, p = 1 − t/√(2 + t²)", () => {
    const r = singleRunTest([1, 2, 3], 5)!;
    const t = 3 / Math.sqrt(1 + 1 / 3);
    assert.ok(Math.abs(r.statistic - t) < 1e-12);
    assert.equal(r.df, 2);
    assert.ok(Math.abs(r.pValue - (1 - t / Math.sqrt(2 + t * t))) < 1e-9, String(r.pValue));
    assert.equal(singleRunTest([1, 2, 3], 2)!.pValue, 1);
    assert.equal(singleRunTest([4], 5), undefined);
    assert.equal(formatPValue(r), `p = ${r.pValue.toFixed(3)}`);
    assert.equal(formatPValue(singleRunTest([1, 1.001, 0.999], 5)), "p < 0.001");
  });
});

describe("report/coverage: rows, statuses, the table and the results JSON", () => {
  it("statuses: reproduced (p ≥ 0.05), differs with the reason, not run (diverged, skipped), a setup's verdict", () => {
    const d = doc();
    const status = Object.fromEntries(d.coverage.map((r) => [r.block.id, r.status]));
    assert.deepEqual(status, {
      near: "reproduced",
      far: "differs: fewer units",
      diverged: "differs: all 1 runs diverged",
      skipped: "not run: needs data augmentation",
      setup: "reproduced (setup)",
      count: "differs: arithmetic",
      steps: "differs: no test possible (n = 3, or no spread over the seeds)",
    });
    assert.match(coverageTable(d), /\| 51300 \| 50 386 \| — \| differs: arithmetic \|/);
    assert.match(coverageTable(d), /\| 100\.00 ± 0\.00 \(n = 3\) \| 100 \|/);
    assert.ok(d.coverage[0].test!.pValue >= 0.05 && d.coverage[1].test!.pValue < 0.05);
    assert.deepEqual(coverageCounts(d.coverage), { reproduced: 2, differs: 4, "not run": 1 });
    assert.deepEqual(seedValues(d, "a", "validation", "accuracy"), [0.9612, 0.9598, 0.962]);
    assert.equal(d.configurations[2].runs[0].test, undefined, "a diverged run has no final metrics");
    const w = welchBetween(d, { configuration: "a", split: "test", metric: "accuracy" }, { configuration: "b", split: "test", metric: "accuracy" })!;
    assert.ok(w.pValue < 0.001 && w.method === "Welch");
  });

  it("every number in the generated coverage table comes from the results JSON written to disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "coverage-"));
    try {
      const file = join(dir, "demo.results.json");
      writeResultsJson(file, doc());
      const text = readFileSync(file, "utf8");
      const back = JSON.parse(text) as ResultsDoc;
      const table = coverageTable(back);
      const allowed = new Set(text.match(/\d+(\.\d+)?/g));
      for (const r of back.coverage) {
        if (!r.ours) continue;
        const v = quantityValues(back, r.ours, r.ours.scale ?? 1);
        if (v.length === 0) continue;
        const mean = v.reduce((s, x) => s + x, 0) / v.length;
        const std = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1)) : 0;
        const d = r.ours.digits ?? 2;
        [mean.toFixed(d), std.toFixed(d), String(v.length)].forEach((s) => allowed.add(s));
      }
      for (const r of back.coverage) if (r.test) allowed.add(r.test.pValue.toFixed(3));
      allowed.add("0.001");
      const body = table
        .split("\n")
        .slice(2)
        .join("\n")
        .replace(/\]\([^)]*\)/g, "]");
      const numbers = body.match(/\d+(\.\d+)?/g)!;
      assert.ok(numbers.length >= 10, table);
      assert.deepEqual(
        numbers.filter((n) => !allowed.has(n)),
        [],
        table,
      );
      assert.match(table, /\| 97\.00 ± 0\.12 \(n = 3\) \| 97\.0 \| p = 0\.\d{3} \| reproduced \|/);
      assert.throws(() => writeResultsJson(file, { ...back, configurations: [back.configurations[0], back.configurations[0]] }), /"a" appears twice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a bimodal quantity (chanceAt) shows its two groups, never one mean ± std; one-sided outcomes stay mean ± std", () => {
    const cfg = smallConfig({ hidden: [4] });
    const tests = [0.1, 0.452, 0.1, 0.448, 0.1, 0.45];
    const groups = groupBySeed(tests.map((t, i) => fakeRun(cfg, i + 1, t, t)));
    const configurations = [configurationResults("sigma", "no BN, σ = 1e-3", "05.ipynb", groups[0])];
    const ours = { configuration: "sigma", split: "test" as const, metric: "accuracy" as const, scale: 100, chanceAt: 11 };
    const block = { id: "bimodal", seed: "000", section: "init", title: "σ = 1e-3, no BN" };
    const d: ResultsDoc = {
      report: "demo",
      configurations,
      measurements: [],
      coverage: [coverageRow({ block, ours, verdict: "reproduced: 3 of 6 stay at chance" }, { configurations, measurements: [] })],
    };
    const table = coverageTable(d);
    assert.match(table, /\| 3 of 6 escape chance \(45\.00 ± 0\.20\), 3 stay at chance \(10\.00 ± 0\.00\) \|/);
    assert.doesNotMatch(table, /27\.50/, "no mean over both groups");
    const plain: ResultsDoc = { ...d, coverage: [{ ...d.coverage[0], ours: { ...ours, chanceAt: 5 } }] };
    assert.match(coverageTable(plain), /\| 27\.50 ± 19\.17 \(n = 6\) \|/, "all above the line: one group, mean ± std");
  });
});
