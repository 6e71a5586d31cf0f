import { strict as assert } from "assert";
import { createRng, zeros, clone } from "../../src/tensor";
import { MlpParams, initMlp, mlpForward, mlpBackward } from "../../src/model";
import { smallSpec, tinySet } from "./fixtures";

describe("model: bad input raises clear errors", () => {
  const spec = smallSpec();
  const { params, stats } = initMlp(spec, createRng(1));
  const { X, y } = tinySet(6, 5, 3, "errors");

  it("mismatched shapes: X, W, stats, labels", () => {
    assert.throws(() => mlpForward(params, zeros(7, 5), { mode: "train", stats }), /mlpForward: X is 7 × 5 but the network's inputSize is 6/);
    const badW: MlpParams = { spec, layers: params.layers.map((p, l) => (l === 1 ? { ...p, W: zeros(5, 9) } : p)) };
    assert.throws(() => mlpForward(badW, X, { mode: "train", stats }), /mlpForward: layer 1 W: expected shape 5 × 8, got 5 × 9/);
    assert.throws(() => mlpForward(params, X, { mode: "train", stats: [] }), /mlpForward: stats has 0 entries, expected 2/);
    const f = mlpForward(params, X, { mode: "train", stats });
    assert.throws(() => mlpBackward(params, f.cache, y.subarray(0, 4), 0), /mlpBackward: 4 labels for 5 samples/);
  });

  it("empty layer list", () => {
    assert.throws(() => mlpForward({ spec, layers: [] }, X, { mode: "train", stats }), /mlpForward: params.layers is empty/);
  });

  it("λ < 0", () => {
    const f = mlpForward(params, X, { mode: "train", stats });
    assert.throws(() => mlpBackward(params, f.cache, y, -0.1), /mlpBackward: lambda \(L2 weight\) must be a finite number ≥ 0, got -0.1/);
    assert.throws(() => mlpBackward(params, f.cache, y, NaN), /got NaN/);
  });

  it("labels out of range", () => {
    const f = mlpForward(params, X, { mode: "train", stats });
    assert.throws(() => mlpBackward(params, f.cache, Int32Array.from([0, 1, 3, 0, 0]), 0), /mlpBackward: label y\[2\] = 3 out of range 0…2/);
  });

  for (const [what, value] of [
    ["NaN", NaN],
    ["+∞", Infinity],
    ["−∞", -Infinity],
  ] as const) {
    for (const batchNorm of ["off", "before"] as const) {
      it(`non-finite input (${what}, BN ${batchNorm}) is named with its position, even through ReLU`, () => {
        const s = smallSpec({ batchNorm });
        const net = initMlp(s, createRng(2));
        const bad = clone(X);
        bad.data[2 + 3 * 6] = value;
        assert.throws(
          () => mlpForward(net.params, bad, { mode: "train", stats: net.stats }),
          new RegExp(`mlpForward: input X: non-finite value ${value} at \\(2, 3\\)`),
        );
        assert.throws(() => mlpForward(net.params, bad, { mode: "eval", stats: net.stats }), /input X: non-finite/);
      });
    }
  }

  it("diverged (non-finite) parameters with a finite X are not blamed on X", () => {
    const broken = initMlp(smallSpec({ batchNorm: "off" }), createRng(3)).params;
    broken.layers[0].W.data[0] = NaN;
    assert.doesNotThrow(() => mlpForward(broken, X, { mode: "train", stats: [] }));
  });

  it("dropout without a generator in train mode", () => {
    const net = initMlp(smallSpec({ dropout: 0.5 }), createRng(4));
    assert.throws(() => mlpForward(net.params, X, { mode: "train", stats: net.stats }), /spec.dropout = 0.5 needs opts.rng in train mode/);
    assert.doesNotThrow(() => mlpForward(net.params, X, { mode: "eval", stats: net.stats }), "eval mode has no dropout");
  });
});
