import * as fs from "fs";
import * as path from "path";
import { writeFileAtomicSync } from "../util/atomic-write";
import { removeStaleEntries } from "../util/stale-files";
import { entryMismatch, ExpectedEntry, resultDefect } from "./cache-entry";
import { decodeJson, encodeJson } from "./json-codec";
import { sha256Hex } from "./hash";
import type { RunResult } from "./result";

const MAGIC = "nnbook-result-cache v1";

/** What a cache lookup found. A corrupt entry (truncated, edited, wrong key) is never returned. */
export type CacheLookup =
  { readonly status: "hit"; readonly result: RunResult } | { readonly status: "missing" } | { readonly status: "corrupt"; readonly reason: string };

/**
 * The on-disk result cache: one file `<dir>/<key>.json` per run, `key` = `cacheKey(config, data
 * fingerprint, code version)`. Each file is self-verifying: a header line
 * `nnbook-result-cache v1 sha256=<hex> bytes=<n>` followed by the JSON body, whose length and
 * SHA-256 are checked on every read; the body also repeats its key, must be a run result, and
 * (given `expected`) must hold the config and data fingerprint the key was computed from. Writes
 * are atomic; temporary files of writers that died are removed on first use. A folder that cannot
 * be read or written makes the cache unusable: one warning, then every lookup misses and nothing
 * is stored, so runs go on uncached.
 */
export interface ResultCache {
  readonly dir: string;
  lookup(key: string, expected?: ExpectedEntry): CacheLookup;
  store(key: string, result: RunResult): void;
  /** false once the folder turned out unusable */
  readonly usable: boolean;
  /** the file an entry lives in */
  entryPath(key: string): string;
}

/** Walks up from this module to the folder holding the project's package.json. */
function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** `$NNBOOK_CACHE_DIR` if set, else `.nnbook-cache/` at the project root. */
export function defaultCacheDir(): string {
  const env = process.env.NNBOOK_CACHE_DIR;
  return env !== undefined && env !== "" ? path.resolve(env) : path.join(projectRoot(), ".nnbook-cache");
}

function parseEntry(text: string, key: string, expected?: ExpectedEntry): CacheLookup {
  const nl = text.indexOf("\n");
  if (nl < 0) return { status: "corrupt", reason: "no header line" };
  const m = /^nnbook-result-cache v1 sha256=([0-9a-f]{64}) bytes=(\d+)$/.exec(text.slice(0, nl));
  if (!m) return { status: "corrupt", reason: `bad header ${JSON.stringify(text.slice(0, Math.min(nl, 80)))}` };
  const body = text.slice(nl + 1);
  const bytes = Buffer.byteLength(body, "utf8");
  if (bytes !== Number(m[2])) return { status: "corrupt", reason: `body has ${bytes} bytes, header says ${m[2]}` };
  if (sha256Hex(body) !== m[1]) return { status: "corrupt", reason: "checksum mismatch" };
  const entry = decodeJson(body) as { key?: unknown; result?: unknown };
  if (entry.key !== key) return { status: "corrupt", reason: `entry is for key ${String(entry.key)}` };
  const defect = resultDefect(entry.result);
  if (defect !== undefined) return { status: "corrupt", reason: `body is not a valid result: ${defect}` };
  const result = entry.result as RunResult;
  const mismatch = expected === undefined ? undefined : entryMismatch(result, expected);
  if (mismatch !== undefined) return { status: "corrupt", reason: `entry does not match its key: ${mismatch}` };
  return { status: "hit", result };
}

/** Temporary files of atomic writes (`<name>.<pid>-<thread>-<n>.tmp`, see atomic-write.ts). */
const TEMP_FILES = { match: /\.(\d+)-\d+-\d+\.tmp$/, unownedAgeMs: 3_600_000 };

/** Folders whose temporary-file leftovers were already looked at in this process. */
const swept = new Set<string>();
/** Folders already reported unusable in this process (one warning each). */
const warned = new Set<string>();

/** Emits the one warning for an unusable cache folder. */
function warnUnusable(root: string, error: unknown): void {
  if (warned.has(root)) return;
  warned.add(root);
  process.emitWarning(`result cache ${root} is unusable (${(error as Error).message}); running without the cache`, { code: "NNBOOK_CACHE_UNUSABLE" });
}

/** Opens (creating lazily) a result cache in `dir` (default `defaultCacheDir()`). */
export function openCache(dir: string = defaultCacheDir()): ResultCache {
  const root = path.resolve(dir);
  const entryPath = (key: string): string => {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`result cache: key must be 64 hex digits, got ${JSON.stringify(key)}`);
    return path.join(root, `${key}.json`);
  };
  let usable = true;
  const unusable = (error: unknown): void => {
    usable = false;
    warnUnusable(root, error);
  };
  const sweep = (): void => {
    if (swept.has(root)) return;
    swept.add(root);
    removeStaleEntries(root, TEMP_FILES);
  };
  return {
    dir: root,
    entryPath,
    get usable() {
      return usable;
    },
    lookup(key: string, expected?: ExpectedEntry): CacheLookup {
      const file = entryPath(key);
      if (!usable) return { status: "missing" };
      sweep();
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return { status: "missing" };
        if (code === "EISDIR") return { status: "corrupt", reason: `${file} is a folder` };
        unusable(err);
        return { status: "missing" };
      }
      try {
        return parseEntry(text, key, expected);
      } catch (err) {
        return { status: "corrupt", reason: `unreadable body: ${(err as Error).message}` };
      }
    },
    store(key: string, result: RunResult): void {
      const file = entryPath(key);
      if (!usable) return;
      const { fromCache: _dropped, ...stored } = result;
      const body = encodeJson({ key, result: stored });
      const header = `${MAGIC} sha256=${sha256Hex(body)} bytes=${Buffer.byteLength(body, "utf8")}`;
      try {
        writeFileAtomicSync(file, `${header}\n${body}`);
      } catch (err) {
        unusable(err);
      }
    },
  };
}
