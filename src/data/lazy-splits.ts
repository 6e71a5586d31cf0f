import { DataSet, DataSplits, Standardization } from "./types";

/** What a loader computes on demand: the three standardized splits and the training statistics. */
export interface SplitArrays {
  readonly sets: readonly DataSet[];
  readonly stats: Standardization;
}

const materialized = new WeakSet<object>();

/**
 * A `DataSplits` whose arrays (`train`, `validation`, `test`, `standardization`) are computed by
 * `compute` on first access, once. Everything else in `meta` (fingerprint, provenance, files …) is
 * there at once, so a notebook whose runs all come from the result cache never pays for decoding
 * and standardizing (for CIFAR-10: 184 MB of image bytes kept for the runs, which decode them
 * while packing their products). `compute` and what it holds (the raw file bytes) are released
 * after the first call.
 */
export function lazySplits(meta: Omit<DataSplits, "train" | "validation" | "test" | "standardization">, compute: () => SplitArrays): DataSplits {
  let make: (() => SplitArrays) | undefined = compute;
  let arrays: SplitArrays | undefined;
  const out = { ...meta } as DataSplits;
  const get = (): SplitArrays => {
    if (!arrays) {
      arrays = make!();
      make = undefined;
      materialized.add(out);
    }
    return arrays;
  };
  const field = (read: (a: SplitArrays) => unknown): PropertyDescriptor => ({ enumerable: true, get: () => read(get()) });
  Object.defineProperties(out, {
    train: field((a) => a.sets[0]),
    validation: field((a) => a.sets[1]),
    test: field((a) => a.sets[2]),
    standardization: field((a) => a.stats),
  });
  return out;
}

/**
 * Whether the arrays of a loaded data set have been computed yet (always true for data that did
 * not come from `lazySplits`, e.g. a plain object).
 */
export function isMaterialized(data: DataSplits | object): boolean {
  return materialized.has(data) || !Object.getOwnPropertyDescriptor(data, "train")?.get;
}
