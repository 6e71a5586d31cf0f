import { ColumnSelection, Matrix, Rng, columnsView, gatherColumns, selectColumns, zeros } from "../tensor";
import { LabeledSet } from "./data-splits";

/**
 * One mini-batch: X (d × B) and its labels (length B). Valid until the next `batch` call. X is a
 * plain matrix with `copy` (or without shuffling), else a column selection of the data set.
 */
export interface Batch {
  readonly X: Matrix | ColumnSelection;
  readonly y: Int32Array;
}

/** Produces the mini-batch of every update step. */
export interface BatchSource {
  /** ⌊n / B⌋: the last partial batch of an epoch is dropped (as in the assignments' loops) */
  readonly stepsPerEpoch: number;
  /** the batch of update step t (t = 0, 1, …; must be called with increasing t) */
  batch(t: number): Batch;
}

/** Options of `createBatchSource`. */
export interface BatchSourceOptions {
  /** a fresh permutation of the samples at the start of every epoch (the first included) */
  readonly shuffle: boolean;
  /** the generator for the permutations (needed when shuffling) */
  readonly rng?: Rng;
  /** copy each batch into an own buffer (needed when the batch is modified, e.g. by input noise) */
  readonly copy: boolean;
}

/**
 * Mini-batches of `batchSize` columns of `set`, batch j of epoch e being columns
 * order[j·B … (j+1)·B−1] of that epoch's order (identity, or a permutation when shuffling).
 * Without copying, batches are views into the data (no shuffling) or column selections of it (the
 * matrix products read the columns where they are); with `copy` they are gathered into one buffer
 * allocated once. A permutation is allocated per epoch.
 */
export function createBatchSource(set: LabeledSet, batchSize: number, opts: BatchSourceOptions): BatchSource {
  const n = set.X.cols;
  const stepsPerEpoch = Math.floor(n / batchSize);
  if (!(Number.isInteger(batchSize) && batchSize >= 1) || stepsPerEpoch < 1) {
    throw new RangeError(`batchSize: expected an integer in 1 … ${n} (the training set size), got ${batchSize}`);
  }
  if (opts.shuffle && !opts.rng) throw new RangeError("createBatchSource: shuffling needs an rng");
  const gather = opts.shuffle || opts.copy;
  const Xb = opts.copy ? zeros(set.X.rows, batchSize) : undefined;
  const yb = new Int32Array(batchSize);
  let order: Int32Array | undefined;
  let inOrder: Int32Array | undefined; // 0 … B−1: copies a batch of a data set kept as bytes
  let epoch = -1;
  return {
    stepsPerEpoch,
    batch(t: number): Batch {
      const e = Math.floor(t / stepsPerEpoch);
      const start = (t - e * stepsPerEpoch) * batchSize;
      if (!gather) return { X: columnsView(set.X, start, batchSize), y: set.y.subarray(start, start + batchSize) };
      if (e !== epoch) {
        epoch = e;
        if (opts.shuffle) order = opts.rng!.permutation(n);
      }
      if (order) {
        const idx = order.subarray(start, start + batchSize);
        for (let c = 0; c < batchSize; c++) yb[c] = set.y[idx[c]];
        if (!Xb) return { X: selectColumns(set.X, idx), y: yb };
        gatherColumns(set.X, idx, Xb);
      } else {
        if (set.X.encoded) gatherColumns(columnsView(set.X, start, batchSize), (inOrder ??= Int32Array.from({ length: batchSize }, (_, c) => c)), Xb);
        else Xb!.data.set(set.X.data.subarray(start * set.X.rows, (start + batchSize) * set.X.rows));
        yb.set(set.y.subarray(start, start + batchSize));
      }
      return { X: Xb!, y: yb };
    },
  };
}
