import { strict as assert } from "assert";
import { createRng, fromRows, zeros } from "../../src/tensor";
import { softmax, crossEntropyLoss, softmaxCrossEntropyBackward, l2Penalty } from "../../src/layers";
import { numericalGradient } from "../../src/gradcheck";
import { randn, assertClose } from "./helpers";

describe("layers/softmax-ce", () => {
  const rng = createRng("softmax");
  const S = randn(5, 6, rng, 3);
  const y = Int32Array.from([0, 4, 2, 2, 1, 3]);

  it("softmax is exp(s)/Σexp(s) per column and stays finite for huge scores", () => {
    const P = softmax(S);
    for (let j = 0; j < 6; j++) {
      let z = 0;
      for (let i = 0; i < 5; i++) z += Math.exp(S.data[i + j * 5]);
      for (let i = 0; i < 5; i++) assert.ok(Math.abs(P.data[i + j * 5] - Math.exp(S.data[i + j * 5]) / z) < 1e-15);
    }
    const big = softmax(fromRows([[1000], [1001]]));
    assert.ok(Math.abs(big.data[1] - 1 / (1 + Math.exp(-1))) < 1e-15, "shifted by the column maximum");
  });

  it("cross-entropy is −(1/n)·Σ log P(y_j, j)", () => {
    const P = softmax(S);
    let want = 0;
    for (let j = 0; j < 6; j++) want -= Math.log(P.data[y[j] + j * 5]) / 6;
    assert.ok(Math.abs(crossEntropyLoss(P, y) - want) < 1e-14);
  });

  it("G = (P − Y)/n matches centered differences of the mean loss w.r.t. S", () => {
    const f = (): number => crossEntropyLoss(softmax(S), y);
    assertClose(softmaxCrossEntropyBackward(softmax(S), y), numericalGradient(f, S, 1e-6), 1e-8, "softmax-CE backward");
  });

  it("l2Penalty is λ·Σ‖W‖²", () => {
    const W1 = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const W2 = fromRows([[0.5]]);
    assert.ok(Math.abs(l2Penalty([W1, W2], 0.1) - 0.1 * (1 + 4 + 9 + 16 + 0.25)) < 1e-15);
    assert.equal(l2Penalty([W1], 0), 0);
  });

  it("labels out of range, a wrong label count and λ < 0 raise clear errors", () => {
    const P = softmax(S);
    assert.throws(() => crossEntropyLoss(P, Int32Array.from([0, 5, 0, 0, 0, 0])), /crossEntropyLoss: label y\[1\] = 5 out of range 0…4/);
    assert.throws(() => softmaxCrossEntropyBackward(P, Int32Array.from([0, 0, -1, 0, 0, 0])), /label y\[2\] = -1 out of range/);
    assert.throws(() => crossEntropyLoss(P, Int32Array.from([0, 1])), /2 labels for 6 samples/);
    assert.throws(() => l2Penalty([zeros(1, 1)], -0.01), /lambda \(L2 weight\) must be a finite number ≥ 0, got -0.01/);
  });
});
