import { strict as assert } from "assert";
import { availableKernels, createRng, fromData, loadNativeAddon, Matrix, tsBlockedKernel, zeros } from "../../src/tensor";
import { withKernel } from "../tensor/with-kernel";
import { batchnormActivationBackward, batchnormActivationForward, batchnormForward, BnMode } from "../../src/layers";

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
describe("model/native element-wise passes", () => {
  const natives = availableKernels().filter((k) => k.elementOps);

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
          assert.equal(kernel.elementOps!.biasBnRelu(plain.subarray(3), m, n, bias, mu, inv, gamma, beta), true, kernel.name);
          assert.ok(sameValues(plain.subarray(3), want), `${kernel.name} ${m} × ${n}`);
          const odd = S.slice();
          assert.equal(kernel.elementOps!.biasBnRelu(odd.subarray(3), m, n, bias, mu, inv, gamma, beta), okSpecial, `${kernel.name} flag with ${special}`);
          assert.ok(sameValues(odd.subarray(3), wantSpecial), `${kernel.name} ${m} × ${n} with ${special}`);
        }
      }
      assert.ok(Object.is(Math.max(-0, 0), 0), "the case the −0 row checks");
    }
  });

  it("biasBnRelu refuses arrays shorter than the shape, naming the argument", function () {
    if (natives.length === 0) this.skip();
    const five = new Float64Array(5);
    assert.throws(() => natives[0].elementOps!.biasBnRelu(new Float64Array(9), 5, 2, five, five, five, five, five), /biasBnRelu: S has 9 values, needs 10/);
    assert.throws(
      () => natives[0].elementOps!.biasBnRelu(new Float64Array(10), 5, 2, five, five, new Float64Array(4), five, five),
      /biasBnRelu: inv has 4 values, needs 5/,
    );
  });

  /**
   * Every array BN + ReLU produces, forward and backward (train: batch statistics; eval: moving
   * averages), for one input; `inPlace`: the backward pass writes dS over dOut.
   */
  function bnPasses(S: Matrix, gamma: Matrix, beta: Matrix, dOut: Matrix, mode: BnMode, inPlace: boolean): Float64Array[] {
    const m = S.rows;
    const stats = {
      muAv: fromData(
        m,
        1,
        gamma.data.map((x) => x / 3),
      ),
      vAv: fromData(
        m,
        1,
        beta.data.map((x) => x * x + 0.5),
      ),
    };
    const f = batchnormActivationForward(S, gamma, beta, { name: "relu" }, { mode, stats });
    const d = dOut.data.slice();
    const dOutCopy = fromData(m, S.cols, d);
    const b = batchnormActivationBackward(dOutCopy, f.bn, f.activation, inPlace ? { dS: dOutCopy } : {});
    const plain = batchnormForward(S, gamma, beta, { mode, stats, alpha: 0.8 });
    return [
      f.out.data,
      f.bn.SHat.data,
      f.activation.S.data,
      f.bn.mu.data,
      f.bn.v.data,
      f.bn.invStd.data,
      f.nextStats.muAv.data,
      f.nextStats.vAv.data,
      b.dS.data,
      b.dGamma.data,
      b.dBeta.data,
      plain.out.data,
      plain.cache.SHat.data,
      plain.nextStats.vAv.data,
    ];
  }

  it("BN + ReLU forward and backward, and BN alone: the TypeScript bits on every native kernel", function () {
    if (natives.length === 0) {
      console.log("      (skipped: the native addon is not built here)");
      this.skip();
    }
    const rng = createRng("bn-ops");
    let compared = 0;
    for (const [m, n] of [
      [50, 100],
      [10, 100],
      [7, 3],
      [1, 1],
      [13, 17],
      [3, 2],
    ]) {
      const S = fromData(
        m,
        n,
        new Float64Array(m * n).map(() => rng.normal() * 3 + 1),
      );
      for (let j = 0; j < n; j++) S.data[j * m] = 0.25; // row 0 constant: v = 0, SHat = 0
      if (m > 2 && n > 1) S.data[m + 2] = -0;
      const gamma = fromData(
        m,
        1,
        new Float64Array(m).map(() => rng.normal()),
      );
      const beta = fromData(
        m,
        1,
        new Float64Array(m).map(() => rng.normal()),
      );
      if (m > 1) beta.data[1] = -0;
      const dOut = fromData(
        m,
        n,
        new Float64Array(m * n).map(() => rng.normal()),
      );
      for (const mode of ["train", "eval"] as const) {
        for (const inPlace of [false, true]) {
          const want = withKernel(tsBlockedKernel, () => bnPasses(S, gamma, beta, dOut, mode, inPlace));
          for (const kernel of natives) {
            const got = withKernel(kernel, () => bnPasses(S, gamma, beta, dOut, mode, inPlace));
            got.forEach((a, k) => assert.ok(sameValues(a, want[k]), `${kernel.name} ${m} × ${n} ${mode}${inPlace ? " in place" : ""}: array ${k}`));
            compared++;
          }
        }
      }
    }
    assert.ok(compared >= 24);
  });

  it("NaN and ±∞ in S stay where the TypeScript passes put them", function () {
    if (natives.length === 0) this.skip();
    const m = 5;
    const n = 4;
    for (const special of [NaN, Infinity, -Infinity]) {
      const S = fromData(
        m,
        n,
        Float64Array.from({ length: m * n }, (_, k) => (k % 7) - 3),
      );
      S.data[6] = special;
      const gamma = fromData(m, 1, new Float64Array([1, 2, -1, 0.5, 3]));
      const beta = fromData(m, 1, new Float64Array([0, -1, 1, 0.25, -0]));
      const dOut = fromData(
        m,
        n,
        Float64Array.from({ length: m * n }, (_, k) => k / 10 - 1),
      );
      const want = withKernel(tsBlockedKernel, () => bnPasses(S, gamma, beta, dOut, "train", false));
      for (const kernel of natives) {
        const got = withKernel(kernel, () => bnPasses(S, gamma, beta, dOut, "train", false));
        got.forEach((a, k) => assert.ok(sameValues(a, want[k]), `${kernel.name} with ${special}: array ${k}`));
      }
    }
  });

  it("buffers that overlap run the TypeScript loops (the native passes assume none do)", function () {
    if (natives.length === 0) this.skip();
    const rng = createRng("bn-ops-overlap");
    const m = 6;
    const n = 5;
    const S = fromData(
      m,
      n,
      new Float64Array(m * n).map(() => rng.normal()),
    );
    const gamma = fromData(m, 1, new Float64Array(m).fill(1.5));
    const beta = fromData(m, 1, new Float64Array(m).fill(-0.25));
    const run = (): Float64Array => {
      const shared = zeros(m, n); // bnOut and H in one buffer: H overwrites the BN output
      const f = batchnormActivationForward(
        S,
        gamma,
        beta,
        { name: "relu" },
        { mode: "train", stats: { muAv: zeros(m, 1), vAv: zeros(m, 1) }, bnOut: shared, out: shared },
      );
      return f.out.data.slice();
    };
    const want = withKernel(tsBlockedKernel, run);
    for (const kernel of natives) assert.ok(sameValues(withKernel(kernel, run), want), kernel.name);
  });

  it("the BN passes refuse short arrays, n = 0 and wrong types, naming the argument", function () {
    if (natives.length === 0) this.skip();
    const ops = natives[0].elementOps!;
    const five = new Float64Array(5);
    const ten = new Float64Array(10);
    assert.throws(() => ops.bnRowStats(new Float64Array(9), 5, 2, five, five), /bnRowStats: S has 9 values, needs 10/);
    assert.throws(() => ops.bnRowStats(ten, 5, 2, five, new Float64Array(4)), /bnRowStats: v has 4 values, needs 5/);
    assert.throws(() => ops.bnRowStats(ten, 5, 0, five, five), /bnRowStats: n must be at least 1/);
    assert.throws(() => ops.bnNormalize(ten, 5, 2, five, five, five, five, ten, new Float64Array(8), null), /bnNormalize: out has 8 values, needs 10/);
    assert.throws(
      () => ops.bnNormalize(ten, 5, 2, five, five, five, five, ten, ten, [] as unknown as Float64Array),
      /bnNormalize: argument H must be a Float64Array or null/,
    );
    assert.throws(() => ops.bnReluBackward(ten, ten, ten, five, five, 5, 2.5, ten, five, five), /bnReluBackward: argument n must be an integer in range/);
    const addon = loadNativeAddon();
    const loose = addon.bnReluBackward as (...args: unknown[]) => void;
    assert.throws(() => loose(0, ten, ten, ten, five, five, 5, 2, ten, five), /bnReluBackward: expected 11 arguments, got 10/);
    const variants = addon.variants().length;
    assert.throws(
      () => addon.bnRowStats!(variants, ten, 5, 2, five, five),
      new RegExp(`bnRowStats: argument variant must be the index of a variant this CPU runs \\(0 … ${variants - 1}\\)`),
    );
  });
});
