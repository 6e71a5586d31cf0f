import { ConfigError, checkKeys, checkObject, show } from "../experiments/check";
import type { ExperimentConfig } from "../experiments/config";
import { checkDataSource, DataSource } from "./data-source";

/** The payload version; a worker rejects payloads of any other version. */
export const PAYLOAD_VERSION = 1;

/**
 * One training run as a queue job: plain JSON, never code. `key` is the result-cache key the
 * producer computed (`resultKey`), also the job id; `fingerprint` and `codeVersion` say which data
 * and which engine the result must come from, `source` how a worker loads that data.
 */
export interface RunJob {
  readonly v: typeof PAYLOAD_VERSION;
  readonly key: string;
  readonly config: ExperimentConfig;
  readonly fingerprint: string;
  readonly codeVersion: string;
  readonly source: DataSource;
}

function checkString(value: unknown, path: string, pattern?: RegExp): string {
  if (typeof value !== "string" || value === "" || (pattern && !pattern.test(value))) {
    throw new ConfigError(path, `expected ${pattern ? `a string matching ${pattern}` : "a non-empty string"}, got ${show(value)}`);
  }
  return value;
}

/**
 * Checks a job payload received from the queue and returns it typed. Throws a `ConfigError`
 * naming the bad field (`job.key`, `job.source.kind` …). The config must be an object; its fields
 * are checked by `run` itself (`validateConfig`), so a bad config becomes a "failed" result with the
 * same message as in a local sweep.
 */
export function checkRunJob(value: unknown): RunJob {
  const job = checkObject(value, "job");
  checkKeys(job, ["v", "key", "config", "fingerprint", "codeVersion", "source"], "job");
  if (job.v !== PAYLOAD_VERSION) throw new ConfigError("job.v", `expected payload version ${PAYLOAD_VERSION}, got ${show(job.v)}`);
  const key = checkString(job.key, "job.key", /^[0-9a-f]{64}$/);
  const fingerprint = checkString(job.fingerprint, "job.fingerprint");
  const codeVersion = checkString(job.codeVersion, "job.codeVersion");
  const source = checkDataSource(job.source, "job.source");
  const config = checkObject(job.config, "job.config") as unknown as ExperimentConfig;
  return { v: PAYLOAD_VERSION, key, config, fingerprint, codeVersion, source };
}
