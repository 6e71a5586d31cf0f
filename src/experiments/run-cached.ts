import { ResultCache } from "./cache";
import { codeVersion } from "./code-version";
import { ExperimentConfig, withDefaults } from "./config";
import { ExperimentData } from "./data";
import { cacheKey } from "./hash";
import { RunResult } from "./result";
import { failedResult, run } from "./run";

/** Cache options shared by `runCached` and `runSweep`. */
export interface CacheOptions {
  /** the result cache, or false for none */
  readonly cache: ResultCache | false;
  /** ignore existing entries: run afresh and overwrite them */
  readonly force?: boolean;
}

/** The cache key of a config on some data with the current code (see `cacheKey`). */
export function resultKey(config: ExperimentConfig, data: ExperimentData): string {
  return cacheKey(withDefaults(config), data.fingerprint, codeVersion());
}

/** A stored result if the cache has a valid entry (and `force` is off), marked `fromCache: true`. */
export function cachedResult(config: ExperimentConfig, data: ExperimentData, opts: CacheOptions): RunResult | undefined {
  if (!opts.cache || opts.force) return undefined;
  const found = opts.cache.lookup(resultKey(config, data), { config, fingerprint: data.fingerprint });
  return found.status === "hit" ? { ...found.result, fromCache: true } : undefined;
}

/** Stores a fresh result unless it failed (failures may be transient and are never cached). */
export function storeResult(config: ExperimentConfig, data: ExperimentData, result: RunResult, opts: CacheOptions): void {
  if (opts.cache && result.status !== "failed") opts.cache.store(resultKey(config, data), result);
}

/**
 * `run` through the result cache: a valid entry for (config, data fingerprint, code version) is
 * returned at once (`fromCache: true`); otherwise the run happens and is stored. A corrupt entry
 * counts as missing and is overwritten. Exceptions become a "failed" result (not cached).
 */
export function runCached(config: ExperimentConfig, data: ExperimentData, opts: CacheOptions): RunResult {
  const hit = cachedResult(config, data, opts);
  if (hit) return hit;
  let result: RunResult;
  try {
    result = run(config, data);
  } catch (err) {
    return failedResult(config, data, err);
  }
  storeResult(config, data, result, opts);
  return result;
}
