import { strict as assert } from "assert";
import { groupBySeed, SeedGroup } from "../../../src/experiments/aggregate";
import { ExperimentConfig, withDefaults } from "../../../src/experiments/config";
import type { RunResult } from "../../../src/experiments/result";
import { validateConfig } from "../../../src/experiments/validate-config";
import { mlpSpecOf } from "../../../src/experiments/run";
import {
  TDT4265_DEFAULTS,
  UNIFORM_PM1_STD,
  Variant,
  bonusVariants,
  tdt4265Baseline,
  topologyVariants,
  trickVariants,
} from "../../../src/courses/tdt4265-a2/presets";
import { comparisonRows, normalizationRows, reproductionEntries, stepsMeanStd, tdt4265ReproductionRows } from "../../../src/courses/tdt4265-a2/tables";
import { TDT4265_A2_PUBLISHED, publishedFor } from "../../../src/courses/tdt4265-a2/published";
import { countParameters } from "../../../src/model";

const base = tdt4265Baseline();

/** The top-level fields in which `b` differs from `a`. */
function changed(a: ExperimentConfig, b: ExperimentConfig): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => JSON.stringify((a as never)[k]) !== JSON.stringify((b as never)[k])).sort();
}

/** A finished run with the given final accuracies/losses and step count (the rest is filler). */
function fakeRun(config: ExperimentConfig, seed: number, acc: { train: number; validation: number; test: number }, steps: number, early: boolean): RunResult {
  const m = (a: number) => ({ cost: 1 - a, loss: 1 - a, accuracy: a });
  return {
    config: { ...config, seed },
    status: early ? "stoppedEarly" : "completed",
    steps,
    epochs: steps / 100,
    history: [],
    final: { train: m(acc.train), validation: m(acc.validation), test: m(acc.test) },
    parameterCount: 1234,
    timing: { totalMs: 0, trainMs: 0, evalMs: 0, msPerStep: 0 },
    data: { fingerprint: "f", provenance: "p" },
    codeVersion: "c",
  };
}

describe("experiments/presets/tdt4265-a2: the published setups as configs", () => {
  it("the baseline: 784-64-10 sigmoid, batch 32, η = 0.1, early stopping, bias trick → 50,880 parameters", () => {
    assert.deepEqual(validateConfig(base), withDefaults(base));
    assert.equal(base.batchSize, 32);
    assert.deepEqual(base.schedule, { kind: "constant", eta: 0.1 });
    assert.deepEqual(base.init, { kind: "normal", sigma: UNIFORM_PM1_STD });
    assert.ok(Math.abs(UNIFORM_PM1_STD ** 2 - (1 - -1) ** 2 / 12) < 1e-15, "variance of uniform(−1, 1)");
    assert.deepEqual(base.earlyStopping, { patience: TDT4265_DEFAULTS.patience, restoreBest: true });
    assert.equal(countParameters(mlpSpecOf(base, 784, 10)), (784 + 1) * 64 + 64 * 10);
  });

  it("each trick changes only its own fields; all tricks combine them", () => {
    const v = trickVariants(base);
    const by = (id: string) => v.find((x) => x.id === id)!.config;
    assert.deepEqual(changed(base, by("baseline")), []);
    assert.deepEqual(changed(base, by("shuffle")), ["shuffle"]);
    assert.deepEqual(changed(base, by("improvedSigmoid")), ["activation"]);
    assert.deepEqual(changed(base, by("fanIn")), ["init"]);
    assert.deepEqual(changed(base, by("momentum")), ["momentum", "schedule"]);
    assert.deepEqual(by("momentum").schedule, { kind: "constant", eta: 0.02 });
    assert.deepEqual(changed(base, by("allTricks")), ["activation", "init", "momentum", "schedule", "shuffle"]);
    for (const x of [...v, ...topologyVariants(base), ...bonusVariants(base)]) validateConfig(x.config, x.id);
  });

  it("topologies and bonus variants build on all tricks and differ from it in one field", () => {
    const all = trickVariants(base).find((x) => x.id === "allTricks")!.config;
    assert.deepEqual(
      topologyVariants(base).map((x) => x.config.hidden),
      [[32], [64], [128], [60, 60], Array(10).fill(64)],
    );
    for (const x of topologyVariants(base))
      assert.ok(
        changed(all, x.config).every((k) => k === "hidden"),
        x.id,
      );
    const bonus = bonusVariants(base, 0.3, 0.8);
    assert.deepEqual(
      bonus.map((x) => changed(all, x.config)),
      [[], ["dropout"], ["activation"], ["init"], ["schedule"]],
    );
    assert.deepEqual(bonus[4].config.schedule, { kind: "exponentialDecay", eta0: 0.02, gamma: 0.8 });
  });

  it("every published number belongs to a variant the notebooks run", () => {
    const ids = new Set([...trickVariants(base), ...topologyVariants(base)].map((x) => x.id));
    for (const p of TDT4265_A2_PUBLISHED) assert.ok(ids.has(p.variant), p.variant);
    assert.deepEqual(
      publishedFor("baseline").map((p) => [p.report, p.percent]),
      [
        ["first", 91.52],
        ["second", 93.5],
      ],
    );
  });
});

describe("experiments/presets/tdt4265-a2-tables: comparison and reproduction tables", () => {
  const variants: Variant[] = trickVariants(base).slice(0, 2);
  const accs = [
    [0.9, 0.8, 0.85],
    [0.95, 0.9, 0.91],
  ];
  const groups: SeedGroup[] = variants.map(
    (v, i) =>
      groupBySeed(
        [1, 2, 3].map((seed) =>
          fakeRun(v.config, seed, { train: accs[i][0] + seed / 100, validation: accs[i][1] + seed / 100, test: accs[i][2] }, 100 * seed, seed === 1),
        ),
      )[0],
  );

  it("steps until stop: mean ± sample std of the finished runs' steps", () => {
    const s = stepsMeanStd(groups[0])!;
    assert.equal(s.mean, (100 + 200 + 300) / 3);
    assert.ok(Math.abs(s.std - 100) < 1e-12);
  });

  it("comparisonRows: accuracies in %, losses, steps, early stops and parameters per variant", () => {
    const rows = comparisonRows(
      groups,
      variants.map((v) => v.label),
    );
    assert.equal(rows[0].Variant, "Baseline");
    assert.equal(rows[0]["Validation acc."], `${(100 * (0.8 + 0.02)).toFixed(2)} ± ${(1).toFixed(2)} %`);
    assert.equal(rows[0]["Validation loss"], `${(1 - 0.82).toFixed(4)} ± ${(0.01).toFixed(4)}`);
    assert.equal(rows[0]["Steps until stop"], "200 ± 100");
    assert.equal(rows[0]["Stopped early"], "1 of 3");
    assert.equal(rows[1].Parameters, "1,234");
    assert.throws(() => comparisonRows(groups, ["only one"]), /2 groups/);
  });

  it("reproduction: validation accuracy for the first report, test for the second, in variant order", () => {
    const first = reproductionEntries(variants, groups, "first");
    assert.deepEqual(
      first.map((e) => e.label),
      ["Baseline"],
    ); // no published validation number for shuffling
    assert.ok(Math.abs(first[0].ours!.mean - 100 * 0.82) < 1e-9);
    const second = reproductionEntries(variants, groups, "second");
    assert.deepEqual(
      second.map((e) => [e.label, e.published.values[0].value]),
      [
        ["Baseline", 93.5],
        ["+ shuffling", 93.7],
      ],
    );
    assert.ok(Math.abs(second[1].ours!.mean - 91) < 1e-9);
    assert.ok("Ours (validation, mean ± std)" in tdt4265ReproductionRows(variants, groups, "first")[0]);
    assert.ok("Ours (test, mean ± std)" in tdt4265ReproductionRows(variants, groups, "second")[0]);
  });

  it("normalizationRows: values and signed differences to the published ones", () => {
    const rows = normalizationRows([{ label: "ours", mean: 33.5, std: 78.0 }], { mean: 33.32, std: 78.57 });
    assert.deepEqual(rows, [
      { Statistic: "mean (pixel units)", ours: `33.50 (+${(33.5 - 33.32).toFixed(2)})`, Published: "33.32" },
      { Statistic: "std (pixel units)", ours: `78.00 (−${(78.57 - 78).toFixed(2)})`, Published: "78.57" },
    ]);
  });
});
