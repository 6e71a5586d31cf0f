import { availableParallelism, hostname } from "os";
import { DelayedError, Job, type RedisClient, UnrecoverableError, Worker } from "bullmq";
import { codeVersion } from "../experiments/code-version";
import type { ExperimentData } from "../experiments/data";
import { encodeJson } from "../experiments/json-codec";
import { resultKey } from "../experiments/run-cached";
import type { RunResult } from "../experiments/result";
import { LocalData, LocalDataSets } from "./local-data";
import { checkRunJob, RunJob } from "./payload";
import { parseQueueUrl, redisOptions } from "./redis-url";
import { QUEUE_NAME, QUEUE_PREFIX, writeRefusal, writeShared } from "./store";

/** Options of `startQueueWorker`. */
export interface QueueWorkerOptions {
  /** redis://… or rediss://… */
  readonly url: string;
  /** runs at once (default: the number of cores) */
  readonly concurrency?: number;
  /** shown in progress and logs (default `<host>:<pid>`) */
  readonly name?: string;
  /** a job whose lock is not renewed for this long counts as stalled and is retried (default 30 s) */
  readonly lockDurationMs?: number;
  /** how often stalled jobs are looked for (default 30 s) */
  readonly stalledIntervalMs?: number;
  /** a refused job goes back to the queue after this delay, for another worker (default 1 s) */
  readonly refuseDelayMs?: number;
  /** one line per event (connected, refused, completed, errors) */
  readonly log?: (line: string) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  readonly name: string;
  /**
   * stops taking jobs and resolves once the runs in flight are finished; with `force` (also while
   * a first close waits) they are stopped and handed back instead: BullMQ retries them elsewhere
   */
  close(force?: boolean): Promise<void>;
}

/**
 * Why this worker must not run `job` on `data`, or undefined when it may: the job's data
 * fingerprint, engine version and result key must all equal this worker's.
 */
export function refusalReason(job: RunJob, data: ExperimentData): string | undefined {
  if (data.fingerprint !== job.fingerprint) {
    return `data fingerprint differs: the job wants ${job.fingerprint}, this worker has ${data.fingerprint} (${data.provenance})`;
  }
  const mine = codeVersion();
  if (mine !== job.codeVersion) return `engine version differs: the job wants ${job.codeVersion}, this worker runs ${mine}`;
  const key = resultKey(job.config, data);
  if (key !== job.key) return `result key differs: the job has ${job.key}, this worker computes ${key}`;
  return undefined;
}

/** What the job processor needs of its worker. */
interface ProcessContext {
  readonly name: string;
  readonly log: (line: string) => void;
  readonly sets: LocalDataSets;
  readonly client: () => Promise<RedisClient>;
  readonly refuseDelayMs: number;
  readonly stopping: () => boolean;
}

/** The payload of a job, or an `UnrecoverableError` (no retry) naming what is wrong with it. */
function payloadOf(job: Job, log: (line: string) => void): RunJob {
  try {
    const payload = checkRunJob(job.data);
    if (job.id !== payload.key) throw new Error(`job id ${job.id} is not the payload's key ${payload.key}`);
    return payload;
  } catch (err) {
    log(`rejected job ${job.id}: malformed payload: ${(err as Error).message}`);
    throw new UnrecoverableError(`malformed job payload: ${(err as Error).message}`);
  }
}

/**
 * Runs one job: checks the payload, refuses it (recorded, logged, back to the queue after a delay)
 * when this worker's data or engine differ, else runs it on a thread, shares and returns the result.
 */
async function processRun(job: Job, token: string | undefined, ctx: ProcessContext): Promise<string> {
  const payload = payloadOf(job, ctx.log);
  let local: LocalData | undefined;
  let reason: string | undefined;
  try {
    local = await ctx.sets.get(payload.source);
    reason = refusalReason(payload, local.data);
  } catch (err) {
    reason = `cannot load the job's data here: ${(err as Error).message}`;
  }
  if (reason !== undefined || !local) {
    ctx.log(`refused job ${payload.key.slice(0, 12)}: ${reason}`);
    await writeRefusal(await ctx.client(), payload.key, ctx.name, reason ?? "no data");
    await job.moveToDelayed(Date.now() + ctx.refuseDelayMs, token);
    throw new DelayedError();
  }
  let result: RunResult;
  try {
    result = await local.threads.run(payload.config);
  } catch (err) {
    // a failed attempt: BullMQ retries it, possibly on another worker
    throw new Error(ctx.stopping() ? `handed back: worker ${ctx.name} is stopping` : `sweep thread failed: ${(err as Error).message}`);
  }
  await writeShared(await ctx.client(), payload.key, result);
  return encodeJson(result);
}

/**
 * Starts a worker that takes training runs from the queue at `url`, runs them on worker threads
 * with this machine's data (loaded once per data source), shares each result, and returns it.
 * Malformed payloads fail at once (no retry). A job for other data or another engine version is
 * refused: the reason is logged and recorded, and the job goes back to the queue for another worker.
 */
export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorker> {
  const address = parseQueueUrl(opts.url);
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const concurrency = opts.concurrency ?? availableParallelism();
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new RangeError(`worker: concurrency must be an integer ≥ 1, got ${concurrency}`);
  const log = opts.log ?? (() => undefined);
  const sets = new LocalDataSets();
  let stopping = false;
  const ctx: ProcessContext = {
    name,
    log,
    sets,
    client: () => worker.client,
    refuseDelayMs: opts.refuseDelayMs ?? 1000,
    stopping: () => stopping,
  };
  const worker: Worker = new Worker(QUEUE_NAME, (job: Job, token?: string) => processRun(job, token, ctx), {
    connection: redisOptions(address),
    prefix: QUEUE_PREFIX,
    concurrency,
    name,
    autorun: false,
    lockDuration: opts.lockDurationMs ?? 30000,
    stalledInterval: opts.stalledIntervalMs ?? 30000,
    maxStalledCount: 5,
  });
  worker.on("completed", (job: Job) => log(`completed ${String(job.id).slice(0, 12)} (seed ${job.data?.config?.seed})`));
  worker.on("failed", (job: Job | undefined, err: Error) => {
    if (!(err instanceof DelayedError)) log(`failed ${String(job?.id).slice(0, 12)}: ${err.message}`);
  });
  worker.on("error", (err: Error) => log(`queue error: ${err.message}`));
  await worker.waitUntilReady();
  worker.run().catch((err: Error) => log(`worker stopped: ${err.message}`));
  log(`worker ${name} connected to ${address.display}: ${concurrency} at once, engine ${codeVersion()}`);
  return {
    name,
    close: async (force = false) => {
      if (force) {
        stopping = true;
        await sets.close(); // the runs in flight fail this attempt: BullMQ retries them
      }
      // with the runs in flight finished, or failed above; if Redis is unreachable, give up after 10 s
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), 10000)));
      const outcome = await Promise.race([worker.close().then(() => "closed" as const), late]);
      clearTimeout(timer);
      if (outcome === "late") {
        log("the queue did not answer within 10 s: disconnecting (runs in flight are retried elsewhere)");
        await sets.close();
        await worker.disconnect().catch(() => undefined);
      }
      await sets.close();
    },
  };
}
