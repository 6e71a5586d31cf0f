import { strict as assert } from "assert";
import { createRng, zeros } from "../../src/tensor";
import { affineForward, affineBackward } from "../../src/layers";
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

  it("mismatched shapes raise errors naming the shapes", () => {
    assert.throws(() => affineForward(randn(5, 6, rng), W, b), /affineForward: W is 3 × 4 but X is 5 × 6/);
    assert.throws(() => affineForward(X, W, zeros(4, 1)), /affineForward: b: expected shape 3 × 1, got 4 × 1/);
    assert.throws(() => affineBackward(zeros(3, 5), affineForward(X, W, b).cache), /affineBackward: dOut: expected shape 3 × 6/);
  });
});
