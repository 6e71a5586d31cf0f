/**
 * Raw 8-bit samples as they sit in the files, and selections of them that form a split.
 * Keeping the bytes until the last step lets the loaders compute statistics and write the
 * standardized Float64 matrix in one pass each (see convert.ts), without a [0, 1] copy.
 */

/** Samples stored in `bytes`: sample j's d pixels start at `offset + j * stride`. */
export interface ByteSamples {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly offset: number;
  readonly stride: number;
  readonly d: number;
  readonly count: number;
  /** the label of each sample (count values) */
  readonly labels: Int32Array;
}

/** Some samples of several sources, in order: part p takes `indices` of `source`. */
export type Selection = readonly { readonly source: ByteSamples; readonly indices: Int32Array }[];

/** The integers start … start+count-1. */
export function range(start: number, count: number): Int32Array {
  const r = new Int32Array(count);
  for (let k = 0; k < count; k++) r[k] = start + k;
  return r;
}

/** Number of samples in a selection. */
export function selectionSize(sel: Selection): number {
  return sel.reduce((n, part) => n + part.indices.length, 0);
}

/**
 * Samples `from … to-1` of the concatenation of `sources` (in order), as a selection.
 * Throws if the concatenation holds fewer than `to` samples.
 */
export function sliceSources(sources: readonly ByteSamples[], from: number, to: number): Selection {
  const total = sources.reduce((n, s) => n + s.count, 0);
  if (from < 0 || to < from || to > total) {
    throw new RangeError(`sliceSources: samples ${from} … ${to - 1} out of range (${total} samples)`);
  }
  const parts: { source: ByteSamples; indices: Int32Array }[] = [];
  let base = 0;
  for (const source of sources) {
    const lo = Math.max(from, base);
    const hi = Math.min(to, base + source.count);
    if (hi > lo) parts.push({ source, indices: range(lo - base, hi - lo) });
    base += source.count;
  }
  return parts;
}

/** The labels of a selection, in order (n values, in shared memory so worker threads can use them uncopied). */
export function selectionLabels(sel: Selection): Int32Array {
  const y = new Int32Array(new SharedArrayBuffer(4 * selectionSize(sel)));
  let k = 0;
  for (const { source, indices } of sel) for (const j of indices) y[k++] = source.labels[j];
  return y;
}

/**
 * Per-dimension sums Σ x and Σ x² of the selected samples' bytes (d values each), exact in
 * Float64 for up to ~1.3·10¹¹ samples. Four samples are summed per pass over the accumulators
 * (about 3× faster than one at a time).
 */
export function byteSums(sel: Selection, d: number): { sum: Float64Array; sumSq: Float64Array } {
  const sum = new Float64Array(d);
  const sumSq = new Float64Array(d);
  for (const { source, indices } of sel) {
    const { bytes, offset, stride } = source;
    let k = 0;
    for (; k + 3 < indices.length; k += 4) {
      const p0 = offset + indices[k] * stride;
      const p1 = offset + indices[k + 1] * stride;
      const p2 = offset + indices[k + 2] * stride;
      const p3 = offset + indices[k + 3] * stride;
      for (let i = 0; i < d; i++) {
        const v0 = bytes[p0 + i],
          v1 = bytes[p1 + i],
          v2 = bytes[p2 + i],
          v3 = bytes[p3 + i];
        sum[i] += v0 + v1 + v2 + v3;
        sumSq[i] += v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3;
      }
    }
    for (; k < indices.length; k++) {
      const p = offset + indices[k] * stride;
      for (let i = 0; i < d; i++) {
        const v = bytes[p + i];
        sum[i] += v;
        sumSq[i] += v * v;
      }
    }
  }
  return { sum, sumSq };
}

/**
 * Where each selected sample's bytes are, for the conversion kernel: the distinct byte arrays, and
 * per output column (all selections in order) the array index and the byte offset of pixel 0.
 */
export function locateSamples(sels: readonly Selection[]): { sources: Uint8Array[]; src: Int32Array; pos: Int32Array } {
  const n = sels.reduce((m, sel) => m + selectionSize(sel), 0);
  const sources: Uint8Array[] = [];
  const index = new Map<Uint8Array, number>();
  const src = new Int32Array(n);
  const pos = new Int32Array(n);
  let k = 0;
  for (const sel of sels) {
    for (const { source, indices } of sel) {
      if (!index.has(source.bytes)) index.set(source.bytes, sources.push(source.bytes) - 1);
      const s = index.get(source.bytes) as number;
      for (const j of indices) {
        src[k] = s;
        pos[k++] = source.offset + j * source.stride;
      }
    }
  }
  return { sources, src, pos };
}
