import { strict as assert } from "assert";
import { createRng, zeros, Matrix, columnsView } from "../../src/tensor";
import { initMlp, mlpForward, mlpBackward, gradEntries, paramEntries, mlpCost, LayerImpls } from "../../src/model";
import { batchnormForward, batchnormBackward, batchnormBackwardStaged, activationForward } from "../../src/layers";
import { assertSameBytes, assertClose } from "../layers/helpers";
import { smallSpec, tinySet } from "./fixtures";

/** W·X + b with plain loops (independent of the kernel). */
function affineOracle(W: Matrix, X: Matrix, b: Matrix): Matrix {
  const S = zeros(W.rows, X.cols);
  for (let i = 0; i < W.rows; i++) {
    for (let j = 0; j < X.cols; j++) {
      let s = b.data[i];
      for (let k = 0; k < W.cols; k++) s += W.data[i + k * W.rows] * X.data[k + j * X.rows];
      S.data[i + j * W.rows] = s;
    }
  }
  return S;
}

describe("model/forward and backward", () => {
  const { X, y } = tinySet(6, 12, 3, "fb");

  it("eval mode normalizes with the moving averages: P equals a hand-written 1-hidden-layer net", () => {
    const spec = smallSpec({ hidden: [5], bnEps: 1e-6 });
    const { params, stats } = initMlp(spec, createRng(3));
    stats[0].muAv.data.set([0.1, -0.2, 0.3, 0, 0.5]);
    stats[0].vAv.data.set([2, 0.5, 1, 3, 0.7]);
    params.layers[0].gamma!.data.set([1.5, 0.5, 1, 2, -1]);
    const { P } = mlpForward(params, X, { mode: "eval", stats });
    const [l0, l1] = params.layers;
    const S = affineOracle(l0.W, X, l0.b);
    const H = zeros(5, X.cols);
    for (let k = 0; k < S.data.length; k++) {
      const i = k % 5;
      const sHat = (S.data[k] - stats[0].muAv.data[i]) / Math.sqrt(stats[0].vAv.data[i] + 1e-6);
      H.data[k] = Math.max(0, l0.gamma!.data[i] * sHat + l0.beta!.data[i]);
    }
    const O = affineOracle(l1.W, H, l1.b);
    for (let j = 0; j < X.cols; j++) {
      let z = 0;
      for (let i = 0; i < 3; i++) z += Math.exp(O.data[i + j * 3]);
      for (let i = 0; i < 3; i++) assert.ok(Math.abs(P.data[i + j * 3] - Math.exp(O.data[i + j * 3]) / z) < 1e-12, `P(${i}, ${j})`);
    }
    // eval output of a sample does not depend on the rest of the batch
    const one = mlpForward(params, columnsView(X, 4, 1), { mode: "eval", stats }).P;
    assertClose(one, columnsView(P, 4, 1), 1e-14, "eval column independence");
  });

  it("train mode returns moving averages α·μ_av + (1 − α)·μ of the batch statistics, leaving stats untouched", () => {
    const spec = smallSpec({ bnAlpha: 0.8 });
    const { params, stats } = initMlp(spec, createRng(4));
    stats[0].muAv.data.fill(0.25);
    const { nextStats } = mlpForward(params, X, { mode: "train", stats });
    const S = affineOracle(params.layers[0].W, X, params.layers[0].b);
    for (let i = 0; i < 8; i++) {
      let mu = 0;
      for (let j = 0; j < X.cols; j++) mu += S.data[i + j * 8] / X.cols;
      let v = 0;
      for (let j = 0; j < X.cols; j++) v += (S.data[i + j * 8] - mu) ** 2 / X.cols;
      assert.ok(Math.abs(nextStats[0].muAv.data[i] - (0.8 * 0.25 + 0.2 * mu)) < 1e-12, `muAv ${i}`);
      assert.ok(Math.abs(nextStats[0].vAv.data[i] - (0.8 * 1 + 0.2 * v)) < 1e-12, `vAv ${i}`);
    }
    assert.ok(
      stats[0].muAv.data.every((v) => v === 0.25),
      "stats not mutated",
    );
    assert.equal(mlpForward(params, X, { mode: "eval", stats }).nextStats, stats, "eval returns stats as they are");
  });

  it("determinism: same seeds give identical P and gradients (with dropout); another seed differs", () => {
    const spec = smallSpec({ dropout: 0.3 });
    const run = (seed: number): Float64Array[] => {
      const { params, stats } = initMlp(spec, createRng(seed));
      const f = mlpForward(params, X, { mode: "train", stats, rng: createRng(seed + 100) });
      const g = mlpBackward(params, f.cache, y, 0.01);
      return [f.P.data, ...f.nextStats.map((s) => s.muAv.data), ...gradEntries(g).map((e) => e.value.data)];
    };
    const [a, b, c] = [run(1), run(1), run(2)];
    a.forEach((arr, i) => assertSameBytes(arr, b[i], `array ${i}`));
    assert.ok(
      a[0].some((v, k) => v !== c[0][k]),
      "another seed gives other outputs",
    );
  });

  it("the cost's L2 term enters dW as 2λW (and not b, γ, β)", () => {
    const { params, stats } = initMlp(smallSpec(), createRng(5));
    const f = mlpForward(params, X, { mode: "train", stats });
    const g0 = gradEntries(mlpBackward(params, f.cache, y, 0));
    const g1 = gradEntries(mlpBackward(params, f.cache, y, 0.5));
    paramEntries(params).forEach((e, i) => {
      for (let k = 0; k < e.value.data.length; k++) {
        const want = g0[i].value.data[k] + (e.name === "W" ? 2 * 0.5 * e.value.data[k] : 0);
        assert.ok(Math.abs(g1[i].value.data[k] - want) < 1e-14, `layer ${e.layer} ${e.name} entry ${k}`);
      }
    });
    const { cost, loss } = mlpCost(params, f.P, y, 0.5);
    const sumW2 = params.layers.reduce((s, p) => s + p.W.data.reduce((t, w) => t + w * w, 0), 0);
    assert.ok(Math.abs(cost - loss - 0.5 * sumW2) < 1e-12, "cost = loss + λΣW²");
  });

  it("pluggable impls: a notebook's own pieces are called, and the library's composed path equals the fused one", () => {
    const { params, stats } = initMlp(smallSpec(), createRng(6));
    let calls = 0;
    const impl: Partial<LayerImpls> = {
      batchnormForward: (...args) => (calls++, batchnormForward(...args)),
      activationForward: (...args) => activationForward(...args),
      batchnormBackward: (dOut, cache, out) => batchnormBackward(dOut, cache, out),
    };
    const fused = mlpForward(params, X, { mode: "train", stats });
    const composed = mlpForward(params, X, { mode: "train", stats, impl });
    assert.equal(calls, 2, "one BN call per hidden layer");
    assertSameBytes(composed.P.data, fused.P.data, "P");
    const gf = gradEntries(mlpBackward(params, fused.cache, y, 0.1));
    const gc = gradEntries(mlpBackward(params, composed.cache, y, 0.1, { impl }));
    gf.forEach((e, i) => assertSameBytes(gc[i].value.data, e.value.data, `composed ${e.layer} ${e.name}`));
    const gs = gradEntries(mlpBackward(params, fused.cache, y, 0.1, { impl: { batchnormBackward: batchnormBackwardStaged } }));
    gf.forEach((e, i) => assertClose(gs[i].value, e.value, 1e-12, `staged BN ${e.layer} ${e.name}`));
  });
});
