import { strict as assert } from "assert";
import { createRng } from "../../src/tensor";
import { MlpSpec, InitSpec, initMlp, countParameters, specFromSizes, layerSizes, paramEntries } from "../../src/model";
import { assertSameBytes } from "../layers/helpers";
import { smallSpec } from "./fixtures";

/** The sample standard deviation of a Float64Array (mean taken as 0, as the init draws have). */
function rms(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x * x;
  return Math.sqrt(s / a.length);
}

describe("model/spec and init", () => {
  it("countParameters: Σ(m·d + m) plus 2m per hidden layer with BN", () => {
    const base = { activation: { name: "sigmoid" }, batchNorm: "off", init: { kind: "fanIn" } } as const;
    assert.equal(countParameters(specFromSizes([784, 64, 10], base)), 784 * 64 + 64 + 64 * 10 + 10);
    // TDT4265's bias trick: (784 + 1)·64 + 64·10 = 50,880
    assert.equal(countParameters(specFromSizes([784, 64, 10], { ...base, biases: "firstLayer" })), 50880);
    const bn = specFromSizes([3072, 50, 50, 10], { ...base, batchNorm: "before" });
    assert.equal(countParameters(bn), 3072 * 50 + 50 + 2 * 50 + (50 * 50 + 50 + 2 * 50) + (50 * 10 + 10));
    const { params } = initMlp(bn, createRng(1));
    assert.equal(
      paramEntries(params).reduce((s, e) => s + e.value.data.length, 0),
      countParameters(bn),
    );
  });

  it("specFromSizes reads the reports' layer lists", () => {
    const spec = specFromSizes([3072, 50, 30, 20, 20, 10, 10, 10, 10, 10], { activation: { name: "relu" }, batchNorm: "before", init: { kind: "he" } });
    assert.deepEqual(spec.hidden, [50, 30, 20, 20, 10, 10, 10, 10]);
    assert.deepEqual(layerSizes(spec), [3072, 50, 30, 20, 20, 10, 10, 10, 10, 10]);
    const { params, stats } = initMlp(spec, createRng(1));
    assert.equal(params.layers.length, 9);
    assert.equal(stats.length, 8);
    assert.ok(params.layers.slice(0, 8).every((p) => p.gamma && p.beta) && !params.layers[8].gamma, "γ, β on hidden layers only");
  });

  const inits: [InitSpec, (fanIn: number, fanOut: number) => number][] = [
    [{ kind: "he" }, (fi) => Math.sqrt(2 / fi)],
    [{ kind: "xavier" }, (fi, fo) => Math.sqrt(2 / (fi + fo))],
    [{ kind: "normal", sigma: 1e-3 }, () => 1e-3],
    [{ kind: "fanIn" }, (fi) => 1 / Math.sqrt(fi)],
  ];
  for (const [init, sigma] of inits) {
    it(`${init.kind} init: W ~ normal(0, σ²) with the documented σ; b = 0, γ = 1, β = 0, muAv = 0, vAv = 1`, () => {
      const spec: MlpSpec = { inputSize: 400, hidden: [300], outputSize: 200, activation: { name: "relu" }, batchNorm: "before", init };
      const { params, stats } = initMlp(spec, createRng("init"));
      // 120,000 and 60,000 draws: the sample σ is within 1 % of σ with overwhelming probability
      for (const [l, fi, fo] of [
        [0, 400, 300],
        [1, 300, 200],
      ]) {
        const got = rms(params.layers[l].W.data);
        assert.ok(Math.abs(got / sigma(fi, fo) - 1) < 0.01, `${init.kind} layer ${l}: σ ${got} vs ${sigma(fi, fo)}`);
        assert.ok(
          params.layers[l].b.data.every((v) => v === 0),
          "b = 0",
        );
      }
      assert.ok(params.layers[0].gamma!.data.every((v) => v === 1) && params.layers[0].beta!.data.every((v) => v === 0));
      assert.ok(stats[0].muAv.data.every((v) => v === 0) && stats[0].vAv.data.every((v) => v === 1));
    });
  }

  it("the same seed gives identical bytes; another seed differs", () => {
    const spec = smallSpec();
    const a = paramEntries(initMlp(spec, createRng(42)).params);
    const b = paramEntries(initMlp(spec, createRng(42)).params);
    const c = paramEntries(initMlp(spec, createRng(43)).params);
    a.forEach((e, i) => assertSameBytes(e.value.data, b[i].value.data, `layer ${e.layer} ${e.name}`));
    assert.ok(
      a[0].value.data.some((v, k) => v !== c[0].value.data[k]),
      "seed 43 gives other weights",
    );
  });

  it("bad specs raise clear errors: empty layer list, σ ≤ 0, bad sizes, bad dropout/activation", () => {
    const rest = { activation: { name: "relu" }, batchNorm: "off", init: { kind: "he" } } as const;
    assert.throws(() => specFromSizes([], rest), /specFromSizes: the layer list is empty/);
    assert.throws(() => specFromSizes([10], rest), /the layer list \[10\] has no layers/);
    assert.throws(() => initMlp(smallSpec({ init: { kind: "normal", sigma: 0 } }), createRng(1)), /MlpSpec\.init\.sigma: expected a number > 0, got 0$/);
    assert.throws(() => initMlp(smallSpec({ init: { kind: "normal", sigma: -0.1 } }), createRng(1)), /got -0.1/);
    assert.throws(() => initMlp(smallSpec({ hidden: [8, 0] }), createRng(1)), /MlpSpec\.hidden\[1\]: expected an integer ≥ 1, got 0$/);
    assert.throws(() => initMlp(smallSpec({ inputSize: 2.5 }), createRng(1)), /MlpSpec\.inputSize: expected an integer ≥ 1, got 2\.5$/);
    assert.throws(() => initMlp(smallSpec({ dropout: 1 }), createRng(1)), /MlpSpec\.dropout: expected a number ≥ 0 < 1, got 1$/);
    assert.throws(
      () => initMlp(smallSpec({ activation: { name: "gelu" as never } }), createRng(1)),
      /MlpSpec\.activation\.name: expected one of "relu", .*, got "gelu"$/,
    );
    assert.throws(
      () => initMlp(smallSpec({ batchNorm: "middle" as never }), createRng(1)),
      /MlpSpec\.batchNorm: expected one of "off", "before", "after", got "middle"$/,
    );
    assert.throws(
      () => initMlp(smallSpec({ init: { kind: "lecun" } as never }), createRng(1)),
      /MlpSpec\.init\.kind: expected one of "he", "xavier", "normal", "fanIn", got "lecun"$/,
    );
  });
});
