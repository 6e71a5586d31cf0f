import { strict as assert } from "assert";
import { createMomentumSgd } from "../../src/train";
import { fromData } from "../../src/tensor";

describe("train/optimizer", () => {
  it("momentum follows v ← μv + ηg, θ ← θ − v on f(θ) = ½·a·θ² (scalar recurrence by hand)", () => {
    const a = [2, 0.5];
    const theta = fromData(2, 1, new Float64Array([1, -3]));
    const g = fromData(2, 1, new Float64Array(2));
    const mu = 0.9;
    const opt = createMomentumSgd([theta], mu);
    // the hand-computed recurrence, one scalar per coordinate
    const th = [1, -3];
    const v = [0, 0];
    for (let t = 0; t < 25; t++) {
      const eta = 0.1 / (1 + t); // a changing learning rate, as with a schedule
      for (let i = 0; i < 2; i++) g.data[i] = a[i] * theta.data[i];
      opt.step([g], eta);
      for (let i = 0; i < 2; i++) {
        v[i] = mu * v[i] + eta * a[i] * th[i];
        th[i] = th[i] - v[i];
        assert.equal(theta.data[i], th[i], `step ${t}, coordinate ${i}`);
        assert.equal(opt.velocities[0][i], v[i], `velocity at step ${t}, coordinate ${i}`);
      }
    }
  });

  it("μ = 0 is plain gradient descent without velocity buffers", () => {
    const theta = fromData(1, 3, new Float64Array([1, 2, 3]));
    const g = fromData(1, 3, new Float64Array([0.5, -1, 2]));
    const opt = createMomentumSgd([theta], 0);
    opt.step([g], 0.1);
    assert.deepEqual(Array.from(theta.data), [1 - 0.1 * 0.5, 2 + 0.1, 3 - 0.1 * 2]);
    assert.equal(opt.velocities.length, 0);
  });

  it("momentum with a constant gradient approaches the geometric series η·g/(1 − μ) per step", () => {
    const theta = fromData(1, 1, new Float64Array([0]));
    const g = fromData(1, 1, new Float64Array([1]));
    const opt = createMomentumSgd([theta], 0.5);
    for (let t = 1; t <= 60; t++) opt.step([g], 0.1);
    // v_t = η·(1 − μ^t)/(1 − μ) → 0.2
    assert.ok(Math.abs(opt.velocities[0][0] - 0.2) < 1e-15);
  });

  it("rejects μ outside [0, 1) and mismatched gradients", () => {
    assert.throws(() => createMomentumSgd([], 1), /μ in \[0, 1\), got 1/);
    const opt = createMomentumSgd([fromData(1, 1, new Float64Array(1))], 0.9);
    assert.throws(() => opt.step([], 0.1), /0 gradients for 1 parameters/);
  });
});
