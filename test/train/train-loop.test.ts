import { strict as assert } from "assert";
import { createRng, deriveRng, columnsView, Matrix } from "../../src/tensor";
import { MlpSpec, initMlp, mlpForward, mlpBackward, paramEntries, gradEntries } from "../../src/model";
import { TrainData, TrainSettings, trainMlp, cyclicalEta, HistoryRow } from "../../src/train";
import { gaussianBlobs } from "../../src/experiments";

const blobs = gaussianBlobs({ dims: 20, classes: 4, train: 200, validation: 100, test: 100, seed: 3, separation: 1 });
const data: TrainData = blobs;

function spec(overrides: Partial<MlpSpec> = {}): MlpSpec {
  return { inputSize: 20, hidden: [16, 12], outputSize: 4, activation: { name: "relu" }, batchNorm: "off", init: { kind: "he" }, ...overrides };
}

const cyclical: TrainSettings = {
  lambda: 0.001,
  batchSize: 20,
  schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 20, cycles: 2 },
  evaluation: { per: "cycle", times: 4 },
};

describe("train/train-loop", () => {
  it("same settings and seed → identical history bit for bit (BN, shuffle, momentum, dropout, noise all on)", () => {
    const s = spec({ batchNorm: "before", dropout: 0.2 });
    const settings: TrainSettings = { ...cyclical, shuffle: true, momentum: 0.5, noise: { kind: "gaussian", sigma: 0.1 } };
    const a = trainMlp(s, data, settings, 7);
    const b = trainMlp(s, data, settings, 7);
    assert.deepEqual(b.history, a.history);
    assert.deepEqual(b.final, a.final);
    assert.deepEqual(b.params, a.params);
    const c = trainMlp(s, data, settings, 8);
    assert.notDeepEqual(c.history, a.history, "another seed gives another run");
  });

  it("evaluates at step 0, every 2·n_s/times steps and at the end; eta is the schedule's; test at the end", () => {
    const out = trainMlp(spec(), data, cyclical, 1);
    const steps = [...new Set(out.history.filter((r) => r.split !== "test").map((r) => r.step))];
    assert.deepEqual(steps, [0, 10, 20, 30, 40, 50, 60, 70, 80]);
    for (const r of out.history) assert.equal(r.eta, cyclicalEta(r.step, 1e-4, 0.05, 20), `eta at step ${r.step}`);
    assert.equal(out.steps, 80);
    assert.equal(out.epochs, 80 / 10);
    const test = out.history.filter((r) => r.split === "test");
    assert.equal(test.length, 1);
    assert.equal(test[0].step, 80);
    assert.deepEqual({ cost: test[0].cost, loss: test[0].loss, accuracy: test[0].accuracy }, out.final!.test);
    const last = out.history.filter((r) => r.step === 80 && r.split === "validation")[0];
    assert.deepEqual({ cost: last.cost, loss: last.loss, accuracy: last.accuracy }, out.final!.validation);
    assert.equal(out.untrained.train.accuracy, out.history[0].accuracy);
  });

  it("per-epoch evaluation: ⌊steps per epoch / times⌋ apart, epochs counted fractionally", () => {
    const out = trainMlp(spec(), data, { ...cyclical, schedule: { kind: "constant", eta: 0.01 }, epochs: 2, evaluation: { per: "epoch", times: 3 } }, 1);
    const steps = [...new Set(out.history.filter((r) => r.split === "train").map((r) => r.step))];
    assert.deepEqual(steps, [0, 3, 6, 9, 12, 15, 18, 20]); // 10 steps per epoch, every ⌊10/3⌋ = 3
    assert.deepEqual(
      out.history.filter((r) => r.split === "train").map((r) => r.epoch),
      steps.map((s) => s / 10),
    );
  });

  it("overfits 100 samples with random labels: training loss near 0, accuracy 100 %", () => {
    const rng = createRng("overfit");
    const n = 100;
    const X: Matrix = { rows: 20, cols: n, data: Float64Array.from({ length: 20 * n }, () => rng.normal()) };
    const y = Int32Array.from({ length: n }, () => rng.int(4));
    const set = { X, y };
    const out = trainMlp(
      spec({ hidden: [64] }),
      { train: set, validation: set, test: set },
      { lambda: 0, batchSize: 10, schedule: { kind: "constant", eta: 0.1 }, epochs: 300, momentum: 0.9, shuffle: true, evaluation: { per: "epoch", times: 1 } },
      1,
    );
    assert.equal(out.status, "completed");
    assert.equal(out.final!.train.accuracy, 1);
    assert.ok(out.final!.train.loss < 0.01, `training loss ${out.final!.train.loss}`);
    assert.ok(out.untrained.train.accuracy < 0.5);
  });

  it("momentum: the parameter trajectory matches v ← μv + ηg, θ ← θ − v computed by hand", () => {
    const s = spec();
    const mu = 0.9;
    const settings: TrainSettings = {
      lambda: 0.01,
      batchSize: 20,
      schedule: { kind: "cyclical", etaMin: 0.001, etaMax: 0.05, stepSize: 3, cycles: 1 },
      momentum: mu,
      evaluation: { per: "cycle", times: 1 },
    };
    const out = trainMlp(s, data, settings, 5);
    // the same run by hand: same init stream, batches in order, scalar recurrences per entry
    const { params, stats } = initMlp(s, deriveRng(5, "init"));
    const theta = paramEntries(params).map((e) => e.value.data);
    const v = theta.map((t) => new Float64Array(t.length));
    for (let t = 0; t < 6; t++) {
      const X = columnsView(data.train.X, t * 20, 20);
      const y = data.train.y.subarray(t * 20, t * 20 + 20);
      const fwd = mlpForward(params, X, { mode: "train", stats });
      const g = gradEntries(mlpBackward(params, fwd.cache, y, 0.01)).map((e) => e.value.data);
      const eta = cyclicalEta(t, 0.001, 0.05, 3);
      theta.forEach((th, i) => {
        for (let k = 0; k < th.length; k++) {
          v[i][k] = mu * v[i][k] + eta * g[i][k];
          th[k] = th[k] - v[i][k];
        }
      });
    }
    assert.deepEqual(out.params.layers, params.layers);
    // and momentum changes the trajectory
    const plain = trainMlp(s, data, { ...settings, momentum: 0 }, 5);
    assert.notDeepEqual(plain.params.layers, out.params.layers);
  });

  describe("early stopping", () => {
    // validation = training inputs with shifted labels: the better the fit, the worse the validation loss
    const wrong = { X: data.train.X, y: data.train.y.map((c) => (c + 1) % 4) };
    const base: TrainSettings = { lambda: 0, batchSize: 20, schedule: { kind: "constant", eta: 0.05 }, epochs: 30, evaluation: { per: "epoch", times: 2 } };
    const rows = (h: readonly HistoryRow[], split: string): HistoryRow[] => h.filter((r) => r.split === split);

    it("stops `patience` evaluations after the best validation loss and restores the best parameters", () => {
      const patience = 4;
      const out = trainMlp(spec(), { ...data, validation: wrong }, { ...base, earlyStopping: { patience } }, 1);
      const val = rows(out.history, "validation");
      // oracle: the first evaluation that is `patience` evaluations past the running minimum
      let bestI = 0;
      let stopI = -1;
      for (let i = 1; i < val.length && stopI < 0; i++) {
        if (val[i].loss < val[bestI].loss) bestI = i;
        else if (i - bestI >= patience) stopI = i;
      }
      assert.ok(stopI > 0, "the constructed validation curve rises, so training must stop");
      assert.equal(out.status, "stoppedEarly");
      assert.equal(val.length, stopI + 1, "no evaluation after the stop");
      assert.equal(out.steps, val[stopI].step);
      assert.equal(out.bestStep, val[bestI].step);
      assert.equal(out.message, `stopped early at step ${val[stopI].step} (best step ${val[bestI].step})`);
      assert.equal(out.final!.validation.loss, val[bestI].loss, "final metrics are the restored best parameters'");
      assert.equal(rows(out.history, "test")[0].step, val[bestI].step);
    });

    it("without restoreBest the last parameters are kept", () => {
      const out = trainMlp(spec(), { ...data, validation: wrong }, { ...base, earlyStopping: { patience: 4, restoreBest: false } }, 1);
      const val = rows(out.history, "validation");
      assert.equal(out.status, "stoppedEarly");
      assert.equal(out.final!.validation.loss, val[val.length - 1].loss);
    });

    it("on an honest validation set with large patience it runs to the end", () => {
      const out = trainMlp(spec(), data, { ...base, epochs: 3, earlyStopping: { patience: 100 } }, 1);
      assert.equal(out.status, "completed");
      assert.equal(out.steps, 30);
    });
  });

  it("diverges on η = 1e3: status diverged at the first non-finite cost, no exception, no final metrics", () => {
    const out = trainMlp(spec(), data, { ...cyclical, schedule: { kind: "constant", eta: 1e3 }, epochs: 20, evaluation: { per: "epoch", times: 1 } }, 1);
    assert.equal(out.status, "diverged");
    assert.ok(out.divergedAtStep !== undefined && out.divergedAtStep < 200);
    assert.equal(out.message, `diverged at step ${out.divergedAtStep}`);
    assert.equal(out.final, undefined);
    assert.ok(out.steps <= out.divergedAtStep!);
  });

  it("noise and shuffling never modify the data", () => {
    const before = data.train.X.data.slice();
    trainMlp(spec(), data, { ...cyclical, shuffle: true, noise: { kind: "saltPepper", fraction: 0.2 } }, 1);
    assert.deepEqual(data.train.X.data, before);
  });

  it("dropout, noise and shuffling each change the run; evaluation stays deterministic", () => {
    const ref = trainMlp(spec(), data, cyclical, 1).history;
    for (const [name, s, t] of [
      ["dropout", spec({ dropout: 0.3 }), cyclical],
      ["noise", spec(), { ...cyclical, noise: { kind: "gaussian", sigma: 0.5 } }],
      ["shuffle", spec(), { ...cyclical, shuffle: true }],
    ] as [string, MlpSpec, TrainSettings][]) {
      const h = trainMlp(s, data, t, 1).history;
      assert.deepEqual(h[0], ref[0], `${name}: untrained evaluation is the same network`);
      assert.notDeepEqual(h[h.length - 1], ref[ref.length - 1], `${name} changes the trained network`);
    }
  });
});
