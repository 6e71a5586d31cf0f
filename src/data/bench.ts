import { join } from "path";
import { readCifar10 } from "./cifar10";
import { resolveDataDir } from "./locate";
import { readMnist } from "./mnist";
import { DataSplits, StandardizeMode } from "./types";

/** Timings of repeated loads (seconds each, best first reported). */
export interface LoadBenchResult {
  readonly name: string;
  readonly dir: string;
  /** images read per load (train + validation + test) */
  readonly images: number;
  readonly standardize: StandardizeMode;
  /** wall-clock seconds of each load */
  readonly seconds: readonly number[];
  readonly bestSeconds: number;
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

/** Runs `load` `repeats` times and times each run (wall clock and CPU). */
function timeLoads(repeats: number, load: () => DataSplits): { seconds: number[]; cpuSeconds: number[]; last: DataSplits } {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let last: DataSplits | undefined;
  for (let r = 0; r < Math.max(1, repeats); r++) {
    last = undefined; // let the previous arrays be collected before allocating new ones
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    last = load();
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const cpu = process.cpuUsage(cpu0);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }
  return { seconds, cpuSeconds, last: last as DataSplits };
}

/**
 * Times reading all 60,000 CIFAR-10 images (standard split) from disk, checking them, scaling and
 * standardizing them with the training statistics, and hashing the files (no download).
 * The target is under 3 s.
 */
export function benchLoadCifar(opts: LoadBenchOptions = {}): LoadBenchResult {
  const { dir } = resolveDataDir(opts.dir, "CIFAR10_DIR", join("data", "cifar-10-batches-bin"));
  const standardize = opts.standardize ?? "dimension";
  const { seconds, cpuSeconds, last } = timeLoads(opts.repeats ?? 3, () => readCifar10(dir, { standardize }));
  const images = last.train.y.length + last.validation.y.length + last.test.y.length;
  return { name: "load CIFAR-10", dir, images, standardize, seconds, bestSeconds: Math.min(...seconds), cpuSeconds };
}

/** Times reading, checking (MD5 included) and standardizing all 70,000 MNIST images from a folder. */
export function benchLoadMnist(opts: LoadBenchOptions = {}): LoadBenchResult {
  const { dir } = resolveDataDir(opts.dir, "MNIST_DIR", join("data", "mnist"));
  const standardize = opts.standardize ?? "global";
  const { seconds, cpuSeconds, last } = timeLoads(opts.repeats ?? 3, () => readMnist(dir, { standardize }));
  const images = last.train.y.length + last.validation.y.length + last.test.y.length;
  return { name: "load MNIST", dir, images, standardize, seconds, bestSeconds: Math.min(...seconds), cpuSeconds };
}
