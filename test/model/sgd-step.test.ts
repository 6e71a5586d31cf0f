import { strict as assert } from "assert";
import { createRng, columnsView } from "../../src/tensor";
import { MlpSpec, initMlp, mlpForward, mlpBackward, mlpSgdStep, createWorkspace, gradEntries, paramEntries, cloneMlpParams, MlpParams } from "../../src/model";
import { smallSpec, tinySet } from "./fixtures";

describe("model/sgd-step", () => {
  const { X, y } = tinySet(6, 24, 3, "sgd");

  /** max |a − b| / max(1, |b|) over every parameter entry. */
  function maxRelDiff(a: MlpParams, b: MlpParams): number {
    const ea = paramEntries(a);
    let worst = 0;
    paramEntries(b).forEach((e, i) => {
      e.value.data.forEach((v, k) => {
        worst = Math.max(worst, Math.abs(ea[i].value.data[k] - v) / Math.max(1, Math.abs(v)));
      });
    });
    return worst;
  }

  const cases: [string, Partial<MlpSpec>][] = [
    ["BN before", { batchNorm: "before" }],
    ["BN after", { batchNorm: "after" }],
    ["no BN, bias on the first layer only", { batchNorm: "off", biases: "firstLayer" }],
    ["BN before with dropout", { batchNorm: "before", dropout: 0.3 }],
  ];
  for (const [name, over] of cases) {
    it(`${name}: three fused steps equal backward + θ ← θ − η·g (to rounding)`, () => {
      const spec = smallSpec(over);
      const { params, stats } = initMlp(spec, createRng(4));
      const fused = cloneMlpParams(params);
      const workspace = createWorkspace(spec, 8);
      const lambda = 0.05;
      const etas = [0.3, 0.1, 0.2];
      etas.forEach((eta, t) => {
        const Xb = columnsView(X, 8 * t, 8);
        const yb = y.subarray(8 * t, 8 * t + 8);
        // reference: gradients first (dW includes 2λW), then every parameter θ − η·g
        const f = mlpForward(params, Xb, { mode: "train", stats, rng: createRng(`drop${t}`) });
        const g = gradEntries(mlpBackward(params, f.cache, yb, lambda));
        paramEntries(params).forEach((e, i) => {
          for (let k = 0; k < e.value.data.length; k++) e.value.data[k] -= eta * g[i].value.data[k];
        });
        const ff = mlpForward(fused, Xb, { mode: "train", stats, rng: createRng(`drop${t}`), workspace });
        mlpSgdStep(fused, ff.cache, yb, lambda, eta, { workspace });
      });
      const diff = maxRelDiff(fused, params);
      assert.ok(diff < 1e-13, `fused vs reference: max relative difference ${diff}`);
      const moved = maxRelDiff(fused, initMlp(spec, createRng(4)).params);
      assert.ok(moved > 1e-3, `the parameters moved (${moved})`);
    });
  }

  it("leaves the biases of layers without a bias at zero", () => {
    const spec = smallSpec({ batchNorm: "off", biases: "firstLayer" });
    const { params, stats } = initMlp(spec, createRng(4));
    const f = mlpForward(params, X, { mode: "train", stats });
    mlpSgdStep(params, f.cache, y, 0.01, 0.5);
    assert.ok(
      params.layers[0].b.data.some((v) => v !== 0),
      "the first layer's bias is trained",
    );
    params.layers.slice(1).forEach((p, l) =>
      assert.ok(
        p.b.data.every((v) => v === 0),
        `layer ${l + 1} b stays 0`,
      ),
    );
  });

  it("rejects a non-finite eta, a negative lambda and mismatched labels, naming them", () => {
    const spec = smallSpec();
    const { params, stats } = initMlp(spec, createRng(4));
    const f = mlpForward(params, X, { mode: "train", stats });
    assert.throws(() => mlpSgdStep(params, f.cache, y, 0.01, NaN), /mlpSgdStep: eta must be a finite number, got NaN/);
    assert.throws(() => mlpSgdStep(params, f.cache, y, -1, 0.1), /mlpSgdStep: lambda/);
    assert.throws(() => mlpSgdStep(params, f.cache, y.subarray(0, 5), 0.01, 0.1), /mlpSgdStep: 5 labels for 24 samples/);
  });
});
