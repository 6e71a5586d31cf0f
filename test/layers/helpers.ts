import { strict as assert } from "assert";
import { Matrix, Rng, zeros } from "../../src/tensor";

/** A rows × cols matrix of standard-normal draws. */
export function randn(rows: number, cols: number, rng: Rng, scale = 1): Matrix {
  const M = zeros(rows, cols);
  for (let k = 0; k < M.data.length; k++) M.data[k] = scale * rng.normal();
  return M;
}

/** Σ A ⊙ B: turns a matrix-valued layer output into a scalar whose gradient is B. */
export function dot(A: Matrix, B: Matrix): number {
  let s = 0;
  for (let k = 0; k < A.data.length; k++) s += A.data[k] * B.data[k];
  return s;
}

/** Asserts |a − b| ≤ tol·max(1, |b|) entry by entry, naming `what` and the first bad entry. */
export function assertClose(a: Matrix, b: Matrix, tol: number, what: string): void {
  assert.equal(a.rows, b.rows, `${what}: rows`);
  assert.equal(a.cols, b.cols, `${what}: cols`);
  for (let k = 0; k < a.data.length; k++) {
    const err = Math.abs(a.data[k] - b.data[k]) / Math.max(1, Math.abs(b.data[k]));
    assert.ok(err <= tol, `${what}: entry ${k}: ${a.data[k]} vs ${b.data[k]} (error ${err})`);
  }
}

/** Asserts two Float64Arrays are identical bit for bit. */
export function assertSameBytes(a: Float64Array, b: Float64Array, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  assert.ok(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), `${what}: bytes differ`);
}
