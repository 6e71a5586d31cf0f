import { strict as assert } from "assert";
import { createRng, filled } from "../../src/tensor";
import { dropoutForward, dropoutBackward } from "../../src/layers";
import { randn, assertSameBytes } from "./helpers";

describe("layers/dropout", () => {
  it("p is the drop probability: about p of the entries are zeroed, the rest scaled by 1/(1 − p)", () => {
    const X = filled(100, 100, 2);
    for (const p of [0.2, 0.5]) {
      const { out, cache } = dropoutForward(X, p, createRng(`drop-${p}`));
      let dropped = 0;
      for (let k = 0; k < out.data.length; k++) {
        if (out.data[k] === 0) dropped++;
        else assert.equal(out.data[k], 2 / (1 - p), `kept entry ${k}`);
        assert.equal(out.data[k], X.data[k] * cache.mask.data[k]);
      }
      // binomial(10,000, p): 6 standard deviations is at most 300
      assert.ok(Math.abs(dropped - p * 10000) < 300, `p = ${p}: dropped ${dropped} of 10,000`);
    }
  });

  it("backward multiplies by the same mask; p = 0 is the identity", () => {
    const rng = createRng("drop-back");
    const X = randn(5, 6, rng);
    const { cache } = dropoutForward(X, 0.5, rng);
    const dOut = randn(5, 6, rng);
    const dX = dropoutBackward(dOut, cache);
    for (let k = 0; k < dX.data.length; k++) assert.equal(dX.data[k], dOut.data[k] * cache.mask.data[k]);
    assertSameBytes(dropoutForward(X, 0, rng).out.data, X.data, "p = 0");
  });

  it("the same seed gives the same mask; another seed differs", () => {
    const X = filled(10, 10, 1);
    const a = dropoutForward(X, 0.5, createRng(1)).cache.mask;
    const b = dropoutForward(X, 0.5, createRng(1)).cache.mask;
    const c = dropoutForward(X, 0.5, createRng(2)).cache.mask;
    assertSameBytes(a.data, b.data, "same seed");
    assert.ok(
      a.data.some((v, k) => v !== c.data[k]),
      "another seed gives another mask",
    );
  });

  it("p outside [0, 1) raises a clear error", () => {
    const X = filled(2, 2, 1);
    assert.throws(() => dropoutForward(X, 1, createRng(1)), /dropout p \(drop probability\) must be in \[0, 1\), got 1/);
    assert.throws(() => dropoutForward(X, -0.1, createRng(1)), /got -0.1/);
  });
});
