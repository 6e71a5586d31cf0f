import { GemmKernel, getKernel, setKernel } from "../tensor";
import { trainMlp, TrainData } from "../train";
import { startCpuWatch } from "./cpu-watch";
import { A3Workload, fullSchedule, layerSizesOf, matmulFlopsEval, matmulFlopsPerStep, workloadSettings, workloadSpec } from "./workload";

/** One timed training run of the workload with the library's own training loop (`trainMlp`). */
export interface A3Run {
  /** wall-clock seconds of the whole `trainMlp` call (its extra evaluations included) */
  readonly totalSeconds: number;
  readonly steps: number;
  readonly msPerStep: number;
  /** train + validation evaluations made (`trainMlp` also evaluates before training and at the end) */
  readonly evalPasses: number;
  /** seconds of one evaluation of the training and validation sets */
  readonly evalPassSeconds: number;
  /** the NumPy script's workload: full-schedule steps × ms/step + 20 evaluation passes */
  readonly scheduleSeconds: number;
  /** other processes' load during the run, in cores */
  readonly foreignCores: number;
}

/** Best-of-repeats summary for one configuration. */
export interface A3BenchResult {
  readonly config: string;
  readonly kernel: string;
  readonly workload: A3Workload;
  readonly runs: readonly A3Run[];
  /** the run with the smallest `scheduleSeconds` */
  readonly best: A3Run;
  /** matrix-product GFLOP/s of the best run's full-schedule workload */
  readonly gflops: number;
  /** the process's peak resident memory so far, bytes (the data included) */
  readonly peakRssBytes: number;
}

/** One run of `w` on `data`; throws unless the run completes (a diverged run is no benchmark). */
export function runA3Once(w: A3Workload, data: TrainData, seed = 1): A3Run {
  const watch = startCpuWatch();
  const t0 = performance.now();
  const out = trainMlp(workloadSpec(w), data, workloadSettings(w), seed);
  const totalSeconds = (performance.now() - t0) / 1000;
  if (out.status !== "completed") throw new Error(`bench ${w.config}: the training run ended "${out.status}" (${out.message ?? ""})`);
  const evalPasses = out.history.filter((r) => r.split === "train").length + (out.final ? 1 : 0);
  const evalPassSeconds = out.timing.evalMs / 1000 / evalPasses;
  const full = fullSchedule(w);
  return {
    totalSeconds,
    steps: out.steps,
    msPerStep: out.timing.msPerStep,
    evalPasses,
    evalPassSeconds,
    scheduleSeconds: (out.timing.msPerStep / 1000) * full.steps + evalPassSeconds * full.evalPasses,
    foreignCores: watch.foreignCores(),
  };
}

/** Matrix-product flops of the full-schedule workload (steps + evaluation passes). */
export function workloadFlops(w: A3Workload): number {
  const sizes = layerSizesOf(w);
  const full = fullSchedule(w);
  return full.steps * matmulFlopsPerStep(sizes, w.batchSize) + full.evalPasses * matmulFlopsEval(sizes, w.nTrain + w.nValidation);
}

/** Hooks of `benchA3`. */
export interface BenchA3Hooks {
  /** awaited before each run (e.g. waiting for a quiet machine) */
  readonly beforeRun?: () => Promise<unknown>;
  /** told after each run (progress lines) */
  readonly onRun?: (run: A3Run, index: number) => void;
}

/** Runs the workload `repeats` times with `kernel` (default: the current one) and keeps the best run. */
export async function benchA3(w: A3Workload, data: TrainData, repeats: number, kernel?: GemmKernel, hooks: BenchA3Hooks = {}): Promise<A3BenchResult> {
  if (!(Number.isInteger(repeats) && repeats >= 1)) throw new RangeError(`benchA3: repeats must be a positive integer, got ${repeats}`);
  const previous = getKernel();
  try {
    const runs: A3Run[] = [];
    for (let r = 0; r < repeats; r++) {
      await hooks.beforeRun?.();
      if (kernel) setKernel(kernel);
      runs.push(runA3Once(w, data));
      hooks.onRun?.(runs[r], r);
    }
    const best = runs.reduce((a, b) => (b.scheduleSeconds < a.scheduleSeconds ? b : a));
    return {
      config: w.config,
      kernel: getKernel().name,
      workload: w,
      runs,
      best,
      gflops: workloadFlops(w) / best.scheduleSeconds / 1e9,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    setKernel(previous);
  }
}
