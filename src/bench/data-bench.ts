import { join } from "path";
import { readCifar10 } from "../data/cifar10";
import { resolveDataDir } from "../data/locate";
import { readMnist } from "../data/mnist";
import { DataSplits, StandardizeMode } from "../data/types";

/** Timings of repeated loads (seconds each, best first reported). */
export interface LoadBenchResult {
  readonly name: string;
  readonly dir: string;
  /** images read per load (train + validation + test) */
  readonly images: number;
  readonly standardize: StandardizeMode;
  /** wall-clock seconds of each whole load: reading, checking, hashing, decoding, standardizing */
  readonly seconds: readonly number[];
  readonly bestSeconds: number;
  /** of those, the seconds until the loader returned (read, checked, hashed; the arrays come on first use) */
  readonly upfrontSeconds: readonly number[];
  readonly bestUpfrontSeconds: number;
  /** CPU seconds (user + system) of each load: close to the wall time on an idle machine */
  readonly cpuSeconds: readonly number[];
}

/** Options of the load benchmarks. */
export interface LoadBenchOptions {
  /** data folder (else the loader's environment variable, else ./data/…) */
  readonly dir?: string;
  /** number of timed loads (default 3) */
  readonly repeats?: number;
  readonly standardize?: StandardizeMode;
}

/**
 * Runs `load` `repeats` times and times each run (wall clock and CPU): until it returns, and until
 * its arrays exist (the loaders decode on first use of `train`).
 */
function timeLoads(repeats: number, load: () => DataSplits, name: string, dir: string, standardize: StandardizeMode): LoadBenchResult {
  const seconds: number[] = [];
  const upfrontSeconds: number[] = [];
  const cpuSeconds: number[] = [];
  let images = 0;
  for (let r = 0; r < Math.max(1, repeats); r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const data = load();
    upfrontSeconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    images = data.train.y.length + data.validation.y.length + data.test.y.length;
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const cpu = process.cpuUsage(cpu0);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }
  return {
    name,
    dir,
    images,
    standardize,
    seconds,
    bestSeconds: Math.min(...seconds),
    upfrontSeconds,
    bestUpfrontSeconds: Math.min(...upfrontSeconds),
    cpuSeconds,
  };
}

/**
 * Times reading all 60,000 CIFAR-10 images (standard split) from disk, checking them, scaling and
 * standardizing them with the training statistics, and hashing the files (no download).
 * The target is under 3 s.
 */
export function benchLoadCifar(opts: LoadBenchOptions = {}): LoadBenchResult {
  const { dir } = resolveDataDir(opts.dir, "CIFAR10_DIR", join("data", "cifar-10-batches-bin"));
  const standardize = opts.standardize ?? "dimension";
  return timeLoads(opts.repeats ?? 3, () => readCifar10(dir, { standardize }), "load CIFAR-10", dir, standardize);
}

/** Times reading, checking (MD5 included) and standardizing all 70,000 MNIST images from a folder. */
export function benchLoadMnist(opts: LoadBenchOptions = {}): LoadBenchResult {
  const { dir } = resolveDataDir(opts.dir, "MNIST_DIR", join("data", "mnist"));
  const standardize = opts.standardize ?? "global";
  return timeLoads(opts.repeats ?? 3, () => readMnist(dir, { standardize }), "load MNIST", dir, standardize);
}
