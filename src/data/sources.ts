import { existsSync, readdirSync, statSync } from "fs";
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
  const fromEnv = process.env[envVar]
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const given = typeof opts.baseUrl === "string" ? [opts.baseUrl] : opts.baseUrl;
  const urls = given?.length ? given : fromEnv?.length ? fromEnv : defaults;
  return {
    baseUrls: urls,
    progress: opts.progress,
    progressStream: opts.progressStream,
    timeoutMs: opts.timeoutMs,
  };
}

/**
 * `dir` itself; throws a clear error (instead of a bare ENOTDIR later) when it exists but is not a
 * folder, e.g. CIFAR10_DIR set to one of the batch files.
 */
export function requireFolder(dir: string, what: string, from?: string): string {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    const source = from ? ` (given by ${from})` : "";
    throw new Error(`${what}: ${dir}${source} is a file, not a folder; the data folder must be the folder holding the data files`);
  }
  return dir;
}

/** Where a data folder came from, for messages: "CIFAR10_DIR", "the dir option", … */
export function folderSource(origin: string, envVar: string): string {
  const sources: Record<string, string> = { env: envVar, option: 'the "dir" option', config: "nnbook.config.json" };
  return sources[origin] ?? `the default (${origin})`;
}

/** True when `dir` does not exist or is an empty folder (so a download may create it); throws when it is a file. */
export function absentOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(requireFolder(dir, "data folder")).length === 0;
}
