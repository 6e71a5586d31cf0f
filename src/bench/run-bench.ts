import { existsSync } from "fs";
import * as os from "os";
import { join } from "path";
import { benchLoadCifar } from "./data-bench";
import { resolveDataDir } from "../data/locate";
import { GemmKernel, createNativeKernel, getKernel, tsBlockedKernel } from "../tensor";
import { MLP_GEMM_SHAPES, benchGemm } from "../tensor/bench-kernel";
import type { BenchReport, LoadTiming, WorkloadComparison } from "./bench-report";
import { waitForQuiet } from "./cpu-watch";
import { PEER_NAMES, PeerName, PeerOutcome, runPeerBench } from "./peers";
import { readReportTime } from "./report-time";
import { timeReportRuns } from "./report-run";
import { A3BenchResult, benchA3 } from "./run-a3";
import { A3BenchConfig, a3Workload, syntheticCifarShaped } from "./workload";

/** Options of `runBench` (the `nnbook bench` command line). */
export interface BenchOptions {
  readonly configs?: readonly A3BenchConfig[];
  /** best of this many runs (ours and each peer's), default 2 (quick: 1) */
  readonly repeat?: number;
  /** a partial run of this many steps, extrapolated to the full 9,000 */
  readonly steps?: number;
  /** smoke run: 40 steps on 1,000 + 200 samples, short GEMM timings, no peers, no data load */
  readonly quick?: boolean;
  /** run the NumPy reference (default true, false in quick mode) */
  readonly numpy?: boolean;
  /** run the PyTorch reference (default true, false in quick mode) */
  readonly torch?: boolean;
  /** before every run (ours and the peers') wait up to 5 minutes for the other processes to go quiet */
  readonly waitQuiet?: boolean;
  /** thread counts of our native kernel to time the workload with (default [1, 2]; NumPy uses all cores) */
  readonly threads?: readonly (1 | 2)[];
  /** also generate these reports ("dd2424-a3", "a,b" or "all") into a scratch folder, cold then warm, and time each */
  readonly report?: string;
  /** notebooks at once for that report run (default: the number of cores) */
  readonly reportJobs?: number;
  /** progress lines (default: none) */
  readonly log?: (line: string) => void;
}

/** The kernel the workload runs with: native with `threads`, else the current one (TypeScript fallback). */
function workloadKernel(threads: 1 | 2, log: (line: string) => void): GemmKernel {
  try {
    return createNativeKernel({ threads });
  } catch (e) {
    log(`native kernel unavailable (${(e as Error).message.split("\n")[0]}); timing ${getKernel().name}`);
    return getKernel();
  }
}

/** GEMM rows for the TypeScript kernel and the native one on 1 and 2 threads. */
function gemmTable(quick: boolean): BenchReport["gemm"] {
  const kernels: GemmKernel[] = [tsBlockedKernel];
  for (const threads of [1, 2] as const) {
    try {
      kernels.push(createNativeKernel({ threads }));
    } catch {
      // the native kernel is not built: the TypeScript row stands alone
    }
  }
  return kernels.flatMap((k) => benchGemm(k, MLP_GEMM_SHAPES, quick ? 2 : k === tsBlockedKernel ? 5 : 30, quick ? 0.001 : 0.005));
}

/** Times loading CIFAR-10 if its folder (CIFAR10_DIR or nnbook.config.json) exists. */
function loadTiming(quick: boolean): LoadTiming {
  if (quick) return { ok: false, reason: "quick run" };
  const { dir } = resolveDataDir(undefined, "CIFAR10_DIR", join("data", "cifar-10-batches-bin"));
  if (!existsSync(dir)) return { ok: false, reason: `no CIFAR-10 folder at ${dir} (set CIFAR10_DIR or nnbook.config.json)` };
  try {
    const r = benchLoadCifar({ dir, repeats: 2 });
    return { ok: true, seconds: r.bestSeconds, upfrontSeconds: r.bestUpfrontSeconds, images: r.images, dir: r.dir };
  } catch (e) {
    return { ok: false, reason: (e as Error).message.split("\n")[0] };
  }
}

/** Our runs: every configuration with every kernel, on synthetic data generated once and shared. */
async function runOurs(
  configs: readonly A3BenchConfig[],
  kernels: readonly GemmKernel[],
  repeat: number,
  sizes: { steps?: number; nTrain?: number; nValidation?: number },
  opts: BenchOptions,
  log: (line: string) => void,
): Promise<A3BenchResult[][]> {
  const data = syntheticCifarShaped(a3Workload(configs[0], sizes));
  const ours: A3BenchResult[][] = [];
  for (const config of configs) {
    const w = a3Workload(config, sizes);
    const results: A3BenchResult[] = [];
    for (const kernel of kernels) {
      log(`A3-${config}: ${w.steps} steps with ${kernel.name}, best of ${repeat}`);
      results.push(
        await benchA3(w, data, repeat, kernel, {
          beforeRun: opts.waitQuiet ? () => waitForQuiet().then((f) => log(`  other load before the run: ${f.toFixed(2)} cores`)) : undefined,
          onRun: (run, i) =>
            log(
              `  run ${i + 1}: ${run.msPerStep.toFixed(3)} ms/step, eval pass ${run.evalPassSeconds.toFixed(3)} s, ` +
                `schedule ${run.scheduleSeconds.toFixed(1)} s (other load ${run.foreignCores.toFixed(2)} cores)`,
            ),
        }),
      );
    }
    ours.push(results);
  }
  return ours; // the synthetic data (150 MB of bytes) can go now, before the next measurements
}

/**
 * Runs the whole benchmark: our training loop on the A3 workloads, then the peers' scripts (NumPy,
 * PyTorch; see peers.ts) on the same workloads, the GEMM table, the CIFAR-10 load time, the report time from
 * reports/dd2424-a3.md's footer, and (with `report`) a cold and a warm generation of each report named. Order matters for memory: the peak RSS is read right after our
 * runs, before the data-load benchmark allocates its own copy.
 */
export async function runBench(opts: BenchOptions = {}): Promise<BenchReport> {
  const t0 = performance.now();
  const quick = opts.quick ?? false;
  const log = opts.log ?? (() => undefined);
  const repeat = opts.repeat ?? (quick ? 1 : 2);
  const steps = quick ? (opts.steps ?? 40) : opts.steps;
  const configs = opts.configs ?? ["3L-BN", "9L-BN"];
  const candidates = [...new Set<1 | 2>(opts.threads ?? [1, 2])].map((t) => workloadKernel(t, log));
  const kernels = candidates.filter((k, i) => candidates.findIndex((c) => c.name === k.name) === i);
  const ours = await runOurs(configs, kernels, repeat, quick ? { steps, nTrain: 1000, nValidation: 200 } : { steps }, opts, log);
  const peers = PEER_NAMES.filter((p) => (opts[p] ?? true) && !quick);
  const workloads: WorkloadComparison[] = [];
  for (const [i, config] of configs.entries()) {
    const outcomes: Partial<Record<PeerName, PeerOutcome>> = {};
    for (const peer of peers) {
      log(`${peer} A3-${config}: ${steps ? `${steps} steps` : "full schedule"}, best of ${repeat}`);
      outcomes[peer] = await runPeerBench(peer, { config, repeat, steps, waitQuiet: opts.waitQuiet, onLine: (l) => log(`  ${peer}: ${l}`) });
    }
    workloads.push({ config, ours: ours[i], ...(peers.length > 0 ? { peers: outcomes } : {}) });
  }
  log("matrix products");
  const gemm = gemmTable(quick);
  log("data loading");
  const load = loadTiming(quick);
  const reportRuns =
    opts.report === undefined ? undefined : await timeReportRuns(opts.report, { jobs: opts.reportJobs ?? Math.max(1, os.availableParallelism()), log });
  return {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? "unknown CPU", cores: os.cpus().length, node: process.version },
    quick,
    repeat,
    steps,
    workloads,
    gemm,
    load,
    report: readReportTime(),
    reportRuns,
    benchSeconds: (performance.now() - t0) / 1000,
    peersSkipped: Object.fromEntries(PEER_NAMES.filter((p) => !peers.includes(p)).map((p) => [p, quick ? "quick run" : `--no-${p}`])),
  };
}
