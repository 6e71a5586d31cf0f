import { strict as assert } from "assert";
import { applyNoise } from "../../src/train";
import { createRng, fromData } from "../../src/tensor";

function batch(d: number, n: number, seed: string): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: d * n }, () => 3 + 2 * rng.normal());
}

describe("train/noise", () => {
  it("gaussian noise adds σ·N(0,1) from the given generator, element by element", () => {
    const X0 = batch(5, 4, "x");
    const X = fromData(5, 4, X0.slice());
    applyNoise(X, { kind: "gaussian", sigma: 0.01 }, createRng("n"));
    const oracle = createRng("n");
    for (let k = 0; k < X0.length; k++) assert.equal(X.data[k], X0[k] + 0.01 * oracle.normal(), `entry ${k}`);
  });

  it("relative gaussian noise scales σ by the batch's own standard deviation", () => {
    const X0 = batch(50, 40, "x");
    const mean = X0.reduce((s, v) => s + v, 0) / X0.length;
    const std = Math.sqrt(X0.reduce((s, v) => s + (v - mean) ** 2, 0) / X0.length);
    const X = fromData(50, 40, X0.slice());
    applyNoise(X, { kind: "gaussian", sigma: 0.1, relative: true }, createRng("n"));
    const oracle = createRng("n");
    for (let k = 0; k < X0.length; k++) {
      const want = X0[k] + 0.1 * std * oracle.normal();
      assert.ok(Math.abs(X.data[k] - want) < 1e-12, `entry ${k}`);
    }
  });

  it("relative noise is σ × the batch's standard deviation, not × its variance (seed 004's \"standard variance\")", () => {
    // entries 3 + 2·N(0, 1): std ≈ 2, variance ≈ 4; the added noise must have std ≈ 0.1 · 2 = 0.2, not 0.4
    const X0 = batch(100, 100, "spread");
    const X = fromData(100, 100, X0.slice());
    applyNoise(X, { kind: "gaussian", sigma: 0.1, relative: true }, createRng("n"));
    const added = X0.map((v, k) => X.data[k] - v);
    const mean = added.reduce((s, v) => s + v, 0) / added.length;
    const std = Math.sqrt(added.reduce((s, v) => s + (v - mean) ** 2, 0) / added.length);
    assert.ok(Math.abs(std - 0.2) < 0.01, `std of the added noise ${std}, expected ≈ 0.2`);
  });

  it("salt & pepper replaces about the given fraction by the batch min/max, half each", () => {
    const X0 = batch(100, 100, "x");
    const min = X0.reduce((a, b) => Math.min(a, b));
    const max = X0.reduce((a, b) => Math.max(a, b));
    const X = fromData(100, 100, X0.slice());
    applyNoise(X, { kind: "saltPepper", fraction: 0.2 }, createRng("sp"));
    let lows = 0;
    let highs = 0;
    let changed = 0;
    for (let k = 0; k < X0.length; k++) {
      if (X.data[k] !== X0[k]) changed++;
      if (X.data[k] === min && X0[k] !== min) lows++;
      else if (X.data[k] === max && X0[k] !== max) highs++;
      else assert.ok(X.data[k] === X0[k] || X.data[k] === min || X.data[k] === max, `entry ${k} is neither kept nor min/max`);
    }
    // 10,000 Bernoulli(0.2) trials: mean 2,000, std 40; allow 5 std
    assert.ok(Math.abs(changed - 2000) < 200, `changed ${changed}`);
    assert.ok(Math.abs(lows - 1000) < 160 && Math.abs(highs - 1000) < 160, `lows ${lows}, highs ${highs}`);
  });

  it("explicit low/high values are used as given", () => {
    const X = fromData(10, 10, new Float64Array(100).fill(0.5));
    applyNoise(X, { kind: "saltPepper", fraction: 1, low: -1, high: 1 }, createRng("sp"));
    assert.ok(X.data.every((v) => v === -1 || v === 1));
  });
});
