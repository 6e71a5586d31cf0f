/**
 * The CIFAR-10 data a DD2424 config names: `data.options` = { split: "standard" | "small",
 * validationSize, trainSize? }. Each split is read once (cached by split and validation size);
 * `trainSize` keeps the first images of the training split (`firstTrainImages`).
 */
import type { ExperimentConfig } from "../../experiments/config";
import type { ExperimentData } from "../../experiments/data";
import { firstTrainImages } from "../../experiments/train-subset";
import { type Cifar10Options, loadCifar10 } from "../../data/cifar10";
import type { DataLoader } from "./block-runs";

const OPTION_KEYS = ["split", "validationSize", "trainSize"];

/** The loader options a config's data spec names; throws naming the field on anything else. */
export function cifarOptions(spec: ExperimentConfig["data"]): { split: "standard" | "small"; validationSize?: number; trainSize?: number } {
  if (spec.name !== "cifar10") throw new RangeError(`config.data.name: expected "cifar10", got ${JSON.stringify(spec.name)}`);
  const o = spec.options ?? {};
  for (const k of Object.keys(o)) {
    if (!OPTION_KEYS.includes(k)) throw new RangeError(`config.data.options.${k}: unknown option (known: ${OPTION_KEYS.join(", ")})`);
  }
  const split = o.split ?? "standard";
  if (split !== "standard" && split !== "small")
    throw new RangeError(`config.data.options.split: expected "standard" or "small", got ${JSON.stringify(split)}`);
  const num = (k: "validationSize" | "trainSize"): number | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
      throw new RangeError(`config.data.options.${k}: expected an integer ≥ 0, got ${JSON.stringify(v)}`);
    return v;
  };
  const validationSize = num("validationSize");
  const trainSize = num("trainSize");
  return { split, ...(validationSize !== undefined ? { validationSize } : {}), ...(trainSize !== undefined ? { trainSize } : {}) };
}

/** A `DataLoader` for CIFAR-10 configs (files found as `loadCifar10` finds them; `base` adds e.g. download: false). */
export function cifarLoader(base: Cifar10Options = { download: false }): DataLoader {
  const cache = new Map<string, Promise<ExperimentData>>();
  return async (spec) => {
    const { split, validationSize, trainSize } = cifarOptions(spec);
    const key = `${split}/${validationSize ?? ""}`;
    if (!cache.has(key)) cache.set(key, loadCifar10({ ...base, split, ...(validationSize !== undefined ? { validationSize } : {}) }));
    const data = await cache.get(key)!;
    return trainSize === undefined ? data : firstTrainImages(data, trainSize);
  };
}
