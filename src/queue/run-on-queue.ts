import { Job, Queue } from "bullmq";
import type { ExperimentConfig } from "../experiments/config";
import type { ExperimentData } from "../experiments/data";
import { decodeJson } from "../experiments/json-codec";
import type { RunResult } from "../experiments/result";
import { failedResult } from "../experiments/run";
import { resultKey } from "../experiments/run-cached";
import type { PoolHooks } from "../experiments/worker-pool";
import { dataSourceOf } from "./data-source";
import { enqueueRuns, runJob } from "./enqueue";
import { parseQueueUrl, redisOptions } from "./redis-url";
import { QUEUE_NAME, QUEUE_PREFIX, readRefusals, readShared } from "./store";

/** Options of `runOnQueue`. */
export interface QueueSweepOptions {
  /** redis://… or rediss://… */
  readonly url: string;
  /** how often the queue is looked at (default 500 ms) */
  readonly pollMs?: number;
  /** fail the sweep when no run has finished for this long (default $NNBOOK_QUEUE_TIMEOUT seconds, else 30 min) */
  readonly timeoutMs?: number;
}

/** `PoolHooks` plus a one-line description of where the runs are (workers, queued, refusals). */
export interface QueueHooks extends PoolHooks {
  readonly detail?: (text: string) => void;
}

/** The default no-progress timeout: $NNBOOK_QUEUE_TIMEOUT (seconds) or 30 minutes. */
export function queueTimeoutMs(): number {
  const env = process.env.NNBOOK_QUEUE_TIMEOUT;
  if (env === undefined || env === "") return 30 * 60 * 1000;
  const s = Number(env);
  if (!(s > 0)) throw new RangeError(`NNBOOK_QUEUE_TIMEOUT: expected a positive number of seconds, got ${JSON.stringify(env)}`);
  return s * 1000;
}

/** Why remote workers could not load `data` (see `dataSourceOf`), or undefined when they can. */
export function notQueueable(data: ExperimentData): string | undefined {
  try {
    dataSourceOf(data);
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^queue: /, "");
  }
}

/** A finished job's outcome, or undefined while it is not finished. */
function outcomeOf(job: Job, config: ExperimentConfig, data: ExperimentData): RunResult | undefined {
  if (!job.finishedOn) return undefined;
  if (typeof job.returnvalue === "string") return decodeJson(job.returnvalue) as RunResult;
  return failedResult(config, data, new Error(`queue: ${job.failedReason || "the job failed without a reason"}`));
}

/**
 * Runs `configs[i]` for every i in `pending` on the workers of the queue at `url` and reports each
 * result through `hooks.finish` (each index exactly once). Results shared by earlier sweeps come
 * back at once (`fromCache: true`); the others are queued (job id = result key) and collected as
 * workers finish them. Jobs lost from Redis (a restart without persistence) are queued again;
 * Redis being unreachable is retried. Rejects with a message saying what was queued, running and
 * refused when no run finished for `timeoutMs`.
 */
export async function runOnQueue(
  configs: readonly ExperimentConfig[],
  pending: readonly number[],
  data: ExperimentData,
  hooks: QueueHooks,
  opts: QueueSweepOptions,
): Promise<void> {
  if (pending.length === 0) return;
  const address = parseQueueUrl(opts.url);
  const source = dataSourceOf(data);
  const timeoutMs = opts.timeoutMs ?? queueTimeoutMs();
  const byKey = new Map<string, number[]>();
  for (const i of pending) {
    const key = resultKey(configs[i], data);
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  }
  const queue = new Queue(QUEUE_NAME, { connection: { ...redisOptions(address), maxRetriesPerRequest: 3 }, prefix: QUEUE_PREFIX });
  queue.on("error", () => undefined); // connection errors surface through the commands below
  const finish = (key: string, result: RunResult): void => {
    const normalized: RunResult = { ...result, data: { fingerprint: data.fingerprint, provenance: data.provenance } };
    for (const i of byKey.get(key) ?? []) hooks.finish(i, normalized);
    byKey.delete(key);
  };
  try {
    const client = await queue.client;
    const keys = [...byKey.keys()];
    (await readShared(client, keys)).forEach((r, k) => r && finish(keys[k], { ...r, fromCache: true }));
    await enqueueRuns(
      queue,
      [...byKey.keys()].map((key) => runJob(key, configs[byKey.get(key)![0]], data, source)),
    );
    await follow(queue, byKey, { configs, data, source, hooks, finish, timeoutMs, pollMs: opts.pollMs ?? 500, display: address.display });
  } finally {
    await closeQueue(queue);
  }
}

/** Closes the producer's connection; when Redis is unreachable, gives up after 5 s and disconnects. */
async function closeQueue(queue: Queue): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)));
  await Promise.race([queue.close().catch(() => undefined), late]);
  clearTimeout(timer);
  await queue.disconnect().catch(() => undefined);
}

interface FollowContext {
  readonly configs: readonly ExperimentConfig[];
  readonly data: ExperimentData;
  readonly source: ReturnType<typeof dataSourceOf>;
  readonly hooks: QueueHooks;
  readonly finish: (key: string, result: RunResult) => void;
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly display: string;
}

/** Polls the queue until every key has an outcome (or nothing finished for `timeoutMs`). */
async function follow(queue: Queue, byKey: Map<string, number[]>, ctx: FollowContext): Promise<void> {
  let lastProgress = Date.now();
  let status = "";
  let lastError: Error | undefined;
  while (byKey.size > 0) {
    const before = byKey.size;
    try {
      status = await poll(queue, byKey, ctx);
      lastError = undefined;
    } catch (err) {
      lastError = err as Error;
      ctx.hooks.detail?.(`queue ${ctx.display} unreachable: ${lastError.message}`);
    }
    if (byKey.size < before) lastProgress = Date.now();
    if (byKey.size === 0) break;
    if (Date.now() - lastProgress > ctx.timeoutMs) {
      const idle = status === "" || (/^0 running/.test(status) && !/refused/.test(status));
      const why = lastError
        ? [`last error: ${lastError.message}`]
        : [status, idle ? "no worker took a job (is `nnbook worker` running on this queue?)" : ""].filter((t) => t !== "");
      throw new Error(`queue ${ctx.display}: no run finished for ${Math.round(ctx.timeoutMs / 1000)} s; ${byKey.size} runs left; ${why.join("; ")}`);
    }
    await new Promise((r) => setTimeout(r, ctx.pollMs));
  }
}

/** One look at the queue: collects finished runs, re-queues lost jobs, reports where the rest are. */
async function poll(queue: Queue, byKey: Map<string, number[]>, ctx: FollowContext): Promise<string> {
  const client = await queue.client;
  const keys = [...byKey.keys()];
  (await readShared(client, keys)).forEach((r, k) => r && ctx.finish(keys[k], r));
  const lost = [];
  for (const key of [...byKey.keys()]) {
    const job = await Job.fromId(queue, key);
    const config = ctx.configs[byKey.get(key)![0]];
    if (!job) lost.push(runJob(key, config, ctx.data, ctx.source));
    else {
      const outcome = outcomeOf(job, config, ctx.data);
      if (outcome) ctx.finish(key, outcome);
    }
  }
  if (lost.length) await enqueueRuns(queue, lost);
  const left = [...byKey.keys()];
  const active = (await queue.getActive()).filter((j) => j.id !== undefined && byKey.has(j.id));
  const perWorker = new Map<string, number>();
  for (const j of active) perWorker.set(j.processedBy ?? "?", (perWorker.get(j.processedBy ?? "?") ?? 0) + 1);
  const refusals = [...new Set((await readRefusals(client, left)).filter((r): r is string => r !== undefined))];
  ctx.hooks.running(active.length);
  const where = [...perWorker].map(([w, n]) => `${w} ×${n}`).join(", ");
  const status =
    `${active.length} running${where ? ` (${where})` : ""}, ${left.length - active.length} queued` +
    (refusals.length ? `; refused: ${refusals.slice(0, 3).join("; ")}` : "") +
    (lost.length ? `; ${lost.length} lost jobs queued again` : "");
  ctx.hooks.detail?.(status);
  return status;
}
