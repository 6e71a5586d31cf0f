import { Matrix, assertShape } from "../tensor";

/**
 * The floor of the relative error's denominator, set from the measured accuracy of the numerical
 * gradient. Centered differences in float64 with h = 1e-5 on a cost J ≈ 2–5 carry an absolute
 * error of about ε·|J|/h ≈ 1e-11 … 1e-10 (measured on the reduced problem; plus the O(h²)
 * truncation term), so a relative error of 1e-6 can only be resolved for entries with
 * |a| + |n| ≳ 1e-4. Below the floor the measure becomes |a − n|/1e-4, i.e. such entries — for
 * instance b under BatchNorm, whose exact gradient is 0 — must agree to 1e-10 absolute.
 */
export const DEFAULT_GRADCHECK_FLOOR = 1e-4;

/** |a − n| / max(floor, |a| + |n|) for an analytic value a and a numerical value n. */
export function gradRelativeError(a: number, n: number, floor = DEFAULT_GRADCHECK_FLOOR): number {
  return Math.abs(a - n) / Math.max(floor, Math.abs(a) + Math.abs(n));
}

/**
 * The largest relative (floored) and absolute errors between two equal-shaped matrices, over the
 * entries not marked in `skip` (NaN counts as the largest error).
 */
export function compareGradients(
  analytic: Matrix,
  numeric: Matrix,
  floor = DEFAULT_GRADCHECK_FLOOR,
  skip?: Uint8Array,
): { maxRelativeError: number; maxAbsoluteError: number } {
  assertShape(numeric, analytic.rows, analytic.cols, "compareGradients: numeric");
  let maxRelativeError = 0;
  let maxAbsoluteError = 0;
  for (let k = 0; k < analytic.data.length; k++) {
    if (skip && skip[k]) continue;
    const a = analytic.data[k];
    const n = numeric.data[k];
    const rel = gradRelativeError(a, n, floor);
    const abs = Math.abs(a - n);
    maxRelativeError = rel > maxRelativeError || Number.isNaN(rel) ? rel : maxRelativeError;
    maxAbsoluteError = abs > maxAbsoluteError || Number.isNaN(abs) ? abs : maxAbsoluteError;
  }
  return { maxRelativeError, maxAbsoluteError };
}
