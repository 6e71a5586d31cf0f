/**
 * Training on part of the training split: `firstTrainImages(data, n)` keeps the first n training
 * samples (columns) and leaves validation and test whole. The standardization is the one the data
 * came with (the full training split's statistics); the fingerprint names the subset, so cached
 * results of the full split are never reused for it. Used by configs whose `data.options`
 * carry `trainSize` (e.g. an overfitting check on 100 images).
 */
import { columnsView } from "../tensor";
import type { ExperimentData } from "./data";

/** The data with the training split cut to its first `n` samples (views, not copies). */
export function firstTrainImages(data: ExperimentData, n: number): ExperimentData {
  const total = data.train.X.cols;
  if (!(Number.isInteger(n) && n >= 1 && n <= total)) {
    throw new RangeError(`data.options.trainSize: expected an integer in 1 … ${total} (the training split's size), got ${n}`);
  }
  if (n === total) return data;
  const train = { X: columnsView(data.train.X, 0, n), y: data.train.y.subarray(0, n) };
  return {
    ...data,
    train,
    fingerprint: `${data.fingerprint}/train-first-${n}`,
    provenance: `${data.provenance}; training on its first ${n} training images`,
  };
}
