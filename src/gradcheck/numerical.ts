import { Matrix, zeros } from "../tensor";

/**
 * The centered difference (f(θ + h·e_k) − f(θ − h·e_k)) / (2h) for entry k of `data`, error O(h²)
 * (the assignments' method). The entry is perturbed in place and restored to its saved original
 * (exactly, not by subtracting h).
 */
export function centeredDifference(f: () => number, data: Float64Array, k: number, h: number): number {
  const saved = data[k];
  data[k] = saved + h;
  const plus = f();
  data[k] = saved - h;
  const minus = f();
  data[k] = saved;
  return (plus - minus) / (2 * h);
}

/**
 * Centered-difference gradient of the scalar f with respect to every entry of `value`.
 * value: m × d → m × d (into `out` if given); `value` is left exactly as it was.
 */
export function numericalGradient(f: () => number, value: Matrix, h: number, out?: Matrix): Matrix {
  if (!(h > 0 && Number.isFinite(h))) throw new RangeError(`numericalGradient: step h must be a positive number, got ${h}`);
  const g = out ?? zeros(value.rows, value.cols);
  for (let k = 0; k < value.data.length; k++) g.data[k] = centeredDifference(f, value.data, k, h);
  return g;
}
