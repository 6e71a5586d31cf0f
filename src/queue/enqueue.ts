import { Job, Queue } from "bullmq";
import { codeVersion } from "../experiments/code-version";
import type { ExperimentConfig } from "../experiments/config";
import type { ExperimentData } from "../experiments/data";
import { DataSource } from "./data-source";
import { PAYLOAD_VERSION, RunJob } from "./payload";
import { REFUSALS_HASH } from "./store";

/** How long finished jobs stay in Redis (the results themselves stay in the shared results hash). */
const KEEP_FINISHED_S = 24 * 3600;

/** The job options of every run: retried up to 3 times (1 s apart) if its worker errs. */
export const RUN_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "fixed", delay: 1000 },
  removeOnComplete: { age: KEEP_FINISHED_S },
  removeOnFail: { age: KEEP_FINISHED_S },
} as const;

/** The payload of one run (see `RunJob`). */
export function runJob(key: string, config: ExperimentConfig, data: ExperimentData, source: DataSource): RunJob {
  return { v: PAYLOAD_VERSION, key, config, fingerprint: data.fingerprint, codeVersion: codeVersion(), source };
}

/**
 * Puts the runs on the queue, job id = result key, so a run asked for by several sweeps at once is
 * done once. A finished job left over from an earlier sweep (whose run failed, or whose result is
 * no longer shared) is removed first so the run is done again; a job still waiting or running is
 * kept and waited for. Returns the number of jobs added.
 */
export async function enqueueRuns(queue: Queue, jobs: readonly RunJob[]): Promise<number> {
  const fresh: RunJob[] = [];
  for (const job of jobs) {
    const old = await Job.fromId(queue, job.key);
    if (old && !old.finishedOn) continue;
    if (old) await old.remove().catch(() => undefined); // already removed by someone else: fine
    fresh.push(job);
  }
  if (fresh.length > 0) await (await queue.client).hdel(REFUSALS_HASH, ...fresh.map((j) => j.key)); // refusals of earlier jobs
  await queue.addBulk(fresh.map((data) => ({ name: "run", data, opts: { ...RUN_JOB_OPTIONS, jobId: data.key } })));
  return fresh.length;
}
