import { Matrix, zeros, assertShape } from "../tensor";
import { elementOpsFor } from "./native-ops";

/**
 * Column-wise softmax, P(:, j) = exp(S(:, j) − max) / Σ exp(S(:, j) − max) (shifted by the
 * column maximum so large scores do not overflow). S: K × n → P: K × n (into `out` if given; may
 * be S). Natively when the kernel has it (`ElementOps.softmax`, the same operations and bits).
 */
export function softmax(S: Matrix, out?: Matrix): Matrix {
  const K = S.rows;
  const P = out ?? zeros(K, S.cols);
  assertShape(P, K, S.cols, "softmax: out");
  const s = S.data;
  const p = P.data;
  const native = elementOpsFor(p === s ? [] : [s], [p]); // in place: S is not an input to guard
  if (native) {
    native.softmax(s, K, S.cols, p);
    return P;
  }
  for (let j = 0; j < S.cols; j++) {
    const o = j * K;
    let max = -Infinity;
    for (let i = 0; i < K; i++) max = s[o + i] > max ? s[o + i] : max;
    let sum = 0;
    for (let i = 0; i < K; i++) {
      const e = Math.exp(s[o + i] - max);
      p[o + i] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let i = 0; i < K; i++) p[o + i] *= inv;
  }
  return P;
}

/** Throws naming `what` unless y holds n integer labels in 0 … K−1. */
export function checkLabels(y: ArrayLike<number>, K: number, n: number, what: string): void {
  if (y.length !== n) throw new RangeError(`${what}: ${y.length} labels for ${n} samples (columns)`);
  for (let j = 0; j < n; j++) {
    const c = y[j];
    if (!(Number.isInteger(c) && c >= 0 && c < K)) {
      throw new RangeError(`${what}: label y[${j}] = ${c} out of range 0…${K - 1}`);
    }
  }
}

/** Throws naming `what` unless lambda is a finite number ≥ 0. */
export function checkLambda(lambda: number, what: string): void {
  if (!(lambda >= 0 && Number.isFinite(lambda))) {
    throw new RangeError(`${what}: lambda (L2 weight) must be a finite number ≥ 0, got ${lambda}`);
  }
}

/**
 * Mean cross-entropy loss −(1/n)·Σ_j log P(y_j, j). P: K × n probabilities, y: n labels in
 * 0 … K−1 → a number (+∞ if a true-class probability underflowed to 0).
 */
export function crossEntropyLoss(P: Matrix, y: Int32Array): number {
  checkLabels(y, P.rows, P.cols, "crossEntropyLoss");
  const acc = new CompensatedSum();
  for (let j = 0; j < P.cols; j++) acc.add(-Math.log(P.data[y[j] + j * P.rows]));
  return acc.value() / P.cols;
}

/**
 * Gradient of the mean cross-entropy with respect to the softmax input: G = (P − Y)/n, with Y the
 * one-hot labels. P: K × n, y: n labels → G: K × n (into `out` if given; may be P itself).
 */
export function softmaxCrossEntropyBackward(P: Matrix, y: Int32Array, out?: Matrix): Matrix {
  const K = P.rows;
  const n = P.cols;
  checkLabels(y, K, n, "softmaxCrossEntropyBackward");
  const G = out ?? zeros(K, n);
  assertShape(G, K, n, "softmaxCrossEntropyBackward: out");
  const inv = 1 / n;
  for (let k = 0; k < P.data.length; k++) G.data[k] = P.data[k] * inv;
  for (let j = 0; j < n; j++) G.data[y[j] + j * K] -= inv;
  return G;
}

/**
 * The L2 term λ·Σ_l ‖W_l‖² (squared Frobenius norms) over the given weight matrices, summed with
 * compensation so that it is correctly rounded to within an ulp: a plain running sum over
 * thousands of terms carries rounding noise that would dominate centered-difference gradients.
 */
export function l2Penalty(Ws: readonly Matrix[], lambda: number): number {
  checkLambda(lambda, "l2Penalty");
  if (lambda === 0) return 0;
  const acc = new CompensatedSum();
  for (const W of Ws) for (let k = 0; k < W.data.length; k++) acc.add(W.data[k] * W.data[k]);
  return lambda * acc.value();
}

/** Neumaier's compensated summation: the running sum plus the low-order bits it dropped. */
class CompensatedSum {
  private sum = 0;
  private carry = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.carry += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.carry;
  }
}
