import { Queue } from "bullmq";
import type { ExperimentConfig } from "../experiments/config";
import type { ExperimentData } from "../experiments/data";
import { runSweep } from "../experiments/run-sweep";
import { withSeeds } from "../experiments/sweep";
import { loadDataSource } from "./data-source";
import { LocalRedis, freePort, redisServerBinary } from "./local-redis";
import { parseQueueUrl, redisOptions } from "./redis-url";
import { QUEUE_NAME, QUEUE_PREFIX, REFUSALS_HASH, RESULTS_HASH } from "./store";
import { WorkerProcess } from "./worker-process";

/** Options of `benchQueue`. */
export interface QueueBenchOptions {
  /** the queue to use, or "local": a private redis-server on a free 127.0.0.1 port */
  readonly url: string;
  /** runs in the sweep (default 24) */
  readonly runs?: number;
  /** numbers of local worker processes to time (default 1, 2, 3; each runs one run at a time) */
  readonly processes?: readonly number[];
  /** numbers of local worker threads to time, the baseline (default 1, 2) */
  readonly threads?: readonly number[];
  readonly log?: (line: string) => void;
}

/** One timed sweep. */
export interface QueueBenchRow {
  readonly mode: "threads" | "queue";
  /** threads, or worker processes */
  readonly count: number;
  readonly runs: number;
  readonly seconds: number;
}

/** The benchmark's tiny workload: synthetic blobs (every worker generates the same), a short schedule. */
const SOURCE = { kind: "blobs", options: { dims: 100, classes: 10, train: 1000, validation: 200, test: 200, seed: 3 } } as const;
const CONFIG: ExperimentConfig = {
  hidden: [50],
  activation: { name: "relu" },
  batchNorm: "off",
  init: { kind: "he" },
  lambda: 1e-3,
  batchSize: 100,
  schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 100, cycles: 1 },
  evaluation: { per: "cycle", times: 2 },
  data: { name: "blobs" },
  seed: 1,
};

/** Empties the queue and the shared results, so every timed sweep computes every run. */
async function clearQueue(url: string): Promise<void> {
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(parseQueueUrl(url)), prefix: QUEUE_PREFIX });
  try {
    await queue.obliterate({ force: true });
    await (await queue.client).del(RESULTS_HASH, REFUSALS_HASH);
  } finally {
    await queue.close();
  }
}

/** Times one sweep on `n` freshly started local worker processes (start-up not timed). */
async function timeProcesses(url: string, n: number, configs: readonly ExperimentConfig[], data: ExperimentData): Promise<number> {
  await clearQueue(url);
  const workers = Array.from({ length: n }, (_, k) => new WorkerProcess(`bench-${k + 1}`, url, {}, ["--concurrency", "1"]));
  try {
    await Promise.all(workers.map((w) => w.ready));
    const t0 = process.hrtime.bigint();
    const results = await runSweep(configs, data, { queue: url, cache: false, progress: false });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const bad = results.find((r) => r.status !== "completed");
    if (bad) throw new Error(`bench: a run ${bad.status}: ${bad.message}`);
    return seconds;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/**
 * Sweep throughput on the job queue with 1, 2, 3 … local `nnbook worker` processes against local
 * worker threads: the same `runs` tiny runs each time, nothing cached. Needs the compiled CLI
 * (dist/) and, for `url: "local"`, redis-server installed.
 */
export async function benchQueue(opts: QueueBenchOptions): Promise<QueueBenchRow[]> {
  const log = opts.log ?? (() => undefined);
  const configs = withSeeds(
    [CONFIG],
    Array.from({ length: opts.runs ?? 24 }, (_, k) => k + 1),
  );
  let server: LocalRedis | undefined;
  let url = opts.url;
  if (url === "local") {
    const binary = redisServerBinary();
    if (!binary) throw new Error("bench --queue local: redis-server is not installed (Debian: apt-get install redis-server)");
    server = new LocalRedis(binary, await freePort());
    await server.start();
    url = server.url(0);
  }
  const rows: QueueBenchRow[] = [];
  try {
    const data = await loadDataSource(SOURCE);
    for (const n of opts.threads ?? [1, 2]) {
      const t0 = process.hrtime.bigint();
      await runSweep(configs, data, { workers: n, cache: false, progress: false, queue: false });
      rows.push({ mode: "threads", count: n, runs: configs.length, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
      log(`${n} thread(s): ${rows[rows.length - 1].seconds.toFixed(2)} s`);
    }
    for (const n of opts.processes ?? [1, 2, 3]) {
      rows.push({ mode: "queue", count: n, runs: configs.length, seconds: await timeProcesses(url, n, configs, data) });
      log(`${n} worker process(es): ${rows[rows.length - 1].seconds.toFixed(2)} s`);
    }
  } finally {
    await server?.dispose();
  }
  return rows;
}

/** The rows as a Markdown table (runs per minute = throughput). */
export function formatQueueBench(rows: readonly QueueBenchRow[]): string {
  const lines = ["| sweep on | runs | wall-clock (s) | runs / min |", "| --- | ---: | ---: | ---: |"];
  for (const r of rows) {
    const where = r.mode === "threads" ? `${r.count} local thread${r.count > 1 ? "s" : ""}` : `queue, ${r.count} worker process${r.count > 1 ? "es" : ""}`;
    lines.push(`| ${where} | ${r.runs} | ${r.seconds.toFixed(2)} | ${((60 * r.runs) / r.seconds).toFixed(0)} |`);
  }
  return lines.join("\n");
}
