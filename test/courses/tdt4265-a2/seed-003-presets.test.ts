import { strict as assert } from "assert";
import type { ExperimentConfig } from "../../../src/experiments/config";
import { gaussianBlobs } from "../../../src/experiments/synthetic-data";
import { mlpSpecOf, run, train } from "../../../src/experiments/run";
import { validateConfig } from "../../../src/experiments/validate-config";
import { gradEntries, initMlp, mlpBackward, mlpForward, paramEntries } from "../../../src/model";
import { columnsView, deriveRng } from "../../../src/tensor";
import {
  SEED_003,
  SEED_003_DEFAULTS,
  effectiveEta,
  seed003Base,
  seed003Bonus,
  seed003MomentumRates,
  seed003Topologies,
  seed003Tricks,
} from "../../../src/courses/tdt4265-a2/seed-003/presets";
import { epochRunConfigs, epochRuns, tableEpochs, truncatedAt } from "../../../src/courses/tdt4265-a2/seed-003/epoch-tables";
import { SEED_003_BLOCKS } from "../../../src/courses/tdt4265-a2/seeds";
import { SEED_003_GRADCHECK, seed003GradCheckRows, seed003GradientCheck } from "../../../src/courses/tdt4265-a2/seed-003/gradcheck";

/** The top-level fields in which `b` differs from `a`. */
function changed(a: ExperimentConfig, b: ExperimentConfig): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => JSON.stringify((a as never)[k]) !== JSON.stringify((b as never)[k])).sort();
}

const block = (id: string) => SEED_003_BLOCKS.find((b) => b.id === id)!;

describe("courses/tdt4265-a2/seed-003/presets: seed 003's own setup", () => {
  it("row B is the seed's setup: batch 128, η = 0.5 (summed gradient: 64 on the mean), 15 epochs, no early stopping", () => {
    const b = seed003Base();
    const setup = block("003/task2a/setup").setup;
    assert.equal(b.batchSize, setup.batchSize);
    assert.equal(b.epochs, setup.epochs);
    assert.equal(b.earlyStopping, undefined);
    assert.equal(setup.earlyStopping, false);
    assert.deepEqual(b.schedule, { kind: "constant", eta: setup.learningRate! * setup.batchSize! });
    assert.deepEqual(seed003Base({ ...SEED_003_DEFAULTS, normalization: "mean" }).schedule, { kind: "constant", eta: 0.5 });
    assert.deepEqual(b.evaluation, { per: "epoch", times: 20, trainSubset: 10000 });
    assert.equal(b.shuffle, false);
    assert.deepEqual(b.hidden, [64]);
    assert.throws(() => effectiveEta(0.5, 128, "total" as never), /expected "sum" or "mean"/);
  });

  it("Table 0.1 adds the tricks cumulatively: S, then I, then N, then M with η = 0.05", () => {
    const v = seed003Tricks();
    assert.deepEqual(
      v.map((x) => x.id),
      ["B", "S", "I", "N", "M"],
    );
    const diffs = v.slice(1).map((x, i) => changed(v[i].config, x.config));
    assert.deepEqual(diffs, [["shuffle"], ["activation"], ["init"], ["momentum", "schedule"]]);
    assert.deepEqual(v[2].config.activation, { name: "improvedSigmoid" });
    assert.deepEqual(v[3].config.init, { kind: "fanIn" });
    assert.equal(v[4].config.momentum, block("003/table01/M").setup.momentum);
    assert.deepEqual(v[4].config.schedule, { kind: "constant", eta: 0.05 * 128 });
    for (const x of v) assert.equal(x.config.earlyStopping, undefined, x.id);
    for (const x of [...v, ...seed003Topologies(), ...seed003MomentumRates(), seed003Bonus()]) validateConfig(x.config, x.id);
  });

  it("Table 0.2: hidden 5, 10, 20, 32, 64, 128, 60-60 on S + I + N; its 64 row is Table 0.1's N row", () => {
    const t = seed003Topologies();
    const n = seed003Tricks()[3].config;
    assert.deepEqual(
      t.map((x) => x.config.hidden),
      SEED_003.hidden,
    );
    assert.deepEqual(
      t.map((x) => `003/table02/${x.id}`),
      SEED_003_BLOCKS.filter((b) => b.id.startsWith("003/table02/")).map((b) => b.id),
    );
    for (const x of t) assert.deepEqual(changed(n, x.config), x.id === "64" ? [] : ["hidden"]);
  });

  it("momentum at η = 0.5 and 0.05; the bonus swaps in ReLU, Xavier, dropout and η decay", () => {
    const [high, low] = seed003MomentumRates({ ...SEED_003_DEFAULTS, normalization: "mean" });
    assert.deepEqual(
      [high.config.schedule, low.config.schedule],
      [
        { kind: "constant", eta: 0.5 },
        { kind: "constant", eta: 0.05 },
      ],
    );
    assert.deepEqual(low.config, seed003Tricks({ ...SEED_003_DEFAULTS, normalization: "mean" })[4].config);
    const bonus = seed003Bonus().config;
    assert.deepEqual(changed(seed003Tricks()[3].config, bonus), ["activation", "dropout", "init", "schedule"]);
    assert.deepEqual(bonus.schedule, { kind: "exponentialDecay", eta0: 64, gamma: 0.9 });
  });

  it("the 'sum' reading: one epoch with η·B on the library's mean gradient = η·Σ of per-sample gradients", () => {
    const data = gaussianBlobs({ dims: 6, classes: 3, train: 256, validation: 20, test: 20, seed: 4, shared: false });
    const config: ExperimentConfig = { ...seed003Base({ ...SEED_003_DEFAULTS, epochs: 1, trainSubset: undefined }), hidden: [5], data: { name: "synthetic" } };
    const trained = train(config, data).params;
    const { params } = initMlp(mlpSpecOf(config, 6, 3), deriveRng(config.seed, "init"));
    for (let t = 0; t < 2; t++) {
      const sum = paramEntries(params).map((e) => new Float64Array(e.value.data.length));
      for (let j = t * 128; j < (t + 1) * 128; j++) {
        const fwd = mlpForward(params, columnsView(data.train.X, j, 1), { mode: "train", stats: [] });
        gradEntries(mlpBackward(params, fwd.cache, data.train.y.subarray(j, j + 1), 0)).forEach((g, i) =>
          g.value.data.forEach((v, k) => {
            sum[i][k] += v;
          }),
        );
      }
      paramEntries(params).forEach((e, i) =>
        e.value.data.forEach((v, k) => {
          e.value.data[k] = v - 0.5 * sum[i][k];
        }),
      );
    }
    const ours = paramEntries(trained);
    paramEntries(params).forEach((e, i) =>
      e.value.data.forEach((v, k) => {
        assert.ok(Math.abs(v - ours[i].value.data[k]) <= 1e-10 * (1 + Math.abs(v)), `${e.name}${e.layer}[${k}]: ${v} vs ${ours[i].value.data[k]}`);
      }),
    );
  });

  it("per-epoch tables: runs stopped at 1, 5, 10 are the first epochs of the 15-epoch run", () => {
    assert.deepEqual(tableEpochs(15), [1, 5, 10, 15]);
    assert.deepEqual(tableEpochs(2), [1, 2]);
    assert.deepEqual(tableEpochs(1), [1]);
    const runs = epochRuns(seed003Tricks());
    assert.equal(epochRunConfigs(runs).length, 5 * 4);
    assert.deepEqual(
      runs[0].configs.map((c) => [c.epochs, c.evaluation.times]),
      [
        [1, 1],
        [5, 1],
        [10, 1],
        [15, 20],
      ],
    );
    assert.throws(() => truncatedAt(seed003Bonus().config, 1), /constant-η/);
    const data = gaussianBlobs({ dims: 6, classes: 3, train: 512, validation: 40, test: 40, seed: 5, shared: false });
    const full: ExperimentConfig = {
      ...seed003Tricks({ ...SEED_003_DEFAULTS, epochs: 3, trainSubset: undefined })[1].config,
      hidden: [5],
      data: { name: "synthetic" },
    };
    const whole = run(full, data);
    const part = run(truncatedAt(full, 2), data);
    const atTwo = whole.history.filter((r) => r.epoch === 2);
    assert.deepEqual(atTwo.find((r) => r.split === "validation")!.accuracy, part.final!.validation.accuracy);
    assert.deepEqual(atTwo.find((r) => r.split === "train")!.loss, part.final!.train.loss);
  });

  it("gradient check: ε = 0.01 on the B network, every W and b; the difference shrinks as ε² with a smaller ε", () => {
    assert.deepEqual(SEED_003_GRADCHECK, { images: 50, epsilon: 0.01 });
    assert.equal(block("003/task2b/gradcheck").quotes[0].includes("about 50 input images"), true);
    const data = gaussianBlobs({ dims: 12, classes: 10, train: 30, validation: 10, test: 10, seed: 6, shared: false });
    const rows = seed003GradientCheck(data, { images: 8 });
    assert.deepEqual(
      rows.map((r) => [r.layer, r.param, r.shape]),
      [
        [0, "W", [64, 12]],
        [0, "b", [64, 1]],
        [1, "W", [10, 64]],
      ],
    );
    const fine = seed003GradientCheck(data, { images: 8, epsilon: 0.001 });
    rows.forEach((r, i) => {
      assert.ok(r.maxAbsoluteError > 0 && r.maxAbsoluteError < 1e-4, `${r.param}${r.layer}: ${r.maxAbsoluteError}`);
      assert.ok(fine[i].maxAbsoluteError < r.maxAbsoluteError / 20, `${r.param}${r.layer}: ε = 0.001 gives ${fine[i].maxAbsoluteError}`);
    });
    assert.deepEqual(Object.keys(seed003GradCheckRows(rows)[0]), ["Layer", "Parameter", "Shape", "Max absolute difference", "Max relative error"]);
  });
});
