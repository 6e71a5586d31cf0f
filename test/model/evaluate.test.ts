import { strict as assert } from "assert";
import { createRng, argmaxColumns } from "../../src/tensor";
import { initMlp, mlpForward, mlpCost, evaluateMlp } from "../../src/model";
import { smallSpec, tinySet } from "./fixtures";

describe("model/evaluateMlp", () => {
  const { X, y } = tinySet(6, 45, 3, "eval");
  const { params, stats } = initMlp(smallSpec(), createRng(8));
  stats[1].muAv.data.fill(0.3);

  it("equals one eval-mode forward pass: cost, loss and accuracy", () => {
    const { P } = mlpForward(params, X, { mode: "eval", stats });
    const { cost, loss } = mlpCost(params, P, y, 0.02);
    const pred = argmaxColumns(P);
    const accuracy = pred.reduce((s, c, j) => s + (c === y[j] ? 1 : 0), 0) / 45;
    const e = evaluateMlp(params, stats, X, y, 0.02);
    assert.ok(Math.abs(e.loss - loss) < 1e-12 && Math.abs(e.cost - cost) < 1e-12, `loss ${e.loss} vs ${loss}`);
    assert.equal(e.accuracy, accuracy);
  });

  it("chunking does not change the result", () => {
    const whole = evaluateMlp(params, stats, X, y, 0.02);
    const chunked = evaluateMlp(params, stats, X, y, 0.02, { chunkSize: 7 });
    assert.ok(Math.abs(whole.loss - chunked.loss) < 1e-12);
    assert.equal(whole.accuracy, chunked.accuracy);
  });

  it("the lean pass gives the bits of mlpForward (taken with an impl override) for every BN placement and activation", () => {
    const data = tinySet(6, 45, 3, "eval-bits");
    for (const batchNorm of ["before", "after", "off"] as const) {
      for (const name of ["relu", "tanh", "elu"] as const) {
        const net = initMlp(smallSpec({ batchNorm, activation: { name } }), createRng(`bits-${batchNorm}-${name}`));
        for (const s of net.stats) {
          s.muAv.data.fill(0.1);
          s.vAv.data.fill(2.5);
        }
        const lean = evaluateMlp(net.params, net.stats, data.X, data.y, 0.01, { chunkSize: 20 });
        const reference = evaluateMlp(net.params, net.stats, data.X, data.y, 0.01, { chunkSize: 20, impl: {} });
        assert.deepEqual(lean, reference, `${batchNorm} ${name}`);
      }
    }
  });

  it("non-finite input raises the forward pass's error", () => {
    const bad = { rows: X.rows, cols: X.cols, data: X.data.slice() };
    bad.data[3 + 5 * 6] = NaN;
    assert.throws(() => evaluateMlp(params, stats, bad, y, 0), /mlpForward: input X: non-finite value NaN at \(3, 5\)/);
  });

  it("bad input raises clear errors", () => {
    assert.throws(() => evaluateMlp(params, stats, X, y, -1), /evaluateMlp: lambda \(L2 weight\) must be a finite number ≥ 0, got -1/);
    assert.throws(() => evaluateMlp(params, stats, X, y.subarray(0, 10), 0), /evaluateMlp: 10 labels for 45 samples/);
    assert.throws(
      () =>
        evaluateMlp(
          params,
          stats,
          X,
          Int32Array.from(y, () => 3),
          0,
        ),
      /evaluateMlp: label y\[0\] = 3 out of range 0…2/,
    );
    assert.throws(() => evaluateMlp(params, stats, X, y, 0, { chunkSize: 0 }), /chunkSize must be a positive integer/);
  });
});
