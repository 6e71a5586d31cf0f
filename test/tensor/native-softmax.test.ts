import { strict as assert } from "assert";
import { availableKernels, createRng, fromData, tsBlockedKernel } from "../../src/tensor";
import { withKernel } from "./with-kernel";
import { softmax } from "../../src/layers";

/** Equal bits, any NaN equal to any NaN (a NaN's payload is not part of the contract); −0 ≠ +0. */
function sameValue(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

function firstDifference(got: Float64Array, want: Float64Array): string | undefined {
  for (let k = 0; k < want.length; k++) {
    if (!sameValue(got[k], want[k])) return `at ${k}: got ${got[k]}, want ${want[k]}`;
  }
  return undefined;
}

/** A double from two random 32-bit halves: every exponent, sign and NaN payload equally likely. */
function randomBits(rng: ReturnType<typeof createRng>): number {
  const words = new Uint32Array(2);
  words[0] = Math.floor(rng.uniform() * 2 ** 32);
  words[1] = Math.floor(rng.uniform() * 2 ** 32);
  return new Float64Array(words.buffer)[0];
}

/** Math.exp's arguments worth checking: each branch of the algorithm, its boundaries, and random values. */
function expArguments(): Float64Array {
  const rng = createRng("js-exp");
  const x: number[] = [NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE];
  const ln2 = Math.LN2;
  // the branch boundaries: |x| = ln2/2, 1.5·ln2, 2^−28, the overflow and underflow thresholds
  for (const edge of [ln2 / 2, 1.5 * ln2, 2 ** -28, 709.782712893384, 745.1332191019411, 708.3964185322641, 1, 2, 700]) {
    for (const sign of [1, -1]) {
      let v = sign * edge;
      for (let s = 0; s < 40; s++) {
        x.push(v);
        v = sign > 0 ? nextUp(v) : -nextUp(-v);
      }
      v = sign * edge;
      for (let s = 0; s < 40; s++) {
        v = sign > 0 ? nextDown(v) : -nextDown(-v);
        x.push(v);
      }
    }
  }
  for (let k = 0; k < 50000; k++) {
    x.push(randomBits(rng)); // mostly huge or tiny: the special branches
    x.push((rng.uniform() - 0.5) * 1500); // overflow, underflow, subnormal results, the general branch
    x.push(-rng.uniform() * 40); // the softmax's arguments: s − max ≤ 0
    x.push((rng.uniform() - 0.5) * 3); // k = 0 and k = ±1
  }
  return Float64Array.from(x);
}

function nextUp(v: number): number {
  const f = new Float64Array([v]);
  const b = new BigInt64Array(f.buffer);
  b[0] += v >= 0 ? 1n : -1n;
  return f[0];
}

function nextDown(v: number): number {
  const f = new Float64Array([v]);
  const b = new BigInt64Array(f.buffer);
  b[0] += v > 0 ? -1n : 1n;
  return f[0];
}

describe("tensor/native exp and softmax (JavaScript's bits)", () => {
  const natives = availableKernels().filter((k) => k.elementOps);
  before(function () {
    if (natives.length === 0) {
      console.log("      (skipped: the native addon is not built here)");
      this.skip();
    }
  });

  it("exp gives Math.exp's bits on every native kernel, over the whole double range, in place too", () => {
    const x = expArguments();
    const want = x.map((v) => Math.exp(v));
    // the arguments reach every branch: overflow to +∞, underflow to +0, subnormal results, 1 + x
    assert.ok(want.some((v) => v === Infinity) && want.some((v) => v === 0) && want.some((v) => v > 0 && v < 2 ** -1022));
    for (const kernel of natives) {
      const y = new Float64Array(x.length);
      kernel.elementOps!.exp(x, x.length, 1, y);
      assert.equal(firstDifference(y, want), undefined, kernel.name);
      const inPlace = x.slice();
      kernel.elementOps!.exp(inPlace, 1, x.length, inPlace);
      assert.equal(firstDifference(inPlace, want), undefined, `${kernel.name} in place`);
    }
  });

  it("softmax gives the TypeScript loop's bits on every native kernel: wide, tiny, special and one-class columns", () => {
    const rng = createRng("native-softmax");
    for (const [K, n] of [
      [10, 2000],
      [1, 5],
      [37, 41],
      [3, 1],
    ]) {
      const s = Float64Array.from({ length: K * n }, () => rng.normal() * 8);
      if (K > 1) {
        for (let i = 0; i < K; i++) s[i] = -800 * i; // e underflows to 0 and to subnormals
        s[K + 1] = NaN;
        s[2 * K] = Infinity; // Inf − Inf = NaN for it, −∞ for the others
        if (n > 3) s[3 * K] = -Infinity;
        if (n > 4) for (let i = 0; i < K; i++) s[4 * K + i] = -Infinity; // max = −∞: all NaN
      }
      const S = fromData(K, n, s);
      const want = withKernel(tsBlockedKernel, () => softmax(S).data);
      assert.equal(tsBlockedKernel.elementOps, undefined, "the reference is the TypeScript loop");
      for (const kernel of natives) {
        const got = withKernel(kernel, () => softmax(S).data);
        assert.equal(firstDifference(got, want), undefined, `${kernel.name} ${K} × ${n}`);
        const inPlace = fromData(K, n, s.slice());
        withKernel(kernel, () => softmax(inPlace, inPlace));
        assert.equal(firstDifference(inPlace.data, want), undefined, `${kernel.name} ${K} × ${n} in place`);
      }
    }
  });

  it("overlapping but different buffers run the TypeScript loop, with its bits", () => {
    const rng = createRng("softmax-overlap");
    const K = 4;
    const n = 6;
    const buffer = Float64Array.from({ length: K * (n + 1) }, () => rng.normal());
    const run = (): Float64Array => {
      const data = buffer.slice();
      // P starts one column after S: writing column j of P overwrites column j + 1 of S
      softmax(fromData(K, n, data.subarray(0, K * n)), fromData(K, n, data.subarray(K)));
      return data;
    };
    const want = withKernel(tsBlockedKernel, run);
    for (const kernel of natives) assert.equal(firstDifference(withKernel(kernel, run), want), undefined, kernel.name);
  });

  it("refuses short arrays and wrong types, naming the argument", () => {
    const ops = natives[0].elementOps!;
    const ten = new Float64Array(10);
    assert.throws(() => ops.softmax(ten, 5, 3, new Float64Array(15)), /softmax: S has 10 values, needs 15/);
    assert.throws(() => ops.softmax(ten, 5, 2, new Float64Array(9)), /softmax: P has 9 values, needs 10/);
    assert.throws(() => ops.exp(ten, 10, 1, [] as unknown as Float64Array), /exp: argument Y must be a Float64Array/);
    assert.throws(() => ops.exp(ten, -1, 1, ten), /exp: argument m must be an integer in range/);
  });
});
