import { existsSync, readdirSync } from "fs";
import { FetchOptions } from "./fetch-files";

/** Download settings shared by the loaders. */
export interface DownloadOptions {
  /** download the official files when they are missing (default true) */
  readonly download?: boolean;
  /** base URL(s) to download from, overriding the environment variable and the defaults */
  readonly baseUrl?: string | readonly string[];
  /** show a progress bar on stderr (default: when stderr is a terminal) */
  readonly progress?: boolean;
  readonly progressStream?: NodeJS.WritableStream;
  /** idle timeout of a download in ms (default 30,000) */
  readonly timeoutMs?: number;
}

/**
 * The fetch settings: base URLs from the option, else the environment variable `envVar`
 * (comma-separated), else `defaults`.
 */
export function fetchOptions(opts: DownloadOptions, envVar: string, defaults: readonly string[]): FetchOptions {
  const fromEnv = process.env[envVar]?.split(",").map((s) => s.trim()).filter(Boolean);
  const given = typeof opts.baseUrl === "string" ? [opts.baseUrl] : opts.baseUrl;
  const urls = given?.length ? given : fromEnv?.length ? fromEnv : defaults;
  return {
    baseUrls: urls,
    progress: opts.progress,
    progressStream: opts.progressStream,
    timeoutMs: opts.timeoutMs,
  };
}

/** True when `dir` does not exist or is an empty folder (so a download may create it). */
export function absentOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
