import { Matrix, byteMatrix, fromData } from "../tensor/matrix";
import { Standardization, StandardizeMode } from "./types";
import { convertColumns } from "./convert";
import { Selection, byteSums, locateSamples, selectionSize } from "./samples";

/** Dimensions per statistics group for a mode (d inputs in `channels` equal planes). */
export function groupSizeOf(mode: StandardizeMode, d: number, channels: number): number {
  if (mode === "dimension") return 1;
  if (mode === "channel") {
    if (channels < 1 || d % channels !== 0) {
      throw new RangeError(`standardize: d = ${d} does not split into ${channels} channel planes`);
    }
    return d / channels;
  }
  return Math.max(d, 1);
}

/**
 * Group statistics from per-dimension sums Σx and Σx² over n samples (d values each), with the
 * values multiplied by `scale` (1/255 turns byte sums into [0, 1] statistics).
 */
export function statsFromSums(sum: Float64Array, sumSq: Float64Array, n: number, mode: StandardizeMode, channels: number, scale = 1): Standardization {
  const d = sum.length;
  const groupSize = groupSizeOf(mode, d, channels);
  if (mode === "none") {
    return { mode, mean: new Float64Array([0]), std: new Float64Array([1]), groupSize, d, n };
  }
  if (n < 1) throw new RangeError("standardize: the training split is empty, no statistics to compute");
  const groups = Math.ceil(d / groupSize);
  const mean = new Float64Array(groups);
  const std = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let s = 0;
    let q = 0;
    for (let i = g * groupSize; i < Math.min(d, (g + 1) * groupSize); i++) {
      s += sum[i];
      q += sumSq[i];
    }
    const N = n * groupSize;
    const m = s / N;
    mean[g] = m * scale;
    std[g] = Math.sqrt(Math.max(q / N - m * m, 0)) * scale;
  }
  return { mode, mean, std, groupSize, d, n };
}

/** Per-dimension a, c with x ↦ x·a + c = (x·inputScale − mean) / std (std 0 → only centred). */
export function affineCoefficients(stats: Standardization, inputScale = 1): { a: Float64Array; c: Float64Array } {
  const a = new Float64Array(stats.d);
  const c = new Float64Array(stats.d);
  for (let i = 0; i < stats.d; i++) {
    const g = Math.floor(i / stats.groupSize);
    const s = stats.std[g] > 0 ? stats.std[g] : 1;
    a[i] = inputScale / s;
    c[i] = -stats.mean[g] / s;
  }
  return { a, c };
}

/**
 * The statistics of X (d × n, one sample per column) for a mode; `channels` splits d into equal
 * planes for "channel" mode.
 */
export function standardizationStats(X: Matrix, mode: StandardizeMode, channels = 1): Standardization {
  const d = X.rows;
  const sum = new Float64Array(d);
  const sumSq = new Float64Array(d);
  for (let j = 0; j < X.cols; j++) {
    const o = j * d;
    for (let i = 0; i < d; i++) {
      const v = X.data[o + i];
      sum[i] += v;
      sumSq[i] += v * v;
    }
  }
  return statsFromSums(sum, sumSq, X.cols, mode, channels);
}

/** (X − mean) / std with given (training) statistics, as a new d × n matrix. */
export function applyStandardization(X: Matrix, stats: Standardization): Matrix {
  if (X.rows !== stats.d) {
    throw new RangeError(`applyStandardization: X has ${X.rows} rows, the statistics are for d = ${stats.d}`);
  }
  const { a, c } = affineCoefficients(stats);
  const out = new Float64Array(X.data.length);
  for (let k = 0; k < out.length; k++) {
    const i = k % stats.d;
    out[k] = X.data[k] * a[i] + c[i];
  }
  return fromData(X.rows, X.cols, out);
}

/** Per-group tables of (v / 255 − mean) / std for the byte values v = 0 … 255. */
function byteTables(stats: Standardization): Float64Array {
  const table = new Float64Array(stats.mean.length * 256);
  for (let g = 0; g < stats.mean.length; g++) {
    const s = stats.std[g] > 0 ? stats.std[g] : 1;
    for (let v = 0; v < 256; v++) table[g * 256 + v] = (v / 255 - stats.mean[g]) / s;
  }
  return table;
}

/**
 * Scales 8-bit samples to [0, 1] and standardizes them with the statistics of `train`:
 * returns one d × n matrix per selection (train first, then `others` in order; views into one
 * SharedArrayBuffer, so worker threads can share them uncopied) and the statistics. Grouped modes
 * ("channel", "global", "none") give exactly (v / 255 − mean) / std, as float64 matrices;
 * "dimension" computes v · (1 / (255·std)) − mean / std, equal up to rounding (a few ulp), and
 * keeps the samples as bytes (`byteMatrix`: 1 byte a value instead of 8; the kernels decode
 * them with these bits while packing) unless `keepBytes` is false.
 */
export function standardizeBytes(
  train: Selection,
  others: readonly Selection[],
  d: number,
  mode: StandardizeMode,
  channels: number,
  keepBytes = true,
): { X: Matrix[]; stats: Standardization } {
  const sums = mode === "none" ? { sum: new Float64Array(d), sumSq: new Float64Array(d) } : byteSums(train, d);
  const stats = statsFromSums(sums.sum, sums.sumSq, selectionSize(train), mode, channels, 1 / 255);
  const sels = [train, ...others];
  const { sources, src, pos } = locateSamples(sels);
  if (stats.groupSize === 1 && keepBytes) {
    const { a, c } = affineCoefficients(stats, 1 / 255);
    const bytes = new Uint8Array(new SharedArrayBuffer(d * src.length));
    for (let k = 0; k < src.length; k++) bytes.set(sources[src[k]].subarray(pos[k], pos[k] + d), k * d);
    let first = 0;
    const X = sels.map((sel) => {
      const n = selectionSize(sel);
      first += n;
      return byteMatrix(d, n, { bytes: bytes.subarray((first - n) * d, first * d), scale: a, shift: c });
    });
    return { X, stats };
  }
  const out = new Float64Array(new SharedArrayBuffer(8 * d * src.length));
  const form = stats.groupSize > 1 ? { table: byteTables(stats), groupSize: stats.groupSize } : affineCoefficients(stats, 1 / 255);
  convertColumns({ d, sources, src, pos, out, ...form }, 0, src.length);
  let start = 0;
  const X = sels.map((sel) => {
    const n = selectionSize(sel);
    start += n;
    return fromData(d, n, out.subarray((start - n) * d, start * d));
  });
  return { X, stats };
}
