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
  /** the peers' scripts (default ../shared/bench/<peer>_a3.py from the working directory) */
  readonly peerScripts?: Partial<Record<PeerName, string>>;
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

/** One run of a configuration with each of our kernels, on the given synthetic data. */
async function runOursOnce(
  config: A3BenchConfig,
  kernels: readonly GemmKernel[],
  data: ReturnType<typeof syntheticCifarShaped>,
  round: number,
  sizes: { steps?: number; nTrain?: number; nValidation?: number },
  opts: BenchOptions,
  log: (line: string) => void,
): Promise<A3BenchResult[]> {
  const results: A3BenchResult[] = [];
  const w = a3Workload(config, sizes);
  for (const kernel of kernels) {
    log(`A3-${config}: ${w.steps} steps with ${kernel.name}, round ${round + 1}`);
    results.push(
      await benchA3(w, data, 1, kernel, {
        beforeRun: opts.waitQuiet ? () => waitForQuiet().then((f) => log(`  other load before the run: ${f.toFixed(2)} cores`)) : undefined,
        onRun: (run) =>
          log(
            `  run ${round + 1}: ${run.msPerStep.toFixed(3)} ms/step, eval pass ${run.evalPassSeconds.toFixed(3)} s, ` +
              `schedule ${run.scheduleSeconds.toFixed(1)} s (other load ${run.foreignCores.toFixed(2)} cores)`,
          ),
      }),
    );
  }
  return results;
}

/** The runs of one configuration and kernel from every round, as one best-of result. */
export function mergeA3Results(rounds: readonly A3BenchResult[]): A3BenchResult {
  const runs = rounds.flatMap((r) => r.runs);
  const bestRound = rounds.reduce((a, b) => (b.best.scheduleSeconds < a.best.scheduleSeconds ? b : a));
  return { ...bestRound, runs, peakRssBytes: Math.max(...rounds.map((r) => r.peakRssBytes)) };
}

/** A peer's outcomes from every round as one: its runs together, the best of them; a failure if any round failed. */
export function mergePeerOutcomes(rounds: readonly PeerOutcome[]): PeerOutcome {
  const failed = rounds.find((o) => !o.ok);
  if (failed || rounds.length === 0) return failed ?? { ok: false, reason: "not run" };
  const results = rounds.map((o) => (o as Extract<PeerOutcome, { ok: true }>).result);
  const runs = results.flatMap((r) => r.runs);
  const best = runs.reduce((a, b) => (b.estimateSeconds < a.estimateSeconds ? b : a));
  return { ok: true, result: { ...results[0], openblasCore: results.find((r) => r.openblasCore)?.openblasCore, runs, best } };
}

/**
 * Runs the whole benchmark: our training loop on the A3 workloads and the peers' scripts (NumPy,
 * PyTorch; see peers.ts) on the same workloads, interleaved round by round, the GEMM table, the CIFAR-10 load time, the report time from
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
  const peers = PEER_NAMES.filter((p) => opts[p] ?? !quick);
  // Rounds: each round runs every configuration once with each of our kernels and then each peer
  // (one run each), so that ours and the peers' are measured side by side in time on a shared
  // machine whose speed drifts; the best of the rounds counts.
  const sizes = quick ? { steps, nTrain: 1000, nValidation: 200 } : { steps };
  const data = syntheticCifarShaped(a3Workload(configs[0], sizes));
  const oursRounds: A3BenchResult[][][] = configs.map(() => kernels.map(() => []));
  const peerRounds: Partial<Record<PeerName, PeerOutcome[]>>[] = configs.map(() => ({}));
  for (let round = 0; round < repeat; round++) {
    for (const [i, config] of configs.entries()) {
      const results = await runOursOnce(config, kernels, data, round, sizes, opts, log);
      results.forEach((r, k) => oursRounds[i][k].push(r));
      for (const peer of peers) {
        log(`${peer} A3-${config}: ${steps ? `${steps} steps` : "full schedule"}, round ${round + 1}`);
        const outcome = await runPeerBench(peer, {
          config,
          repeat: 1,
          steps,
          script: opts.peerScripts?.[peer],
          waitQuiet: opts.waitQuiet,
          onLine: (l) => log(`  ${peer}: ${l}`),
        });
        (peerRounds[i][peer] ??= []).push(outcome);
        if (!outcome.ok) log(`  ${peer}: ${outcome.reason}`);
      }
    }
  }
  const workloads: WorkloadComparison[] = configs.map((config, i) => {
    const ours = oursRounds[i].map(mergeA3Results);
    const outcomes = Object.fromEntries(peers.map((p) => [p, mergePeerOutcomes(peerRounds[i][p] ?? [])])) as Partial<Record<PeerName, PeerOutcome>>;
    return { config, ours, ...(peers.length > 0 ? { peers: outcomes } : {}) };
  });
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
    peersSkipped: Object.fromEntries(PEER_NAMES.filter((p) => !peers.includes(p)).map((p) => [p, quick && opts[p] === undefined ? "quick run" : `--no-${p}`])),
  };
}
