/** Small helpers shared by the queue tests. */
import { Queue } from "bullmq";
import { RunResult, encodeJson } from "../../src/experiments";
import { parseQueueUrl, redisOptions } from "../../src/queue/redis-url";
import { QUEUE_NAME, QUEUE_PREFIX } from "../../src/queue/store";
import { comparable } from "../experiments/fixtures";

/** A result as bytes, without the fields that legitimately differ between two runs (timing, fromCache). */
export const bytesOf = (r: RunResult): string => encodeJson(comparable(r));

/** A BullMQ handle on the runs queue, for looking at (or adding raw) jobs from a test. */
export function inspect(url: string): Queue {
  return new Queue(QUEUE_NAME, { connection: redisOptions(parseQueueUrl(url)), prefix: QUEUE_PREFIX });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Environment for worker processes reading the tiny fixture files (fewer records than the official ones). */
export const SHORT_DATA_ENV = { NNBOOK_ALLOW_SHORT_DATA: "1" } as const;

/** Calls `fn` with NNBOOK_ALLOW_SHORT_DATA=1 (the fixtures are tiny), restoring the variable after. */
export async function withShortData<T>(fn: () => T | Promise<T>): Promise<T> {
  const saved = process.env.NNBOOK_ALLOW_SHORT_DATA;
  process.env.NNBOOK_ALLOW_SHORT_DATA = "1";
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.NNBOOK_ALLOW_SHORT_DATA;
    else process.env.NNBOOK_ALLOW_SHORT_DATA = saved;
  }
}
