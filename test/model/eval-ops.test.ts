import { strict as assert } from "assert";
import { availableKernels, createRng } from "../../src/tensor";

/** The TypeScript pass of src/model/infer.ts's biasBnRelu, written out: the reference bits. */
function reference(S: Float64Array, m: number, n: number, b: Float64Array, mu: Float64Array, inv: Float64Array, g: Float64Array, be: Float64Array): boolean {
  let bad = 0;
  for (let o = 0; o < m * n; o += m) {
    for (let i = 0; i < m; i++) {
      const s = S[o + i] + b[i];
      bad += s - s;
      S[o + i] = Math.max(g[i] * ((s - mu[i]) * inv[i]) + be[i], 0);
    }
  }
  return bad === 0;
}

/**
 * Equal bits, except that any NaN equals any NaN: a NaN's payload is not part of the contract (V8's
 * own Math.max(NaN, 0) gives 0xfff8… in its interpreter and passes a 0x7ff8… NaN through once
 * optimized). Object.is tells −0 from +0.
 */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, k) => Object.is(x, b[k]));
}

/**
 * The native evaluation pass (bias + BN + ReLU in one) gives the bits of the TypeScript pass on
 * every native kernel: ordinary values, ±∞, −0 (Math.max(−0, 0) is +0), and NaN where it was NaN.
 */
describe("model/native evaluation passes", () => {
  const natives = availableKernels().filter((k) => k.evalOps);

  it("biasBnRelu: the TypeScript bits, on a subarray too, and the finite flag", function () {
    if (natives.length === 0) {
      console.log("      (skipped: the native addon is not built here)");
      this.skip();
    }
    const rng = createRng("eval-ops");
    for (const [m, n] of [
      [50, 2000],
      [7, 3],
      [1, 1],
      [13, 17],
    ]) {
      const row = (f: () => number): Float64Array => Float64Array.from({ length: m }, f);
      const bias = row(() => rng.normal());
      const mu = row(() => rng.normal());
      const inv = row(() => 1 / Math.sqrt(rng.uniform() + 1e-5));
      const gamma = row(() => rng.normal());
      const beta = row(() => rng.normal());
      gamma[0] = 0; // 0·x + (−0) = −0 … when β is −0
      beta[0] = -0;
      const S0 = new Float64Array(m * n + 3).map(() => rng.normal());
      for (const special of [NaN, Infinity, -Infinity]) {
        const S = S0.slice();
        const want = S.slice(3);
        const ok = reference(want, m, n, bias, mu, inv, gamma, beta);
        assert.equal(ok, true);
        if (m * n > 4) S[3 + 4] = special;
        const wantSpecial = S.slice(3);
        const okSpecial = reference(wantSpecial, m, n, bias, mu, inv, gamma, beta);
        for (const kernel of natives) {
          const plain = S0.slice();
          assert.equal(kernel.evalOps!.biasBnRelu(plain.subarray(3), m, n, bias, mu, inv, gamma, beta), true, kernel.name);
          assert.ok(sameValues(plain.subarray(3), want), `${kernel.name} ${m} × ${n}`);
          const odd = S.slice();
          assert.equal(kernel.evalOps!.biasBnRelu(odd.subarray(3), m, n, bias, mu, inv, gamma, beta), okSpecial, `${kernel.name} flag with ${special}`);
          assert.ok(sameValues(odd.subarray(3), wantSpecial), `${kernel.name} ${m} × ${n} with ${special}`);
        }
      }
      assert.ok(Object.is(Math.max(-0, 0), 0), "the case the −0 row checks");
    }
  });

  it("biasBnRelu refuses arrays shorter than the shape, naming the argument", function () {
    if (natives.length === 0) this.skip();
    const five = new Float64Array(5);
    assert.throws(() => natives[0].evalOps!.biasBnRelu(new Float64Array(9), 5, 2, five, five, five, five, five), /biasBnRelu: S has 9 values, needs 10/);
    assert.throws(
      () => natives[0].evalOps!.biasBnRelu(new Float64Array(10), 5, 2, five, five, new Float64Array(4), five, five),
      /biasBnRelu: inv has 4 values, needs 5/,
    );
  });
});
