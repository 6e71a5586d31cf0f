import { strict as assert } from "assert";
import { createRng } from "../../src/tensor";
import { dropoutForward } from "../../src/layers";
import { type MlpSpec, initMlp, mlpForward } from "../../src/model";
import { gradientCheck, reducedProblem } from "../../src/gradcheck";
import { validateConfig } from "../../src/experiments/validate-config";
import { run } from "../../src/experiments/run";
import { gaussianBlobs } from "../../src/experiments/synthetic-data";
import type { ExperimentConfig } from "../../src/experiments/config";
import { randn } from "../layers/helpers";

const { X, y } = reducedProblem();
const spec = (over: Partial<MlpSpec>): MlpSpec => ({
  inputSize: 10,
  hidden: [30, 20],
  outputSize: 10,
  activation: { name: "tanh" },
  batchNorm: "off",
  init: { kind: "he" },
  dropout: 0.5,
  ...over,
});

describe("dropout scaling: inverted (default) or none (units only killed, nothing rescaled)", () => {
  it("'none' keeps the kept units as they are, with the same mask draws as inverted dropout", () => {
    const H = randn(8, 12, createRng("dropout-scaling"));
    const inv = dropoutForward(H, 0.5, createRng("m"));
    const none = dropoutForward(H, 0.5, createRng("m"), undefined, undefined, "none");
    for (let k = 0; k < H.data.length; k++) {
      assert.equal(none.cache.mask.data[k], inv.cache.mask.data[k] === 0 ? 0 : 1, `mask entry ${k}`);
      assert.ok(none.out.data[k] === (inv.cache.mask.data[k] === 0 ? 0 : H.data[k]), `out entry ${k}`);
    }
  });

  it("'none' is gradient-checked in float64 with a fixed mask (every relative error < 1e-6)", () => {
    const { params, stats } = initMlp(spec({ dropoutScaling: "none" }), createRng("gradcheck-init"));
    const rows = gradientCheck(params, stats, X, y, 0.01);
    for (const r of rows) assert.ok(r.maxRelativeError < 1e-6, `layer ${r.layer} ${r.param}: ${r.maxRelativeError}`);
  });

  it("the train-mode forward differs between the two; eval mode is the same (no dropout at test time)", () => {
    const a = initMlp(spec({}), createRng("i"));
    const b = initMlp(spec({ dropoutScaling: "none" }), createRng("i"));
    const train = (p: typeof a) => mlpForward(p.params, X, { mode: "train", stats: p.stats, rng: createRng("d") }).P.data;
    const evalP = (p: typeof a) => mlpForward(p.params, X, { mode: "eval", stats: p.stats }).P.data;
    assert.notDeepEqual(Array.from(train(a)), Array.from(train(b)));
    assert.deepEqual(Array.from(evalP(a)), Array.from(evalP(b)));
  });

  it("configs: an unknown value names the field; absent = the old arithmetic (same result as before)", () => {
    const data = gaussianBlobs({ dims: 6, classes: 3, train: 60, validation: 20, test: 20, seed: 3 });
    const c: ExperimentConfig = {
      hidden: [8],
      activation: { name: "relu" },
      batchNorm: "off",
      init: { kind: "he" },
      dropout: 0.5,
      lambda: 0,
      batchSize: 10,
      schedule: { kind: "constant", eta: 0.1 },
      epochs: 2,
      evaluation: { per: "epoch", times: 1 },
      data: { name: "blobs" },
      seed: 1,
    };
    assert.throws(() => validateConfig({ ...c, dropoutScaling: "half" }), /config\.dropoutScaling.*"half"/);
    const plain = run(c, data).final!.test;
    assert.deepEqual(run({ ...c, dropoutScaling: "inverted" }, data).final!.test, plain);
    assert.notDeepEqual(run({ ...c, dropoutScaling: "none" }, data).final!.train, run(c, data).final!.train);
  });
});
