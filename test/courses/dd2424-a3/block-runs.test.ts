import { strict as assert } from "assert";
import { gaussianBlobs } from "../../../src/experiments/synthetic-data";
import { firstTrainImages } from "../../../src/experiments/train-subset";
import type { ExperimentConfig } from "../../../src/experiments/config";
import { validateConfig } from "../../../src/experiments/validate-config";
import {
  DD2424_A3_BLOCKS,
  blockRun,
  canonicalConfig,
  cifarOptions,
  gridRuns,
  oursRun,
  runBlockRuns,
  shortened,
  trainingCount,
  uniqueRuns,
} from "../../../src/courses/dd2424-a3";

const blobs = (): ReturnType<typeof gaussianBlobs> => gaussianBlobs({ dims: 6, classes: 3, train: 60, validation: 20, test: 20, seed: 7 });

describe("courses/dd2424-a3/block-runs: seed blocks → runs", () => {
  it("ids: the block for its seed reading, block#reading otherwise; controls are ours and say so", () => {
    const r = blockRun(DD2424_A3_BLOCKS, "000/train/9-layer");
    assert.equal(r.id, "000/train/9-layer");
    assert.equal(r.ours, false);
    const c = blockRun(DD2424_A3_BLOCKS, "000/train/9-layer", "control-fanIn");
    assert.equal(c.id, "000/train/9-layer#control-fanIn");
    assert.equal(c.ours, true);
    assert.match(c.label, /OUR control/);
    assert.deepEqual(c.config.init, { kind: "fanIn" });
    const o = oursRun(r, "shuffled", "shuffled every epoch", { shuffle: true });
    assert.equal(o.id, "000/train/9-layer#ours-shuffled");
    assert.ok(o.ours && o.config.shuffle === true && r.config.shuffle === false);
  });

  it("shortening changes only n_s, cycles, epochs and the validation size it names", () => {
    const r = blockRun(DD2424_A3_BLOCKS, "000/bn/3-layer", "seed", { shorten: { nS: 3, cycles: 1, validationSize: 50 } });
    assert.deepEqual(r.config.schedule, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, stepSize: 3, cycles: 1 });
    assert.deepEqual(r.config.data.options, { split: "standard", validationSize: 50 });
    const full = blockRun(DD2424_A3_BLOCKS, "000/bn/3-layer");
    assert.deepEqual({ ...r.config, schedule: full.config.schedule, data: full.config.data }, full.config);
    const overfit = blockRun(DD2424_A3_BLOCKS, "001/overfit", "seed", { shorten: { epochs: 2 } });
    assert.equal(overfit.config.epochs, 2);
    assert.equal(overfit.config.data.options!.trainSize, 100);
    const a2 = shortened(blockRun(DD2424_A3_BLOCKS, "001/a2-replication").config, { validationSize: 50 });
    assert.deepEqual(a2.data.options, { split: "small" }, "the small split has no validation size to shorten");
    validateConfig(r.config);
  });

  it("grid runs: the seed's values, one run each, ids by λ", () => {
    const fine = gridRuns(DD2424_A3_BLOCKS, "000/search/fine-grid");
    assert.deepEqual(
      fine.map((r) => r.config.lambda),
      [0.01, 0.005623, 0.003162, 0.001778, 0.001],
    );
    assert.equal(fine[1].id, "000/search/fine-grid@0.005623");
    assert.equal(gridRuns(DD2424_A3_BLOCKS, "001/search/coarse-grid").length, 8);
  });

  it("a BN α equal to the default is dropped, so seed 001's α = 0.9 runs share seed 000's trainings", () => {
    const a = blockRun(DD2424_A3_BLOCKS, "001/init/sigma-1e-1-bn").config;
    const b = blockRun(DD2424_A3_BLOCKS, "000/init/sigma-0.1-bn").config;
    assert.equal(a.bnAlpha, 0.9);
    assert.deepEqual(canonicalConfig(a), b);
    const runs = [
      blockRun(DD2424_A3_BLOCKS, "001/init/sigma-1e-1-bn"),
      blockRun(DD2424_A3_BLOCKS, "000/init/sigma-0.1-bn"),
      blockRun(DD2424_A3_BLOCKS, "000/init-table/sigma-0.1-bn"),
    ];
    assert.equal(trainingCount(runs, 3), 3);
  });

  it("uniqueRuns keeps the first of repeated ids and refuses two different runs under one id", () => {
    const a = blockRun(DD2424_A3_BLOCKS, "000/bn/3-layer");
    assert.deepEqual(
      uniqueRuns([a, blockRun(DD2424_A3_BLOCKS, "000/bn/9-layer"), a]).map((r) => r.id),
      ["000/bn/3-layer", "000/bn/9-layer"],
    );
    assert.throws(() => uniqueRuns([a, { ...a, config: { ...a.config, lambda: 1 } }]), /two different runs share the id "000\/bn\/3-layer"/);
  });

  it("cifarOptions names a bad field and value", () => {
    assert.throws(() => cifarOptions({ name: "cifar10", options: { trainSize: -1 } }), /config\.data\.options\.trainSize: expected an integer ≥ 0, got -1/);
    assert.throws(() => cifarOptions({ name: "cifar10", options: { foo: 1 } }), /config\.data\.options\.foo: unknown option/);
    assert.throws(() => cifarOptions({ name: "mnist" }), /config\.data\.name: expected "cifar10", got "mnist"/);
  });
});

describe("experiments/train-subset: training on the first n images", () => {
  it("keeps the first n training columns and labels, validation and test whole; the fingerprint names the subset", () => {
    const d = blobs();
    const s = firstTrainImages(d, 10);
    assert.equal(s.train.X.cols, 10);
    assert.deepEqual(Array.from(s.train.X.data), Array.from(d.train.X.data.subarray(0, 10 * 6)));
    assert.deepEqual(Array.from(s.train.y), Array.from(d.train.y.subarray(0, 10)));
    assert.equal(s.validation, d.validation);
    assert.notEqual(s.fingerprint, d.fingerprint);
    assert.throws(() => firstTrainImages(d, 61), /data\.options\.trainSize: expected an integer in 1 … 60 .* got 61/);
  });

  it("a run with trainSize trains on that many images: its update steps are epochs · ⌊n / batch⌋", async () => {
    const d = blobs();
    const config: ExperimentConfig = {
      hidden: [5],
      activation: { name: "relu" },
      batchNorm: "off",
      init: { kind: "he" },
      lambda: 0,
      batchSize: 5,
      schedule: { kind: "constant", eta: 0.05 },
      epochs: 3,
      evaluation: { per: "epoch", times: 1 },
      data: { name: "blobs", options: { trainSize: 20 } },
      seed: 1,
    };
    const load = async (spec: ExperimentConfig["data"]) => firstTrainImages(d, spec.options!.trainSize as number);
    const run = { id: "x", blockId: "x", reading: "seed", label: "x", ours: true, config };
    const res = await runBlockRuns([run, { ...run, id: "full", config: { ...config, data: { name: "blobs", options: { trainSize: 60 } } } }], [1], load, {
      workers: 0,
      cache: false,
    });
    assert.equal(res.get("x")!.results[0].steps, 3 * (20 / 5));
    assert.equal(res.get("full")!.results[0].steps, 3 * (60 / 5));
    const wrong = await runBlockRuns([run], [1], async () => d, { workers: 0, cache: false });
    assert.equal(wrong.get("x")!.results[0].status, "failed");
    assert.match(wrong.get("x")!.results[0].message!, /config\.data\.options\.trainSize = 20, but the data's training split has 60 samples/);
  });
});
