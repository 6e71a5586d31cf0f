import { Matrix, Rng } from "../tensor";
import type { NoiseSpec } from "../schema";

/**
 * Input-noise augmentation (vocabulary: `NoiseSpec`, src/schema/training.ts), applied on the fly to each mini-batch (a fresh draw every step; the
 * stored data are never modified).
 * - gaussian: X ← X + σ·N(0, 1) per entry; with `relative: true` the σ is multiplied by the
 *   batch's own standard deviation (over all its entries), so σ reads as "fraction of the spread".
 * - saltPepper: each entry, with probability `fraction`, is replaced by `low` or `high` (equally
 *   likely); by default low/high are the batch's own minimum/maximum (black/white pixels in
 *   whatever scaling the data have).
 */
export type { NoiseSpec } from "../schema";

/** Mean and population standard deviation of all entries of a d × n batch. */
function batchMoments(d: Float64Array): { mean: number; std: number } {
  let s = 0;
  for (let k = 0; k < d.length; k++) s += d[k];
  const mean = s / d.length;
  let v = 0;
  for (let k = 0; k < d.length; k++) v += (d[k] - mean) * (d[k] - mean);
  return { mean, std: Math.sqrt(v / d.length) };
}

/** Smallest and largest entry of a batch. */
function batchRange(d: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < d.length; k++) {
    if (d[k] < min) min = d[k];
    if (d[k] > max) max = d[k];
  }
  return { min, max };
}

/**
 * Adds noise to the d × n batch `X` IN PLACE (X must be the training loop's own copy of the
 * batch), drawing from `rng`. No allocation.
 */
export function applyNoise(X: Matrix, spec: NoiseSpec, rng: Rng): void {
  const d = X.data;
  if (d.length === 0) return;
  if (spec.kind === "gaussian") {
    const sigma = spec.relative ? spec.sigma * batchMoments(d).std : spec.sigma;
    for (let k = 0; k < d.length; k++) d[k] += sigma * rng.normal();
    return;
  }
  if (spec.kind === "saltPepper") {
    const range = spec.low === undefined || spec.high === undefined ? batchRange(d) : undefined;
    const low = spec.low ?? range!.min;
    const high = spec.high ?? range!.max;
    const f = spec.fraction;
    for (let k = 0; k < d.length; k++) {
      const u = rng.uniform();
      if (u < f) d[k] = u < f / 2 ? low : high;
    }
    return;
  }
  throw new RangeError(`noise.kind: unknown noise ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
}
