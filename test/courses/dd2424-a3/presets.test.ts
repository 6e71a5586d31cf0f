import { strict as assert } from "assert";
import type { ExperimentConfig } from "../../../src/experiments/config";
import { validateConfig } from "../../../src/experiments/validate-config";
import { blockPresets, resolveSetup, seedPreset, seedPresets } from "../../../src/courses/dd2424-a3/presets";
import { DD2424_A3_BLOCKS, type RunSetup, type SeedBlock, parsePrinted, valueAt } from "../../../src/courses/dd2424-a3/seeds";

/** Where a stated setting lands in the config (straight from the printed text, not through the setup). */
const CONFIG_PATH: Readonly<Record<string, string>> = {
  hidden: "hidden",
  lambda: "lambda",
  batchSize: "batchSize",
  dropout: "dropout",
  bnAlpha: "bnAlpha",
  "eta.etaMin": "schedule.etaMin",
  "eta.etaMax": "schedule.etaMax",
  "eta.nS": "schedule.stepSize",
  "eta.cycles": "schedule.cycles",
  "eta.eta": "schedule.eta",
  "eta.epochs": "epochs",
  "init.sigma": "init.sigma",
  "noise.sigma": "noise.sigma",
  "noise.fraction": "noise.fraction",
  "activation.alpha": "activation.alpha",
};
/** The config keys a setup field maps to (to check that a reading changes only what it names). */
const CONFIG_KEYS: Readonly<Partial<Record<keyof RunSetup, string[]>>> = {
  hidden: ["hidden"],
  batchNorm: ["batchNorm"],
  init: ["init"],
  activation: ["activation"],
  lambda: ["lambda"],
  eta: ["schedule", "epochs", "evaluation"],
  batchSize: ["batchSize"],
  shuffle: ["shuffle"],
  dropout: ["dropout"],
  dropoutScaling: ["dropoutScaling"],
  noise: ["noise"],
  trainSize: ["data"],
  bnAlpha: ["bnAlpha"],
};

/** The stated value as the config should hold it. */
function expected(field: string, text: string): unknown {
  const v = parsePrinted(text);
  return field === "hidden" && typeof v === "number" ? [v] : v;
}

/** The training images a config's data stand for (CIFAR-10: 45,000 = batches 1–5 minus 5,000; "small" = data_batch_1). */
function trainSizeOf(c: ExperimentConfig): number {
  const o = c.data.options ?? {};
  if (o.trainSize !== undefined) return o.trainSize as number;
  if (o.split === "small") return 10000;
  assert.deepEqual(o, { split: "standard", validationSize: 5000 });
  return 45000;
}

/** Top-level config keys in which `b` differs from `a`. */
function changed(a: ExperimentConfig, b: ExperimentConfig): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => JSON.stringify((a as never)[k]) !== JSON.stringify((b as never)[k])).sort();
}

const runs = DD2424_A3_BLOCKS.filter((b) => b.kind === "run");
const byId = (id: string): SeedBlock => DD2424_A3_BLOCKS.find((b) => b.id === id)!;

describe("courses/dd2424-a3/presets: configs derived from the seed blocks", () => {
  it("every run block has a preset, and every preset is a valid config", () => {
    const presets = seedPresets(DD2424_A3_BLOCKS, { evalTimes: 4 });
    for (const b of runs)
      assert.ok(
        presets.some((p) => p.blockId === b.id),
        `${b.id}: no preset`,
      );
    for (const p of presets) validateConfig(p.config, `${p.blockId} (${p.reading})`);
    assert.ok(presets.length > runs.length, "some blocks have second readings");
  });

  it('each "seed" preset holds exactly the settings its block prints (widths, λ, η, n_s, cycles, batch, BN, σ, dropout, noise)', () => {
    let checked = 0;
    for (const b of runs) {
      const seedReading = blockPresets(b).find((p) => p.reading === "seed");
      if (!seedReading) continue;
      const c = seedReading.config;
      for (const s of b.stated) {
        if (s.field === "batchNorm") {
          assert.equal(c.batchNorm !== "off", parsePrinted(s.text), `${b.id}: BN`);
        } else if (s.field === "trainSize") {
          assert.equal(trainSizeOf(c), parsePrinted(s.text), `${b.id}: train size`);
        } else if (s.field === "epochs" && c.schedule.kind === "cyclical") {
          // n_epochs printed beside a cyclical schedule: its length in epochs of ⌊n / batch⌋ updates
          const updates = 2 * (c.schedule.stepSize as number) * c.schedule.cycles;
          assert.equal(updates, (parsePrinted(s.text) as number) * Math.floor(trainSizeOf(c) / c.batchSize), `${b.id}: epochs`);
        } else {
          assert.ok(CONFIG_PATH[s.field], `${b.id}: no config path for ${s.field}`);
          assert.deepEqual(valueAt(c, CONFIG_PATH[s.field]), expected(s.field, s.text), `${b.id}: ${s.field}`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 437, `${checked} settings checked`);
  });

  it("a second reading changes only the settings it names", () => {
    const keysOf = (fill: Partial<RunSetup>): string[] => (Object.keys(fill) as (keyof RunSetup)[]).flatMap((k) => CONFIG_KEYS[k] ?? [k]);
    let compared = 0;
    for (const b of runs) {
      // against the "seed" reading, or (where it leaves a setting open) the first reading that resolves
      const presets = blockPresets(b);
      const base = presets[0];
      const baseFill = base.reading === "seed" ? [] : keysOf(b.readings!.find((r) => r.id === base.reading)!.fill);
      for (const r of b.readings!.slice(1).filter((x) => x.id !== base.reading)) {
        const other = seedPreset(DD2424_A3_BLOCKS, b.id, r.id);
        const allowed = [...keysOf(r.fill), ...baseFill];
        for (const k of changed(base.config, other)) assert.ok(allowed.includes(k), `${b.id} (${r.id}) changes ${k}`);
        compared++;
      }
    }
    assert.ok(compared >= 4, `${compared} readings compared`);
  });

  it("an unknown setting has no preset and the error names it", () => {
    const sp = byId("000/optimize/salt-pepper-noise");
    assert.throws(() => resolveSetup(sp), /000\/optimize\/salt-pepper-noise \(reading "seed"\): the seed does not state noise level/);
    assert.deepEqual(
      blockPresets(sp).map((p) => p.reading),
      ["sp-0.01", "sp-0.05"],
    );
    assert.throws(() => resolveSetup(byId("000/search/coarse-grid")), /not a run block/);
    assert.throws(() => resolveSetup(byId("000/final"), "nope"), /no reading "nope"/);
  });

  it("seed 000: 12 hidden widths, dropout on (60, 50, 40), noise on (50) without BN, final λ = 0.005623 for 2 cycles", () => {
    const p = (id: string, reading = "seed"): ExperimentConfig => seedPreset(DD2424_A3_BLOCKS, `000/${id}`, reading);
    assert.deepEqual(p("optimize/12-hidden").hidden, [120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10]);
    assert.equal(p("optimize/12-hidden", "11-hidden").hidden.length, 11);
    assert.deepEqual([p("optimize/dropout-no-bn").dropout, p("optimize/dropout-no-bn").batchNorm, p("optimize/dropout-bn").batchNorm], [0.5, "off", "before"]);
    assert.deepEqual(p("optimize/dropout-bn").hidden, [60, 50, 40]);
    const g = p("optimize/gaussian-noise");
    assert.deepEqual([g.hidden, g.batchNorm, g.noise, g.init, g.shuffle], [[50], "off", { kind: "gaussian", sigma: 0.01 }, { kind: "he" }, false]);
    const sp = p("optimize/salt-pepper-noise", "sp-0.01");
    assert.deepEqual(
      [sp.hidden, sp.batchNorm, sp.noise, sp.schedule],
      [[50], "off", { kind: "saltPepper", fraction: 0.01 }, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, stepSize: 2250, cycles: 3 }],
    );
    const f = p("final");
    assert.deepEqual(
      [f.hidden, f.lambda, f.batchNorm, f.shuffle, f.schedule],
      [[80, 70, 60, 50, 40, 30], 0.005623, "before", true, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, stepSize: 2250, cycles: 2 }],
    );
    assert.deepEqual(p("search/final-no-bn").batchNorm, "off");
    assert.deepEqual(p("init/sigma-0.001-no-bn").init, { kind: "normal", sigma: 0.001 });
    assert.deepEqual(p("train/9-layer", "control-fanIn").init, { kind: "fanIn" });
  });

  it("seed 000: the λ searches run 1 cycle with BN on the seed's 5 + 5 grid values", () => {
    const search = seedPresets(DD2424_A3_BLOCKS.filter((b) => /^000\/search\/(coarse|fine)\//.test(b.id)));
    assert.deepEqual(
      search.map((s) => s.config.lambda),
      [0.1, 0.01, 0.001, 0.0001, 0.00001, 0.01, 0.005623, 0.003162, 0.001778, 0.001],
    );
    for (const s of search) {
      assert.deepEqual([s.config.batchNorm, s.config.hidden], ["before", [50, 50]], s.blockId);
      assert.equal(s.config.schedule.kind === "cyclical" && s.config.schedule.cycles, 1, s.blockId);
    }
  });

  it("seed 001: A2 replication, 9-layer BN with λ = 0.0041 for 3 cycles, 8-point linear grids of 2 cycles, 100-image overfit", () => {
    const p = (id: string, reading = "seed"): ExperimentConfig => seedPreset(DD2424_A3_BLOCKS, `001/${id}`, reading);
    const a2 = p("a2-replication");
    assert.deepEqual([a2.hidden, a2.lambda, a2.batchNorm, a2.shuffle, a2.data.options], [[50], 0.01, "off", false, { split: "small" }]);
    assert.deepEqual(a2.schedule, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, stepSize: 800, cycles: 3 });
    assert.deepEqual(p("a2-replication", "a2-init").init, { kind: "fanIn" });
    const nine = p("bn/9-layer-lambda-0.0041");
    assert.deepEqual([nine.hidden, nine.lambda, nine.batchNorm, nine.bnAlpha, nine.shuffle], [[50, 30, 20, 20, 10, 10, 10, 10], 0.0041, "before", 0.9, true]);
    assert.deepEqual(nine.schedule, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, stepSize: 2250, cycles: 3 });
    const grid = seedPresets(DD2424_A3_BLOCKS.filter((b) => b.id.startsWith("001/search/coarse/")));
    assert.equal(grid.filter((g) => g.reading === "seed").length, 8);
    for (const g of grid) assert.equal(g.config.schedule.kind === "cyclical" && g.config.schedule.cycles, 2, g.blockId);
    assert.deepEqual(p("overfit").data.options, { split: "standard", validationSize: 5000, trainSize: 100 });
    assert.deepEqual([p("init/sigma-1e-4-no-bn").init, p("init/sigma-1e-4-no-bn").batchNorm], [{ kind: "normal", sigma: 1e-4 }, "off"]);
  });

  it("seed 004: constant η for 10 epochs (or one cycle peaking at η), BN after, relative noise, a = 0.01 activations", () => {
    const p = (id: string, reading = "seed"): ExperimentConfig => seedPreset(DD2424_A3_BLOCKS, `004/${id}`, reading);
    const a = p("bn-after/setting-1");
    assert.deepEqual([a.batchNorm, a.schedule, a.epochs, a.lambda], ["after", { kind: "constant", eta: 0.034875895633392565 }, 10, 1e-5]);
    const c = p("bn-after/setting-1", "cyclical");
    assert.deepEqual([c.schedule, c.epochs], [{ kind: "cyclical", etaMin: 1e-5, etaMax: 0.034875895633392565, stepSize: 2250, cycles: 1 }, undefined]);
    assert.deepEqual(p("noise/setting-2").noise, { kind: "gaussian", sigma: 0.1, relative: true });
    assert.deepEqual(p("noise/setting-2", "noise-0.01").noise, { kind: "gaussian", sigma: 0.01, relative: true });
    assert.deepEqual([p("leaky-relu/setting-3").activation, p("leaky-relu/setting-3").lambda], [{ name: "leakyRelu", alpha: 0.01 }, 1e-4]);
    assert.deepEqual(p("elu/setting-1").activation, { name: "elu", alpha: 0.01 });
    const f = p("architecture/4-layer/95-90-75");
    assert.deepEqual([f.hidden, f.lambda, f.noise], [[95, 90, 75], 1e-4, { kind: "gaussian", sigma: 0.1, relative: true }]);
    assert.deepEqual(p("architecture/4-layer/95-90-75", "caption").hidden, [100, 60, 45]);
    assert.deepEqual([p("search/retrained-2").lambda, p("search/retrained-2").epochs], [1.0632777281477375e-6, 10]);
    assert.equal(blockPresets(byId("004/architecture/5-layer")).length, 0);
  });

  it("options set the evaluations, the training-curve subset and the seed, nothing else", () => {
    const a = seedPreset(DD2424_A3_BLOCKS, "000/final");
    const b = seedPreset(DD2424_A3_BLOCKS, "000/final", "seed", { evalTimes: 3, trainSubset: 1000, seed: 7 });
    assert.deepEqual(changed(a, b), ["evaluation", "seed"]);
    assert.deepEqual(b.evaluation, { per: "cycle", times: 3, trainSubset: 1000 });
  });
});
