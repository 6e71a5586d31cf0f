import { strict as assert } from "assert";
import { clone, createRng, zeros } from "../../src/tensor";
import { affineForward, affineBackward, affineBackwardDescend } from "../../src/layers";
import { numericalGradient } from "../../src/gradcheck";
import { randn, dot, assertClose } from "./helpers";

describe("layers/affine", () => {
  const rng = createRng("affine");
  const X = randn(4, 6, rng);
  const W = randn(3, 4, rng);
  const b = randn(3, 1, rng);

  it("forward is S(i, j) = Σ_k W(i, k)·X(k, j) + b(i)", () => {
    const { out } = affineForward(X, W, b);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 6; j++) {
        let s = b.data[i];
        for (let k = 0; k < 4; k++) s += W.data[i + k * 3] * X.data[k + j * 4];
        assert.ok(Math.abs(out.data[i + j * 3] - s) < 1e-12, `affineForward (${i}, ${j})`);
      }
    }
  });

  it("backward matches centered differences of Σ S ⊙ R for X, W and b", () => {
    const R = randn(3, 6, rng);
    const f = (): number => dot(affineForward(X, W, b).out, R);
    const g = affineBackward(R, affineForward(X, W, b).cache);
    assertClose(g.dW, numericalGradient(f, W, 1e-6), 1e-8, "affineBackward dW");
    assertClose(g.db, numericalGradient(f, b, 1e-6), 1e-8, "affineBackward db");
    assertClose(g.dX!, numericalGradient(f, X, 1e-6), 1e-8, "affineBackward dX");
  });

  it("needDX: false skips dX; preallocated outputs are used", () => {
    const dW = zeros(3, 4);
    const g = affineBackward(randn(3, 6, rng), affineForward(X, W, b).cache, { needDX: false, dW });
    assert.equal(g.dX, undefined);
    assert.equal(g.dW, dW);
  });

  it("decay adds decay·W to dW (folded into the product), leaving db and dX alone", () => {
    const R = randn(3, 6, rng);
    const { cache } = affineForward(X, W, b);
    const plain = affineBackward(R, cache);
    const decayed = affineBackward(R, cache, { decay: 0.3, dW: zeros(3, 4) });
    for (let k = 0; k < 12; k++) assert.ok(Math.abs(decayed.dW.data[k] - (plain.dW.data[k] + 0.3 * W.data[k])) < 1e-14, `dW ${k}`);
    assert.deepEqual(decayed.db.data, plain.db.data);
    assert.deepEqual(decayed.dX!.data, plain.dX!.data);
  });

  it("affineBackwardDescend: dX with the old W, then b ← b − η·db and W ← (1 − 2λη)·W − η·dOut·Xᵀ, bit for bit", () => {
    const dOut = randn(3, 6, rng);
    const [eta, lambda] = [0.05, 0.01];
    const W1 = clone(W);
    const b1 = clone(b);
    const dX = affineBackwardDescend(dOut, { X, W: W1 }, { eta, lambda, b: b1 })!;
    for (let i = 0; i < 3; i++) {
      let db = 0;
      for (let j = 0; j < 6; j++) db += dOut.data[i + j * 3];
      assert.equal(b1.data[i], b.data[i] - eta * db, `b(${i})`);
      for (let k = 0; k < 4; k++) {
        let s = 0; // the shared arithmetic: s ← s + g·x in order, then (alpha·s) + (beta·w)
        for (let j = 0; j < 6; j++) s += dOut.data[i + j * 3] * X.data[k + j * 4];
        assert.equal(W1.data[i + k * 3], -eta * s + (1 - 2 * lambda * eta) * W.data[i + k * 3], `W(${i}, ${k})`);
      }
    }
    for (let k = 0; k < 4; k++) {
      for (let j = 0; j < 6; j++) {
        let s = 0;
        for (let i = 0; i < 3; i++) s += W.data[i + k * 3] * dOut.data[i + j * 3];
        assert.equal(dX.data[k + j * 4], s, `dX(${k}, ${j}) uses the W before the update`);
      }
    }
    const noBias = clone(W);
    assert.equal(affineBackwardDescend(dOut, { X, W: noBias }, { eta, lambda, needDX: false }), undefined);
  });

  it("mismatched shapes raise errors naming the shapes", () => {
    assert.throws(() => affineForward(randn(5, 6, rng), W, b), /affineForward: W is 3 × 4 but X is 5 × 6/);
    assert.throws(() => affineForward(X, W, zeros(4, 1)), /affineForward: b: expected shape 3 × 1, got 4 × 1/);
    assert.throws(() => affineBackward(zeros(3, 5), affineForward(X, W, b).cache), /affineBackward: dOut: expected shape 3 × 6/);
  });
});
