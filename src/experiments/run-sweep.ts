import { availableParallelism } from "os";
import { ResultCache, openCache } from "./cache";
import { ExperimentConfig } from "./config";
import { ExperimentData, shareData } from "./data";
import { SweepProgress, progressBar, silentProgress } from "./progress";
import { RunResult } from "./result";
import { failedResult, run } from "./run";
import { CacheOptions, cachedResult, resultKey, storeResult } from "./run-cached";
import { openClaims } from "./run-claims";
import { runOnPool } from "./worker-pool";

/** Options of `runSweep`. */
export interface SweepOptions {
  /** worker threads; default: the number of cores; 0 = run serially in this thread */
  readonly workers?: number;
  /** the result cache (default `openCache()`, i.e. .nnbook-cache/ or $NNBOOK_CACHE_DIR), or false */
  readonly cache?: ResultCache | false;
  /** ignore cached entries, run everything afresh and overwrite them */
  readonly force?: boolean;
  /** a progress bar on stderr (default: when stderr is a terminal), or a custom reporter */
  readonly progress?: boolean | SweepProgress;
  /** called as each result arrives (in completion order) */
  readonly onResult?: (index: number, result: RunResult) => void;
  /**
   * run on the workers of this job queue (redis://… or rediss://…, see `nnbook worker`) instead of
   * local threads; default $NNBOOK_QUEUE; false: never
   */
  readonly queue?: string | false;
  /**
   * how often to look for the results of runs that another process (another notebook of the same
   * report, say) was already training when this sweep started, in ms (default 1000; see `runSweep`)
   */
  readonly claimPollMs?: number;
}

/** The queue a sweep uses: the option, else $NNBOOK_QUEUE, else none. */
function queueUrl(opts: SweepOptions): string | undefined {
  if (opts.queue === false) return undefined;
  const url = opts.queue ?? process.env.NNBOOK_QUEUE;
  return url === undefined || url === "" ? undefined : url;
}

function lookup(config: ExperimentConfig, data: ExperimentData, opts: CacheOptions): RunResult | undefined {
  try {
    return cachedResult(config, data, opts);
  } catch (err) {
    return failedResult(config, data, err); // e.g. a config JSON cannot represent
  }
}

/** Runs the configs one after the other in this thread, yielding to the event loop in between. */
async function runSerially(
  configs: readonly ExperimentConfig[],
  pending: readonly number[],
  data: ExperimentData,
  finish: (i: number, r: RunResult) => void,
  running: (n: number) => void,
): Promise<void> {
  for (const i of pending) {
    running(1);
    await new Promise((r) => setImmediate(r));
    let result: RunResult;
    try {
      result = run(configs[i], data);
    } catch (err) {
      result = failedResult(configs[i], data, err);
    }
    finish(i, result);
  }
  running(0);
}

/**
 * Runs every config on `data` and returns the results IN CONFIG ORDER, whatever order they finish
 * in. Cached results are returned at once (see `runCached`); the rest run in parallel on worker
 * threads that share the data through SharedArrayBuffers (copied into shared memory once per
 * sweep if the loader did not already share them). A run that diverges, throws, or whose worker
 * dies is recorded in its own result (status "diverged" / "failed"); the sweep goes on.
 * With a job queue (`queue` / $NNBOOK_QUEUE) the pending runs go to its workers instead (see
 * `runOnQueue`); their results come back the same, in config order, and enter the local cache too.
 * Data a remote worker could not load (hand-made arrays) runs locally, with a warning.
 * With a cache, each pending run is claimed first (see `openClaims`): a run another live process
 * is training right now is not trained again; this sweep runs its own runs, then waits for the
 * other process's results (and trains any whose owner died without a result).
 */
export async function runSweep(configs: readonly ExperimentConfig[], data: ExperimentData, opts: SweepOptions = {}): Promise<RunResult[]> {
  const workers = opts.workers ?? availableParallelism();
  if (!(Number.isInteger(workers) && workers >= 0)) throw new RangeError(`runSweep: workers must be an integer ≥ 0, got ${workers}`);
  const cacheOpts: CacheOptions = { cache: opts.cache ?? openCache(), force: opts.force };
  const results: (RunResult | undefined)[] = configs.map((c) => lookup(c, data, cacheOpts));
  const pending = results.flatMap((r, i) => (r === undefined ? [i] : []));
  let cached = results.filter((r) => r?.fromCache).length;
  const progress: SweepProgress =
    typeof opts.progress === "object"
      ? opts.progress
      : (opts.progress ?? process.stderr.isTTY)
        ? progressBar(configs.length, configs.length - pending.length, cached)
        : silentProgress;
  results.forEach((r, i) => r && opts.onResult?.(i, r));
  let done = configs.length - pending.length;
  let inFlight = 0;
  const cache = cacheOpts.cache;
  const claims = cache && cache.usable ? openClaims((key) => cache.entryPath(key)) : undefined;
  const keys = new Map<number, string | undefined>(); // each pending run's cache key, computed once
  const keyOf = (i: number): string | undefined => {
    if (!keys.has(i)) {
      try {
        keys.set(i, resultKey(configs[i], data));
      } catch {
        keys.set(i, undefined); // a config the cache cannot key (its run fails on its own)
      }
    }
    return keys.get(i);
  };
  const claim = (i: number): boolean => {
    const key = keyOf(i);
    return !claims || key === undefined || claims.claim(key);
  };
  const arrived = (i: number, result: RunResult): void => {
    results[i] = result;
    done++;
    if (result.fromCache) cached++; // shared results of the job queue, or of another process
    progress.update(done, inFlight, cached);
    opts.onResult?.(i, result);
  };
  const finish = (i: number, result: RunResult): void => {
    try {
      storeResult(configs[i], data, result, cacheOpts);
    } catch (err) {
      process.emitWarning(`result cache: could not store run ${i}: ${(err as Error).message}`);
    }
    const key = keyOf(i);
    if (key !== undefined) claims?.release(key);
    arrived(i, result);
  };
  const running = (n: number): void => {
    inFlight = n;
    progress.update(done, inFlight, cached);
  };
  const runLocally = async (list: readonly number[]): Promise<void> => {
    if (workers === 0 || list.length === 0) await runSerially(configs, list, data, finish, running);
    else await runOnPool(configs, list, shareData(data), workers, { finish, running });
  };
  try {
    const ours: number[] = [];
    let elsewhere: number[] = [];
    for (const i of pending) (claim(i) ? ours : elsewhere).push(i);
    const queue = ours.length > 0 ? queueUrl(opts) : undefined;
    const remote = queue === undefined ? undefined : await import("../queue/run-on-queue"); // loads BullMQ only when used
    const why = remote?.notQueueable(data);
    if (why !== undefined) process.emitWarning(`a job queue is set, but ${why}: this sweep runs locally`);
    if (queue !== undefined && remote && why === undefined) {
      await remote.runOnQueue(configs, ours, data, { finish, running, detail: (t) => progress.detail?.(t) }, { url: queue });
    } else await runLocally(ours);
    const pollMs = opts.claimPollMs ?? 1000;
    while (elsewhere.length > 0) {
      progress.detail?.(`waiting for ${elsewhere.length} run${elsewhere.length === 1 ? "" : "s"} another process is training`);
      await new Promise((r) => setTimeout(r, pollMs));
      const takeOver: number[] = [];
      elsewhere = elsewhere.filter((i) => {
        const hit = lookup(configs[i], data, { cache: cacheOpts.cache }); // even with force: it is fresh
        if (hit) arrived(i, hit);
        else if (claim(i))
          takeOver.push(i); // its owner died without a result
        else return true;
        return false;
      });
      await runLocally(takeOver);
    }
  } finally {
    claims?.releaseAll();
    progress.stop();
  }
  return results.map((r, i) => r ?? failedResult(configs[i], data, new Error("no result (internal error)")));
}
