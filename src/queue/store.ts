import type { RedisClient } from "bullmq";
import { decodeJson, encodeJson } from "../experiments/json-codec";
import type { RunResult } from "../experiments/result";

/** BullMQ key prefix and queue name: the jobs live under `nnbook:runs:*`. */
export const QUEUE_PREFIX = "nnbook";
export const QUEUE_NAME = "runs";
/** Redis hash: result-cache key → encoded RunResult, written by the worker that computed it. */
export const RESULTS_HASH = `${QUEUE_PREFIX}:${QUEUE_NAME}:results`;
/** Redis hash: result-cache key → the last refusal of that job ("worker: reason"). */
export const REFUSALS_HASH = `${QUEUE_PREFIX}:${QUEUE_NAME}:refusals`;

/**
 * The shared results of some keys (undefined where none is stored). Entries that do not decode,
 * or whose key does not match, count as missing (their runs are simply done again).
 */
export async function readShared(client: RedisClient, keys: readonly string[]): Promise<(RunResult | undefined)[]> {
  if (keys.length === 0) return [];
  const texts = await client.hmget(RESULTS_HASH, ...keys);
  return texts.map((text, i) => {
    if (text === null) return undefined;
    try {
      const entry = decodeJson(text) as { key?: unknown; result?: RunResult };
      return entry.key === keys[i] && typeof entry.result === "object" && entry.result.status !== "failed" ? entry.result : undefined;
    } catch {
      return undefined;
    }
  });
}

/** Shares a result under its key (failed runs are not shared: their failure may be transient). */
export async function writeShared(client: RedisClient, key: string, result: RunResult): Promise<void> {
  if (result.status === "failed") return;
  const { fromCache: _dropped, ...stored } = result;
  await client.hset(RESULTS_HASH, { [key]: encodeJson({ key, result: stored }) });
}

/** The last refusal recorded for each key (undefined where none). */
export async function readRefusals(client: RedisClient, keys: readonly string[]): Promise<(string | undefined)[]> {
  if (keys.length === 0) return [];
  return (await client.hmget(REFUSALS_HASH, ...keys)).map((t) => t ?? undefined);
}

/** Records that worker `name` refused job `key`, and why. */
export async function writeRefusal(client: RedisClient, key: string, name: string, reason: string): Promise<void> {
  await client.hset(REFUSALS_HASH, { [key]: `${name}: ${reason}` });
}
