import * as fs from "fs";
import * as path from "path";
import { writeFileAtomicSync } from "../util/atomic-write";
import { decodeJson, encodeJson } from "./json-codec";
import { sha256Hex } from "./hash";
import type { RunResult } from "./result";

const MAGIC = "nnbook-result-cache v1";

/** What a cache lookup found. A corrupt entry (truncated, edited, wrong key) is never returned. */
export type CacheLookup =
  | { readonly status: "hit"; readonly result: RunResult }
  | { readonly status: "missing" }
  | { readonly status: "corrupt"; readonly reason: string };

/**
 * The on-disk result cache: one file `<dir>/<key>.json` per run, `key` = `cacheKey(config, data
 * fingerprint, code version)`. Each file is self-verifying: a header line
 * `nnbook-result-cache v1 sha256=<hex> bytes=<n>` followed by the JSON body, whose length and
 * SHA-256 are checked on every read; the body also repeats its key. Writes are atomic.
 */
export interface ResultCache {
  readonly dir: string;
  lookup(key: string): CacheLookup;
  store(key: string, result: RunResult): void;
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

function parseEntry(text: string, key: string): CacheLookup {
  const nl = text.indexOf("\n");
  if (nl < 0) return { status: "corrupt", reason: "no header line" };
  const m = /^nnbook-result-cache v1 sha256=([0-9a-f]{64}) bytes=(\d+)$/.exec(text.slice(0, nl));
  if (!m) return { status: "corrupt", reason: `bad header ${JSON.stringify(text.slice(0, Math.min(nl, 80)))}` };
  const body = text.slice(nl + 1);
  const bytes = Buffer.byteLength(body, "utf8");
  if (bytes !== Number(m[2])) return { status: "corrupt", reason: `body has ${bytes} bytes, header says ${m[2]}` };
  if (sha256Hex(body) !== m[1]) return { status: "corrupt", reason: "checksum mismatch" };
  const entry = decodeJson(body) as { key?: unknown; result?: RunResult };
  if (entry.key !== key || typeof entry.result !== "object") {
    return { status: "corrupt", reason: `entry is for key ${String(entry.key)}` };
  }
  return { status: "hit", result: entry.result };
}

/** Opens (creating lazily) a result cache in `dir` (default `defaultCacheDir()`). */
export function openCache(dir: string = defaultCacheDir()): ResultCache {
  const root = path.resolve(dir);
  const entryPath = (key: string): string => {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`result cache: key must be 64 hex digits, got ${JSON.stringify(key)}`);
    return path.join(root, `${key}.json`);
  };
  return {
    dir: root,
    entryPath,
    lookup(key: string): CacheLookup {
      let text: string;
      try {
        text = fs.readFileSync(entryPath(key), "utf8");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
        throw err;
      }
      try {
        return parseEntry(text, key);
      } catch (err) {
        return { status: "corrupt", reason: `unreadable body: ${(err as Error).message}` };
      }
    },
    store(key: string, result: RunResult): void {
      const { fromCache: _dropped, ...stored } = result;
      const body = encodeJson({ key, result: stored });
      const header = `${MAGIC} sha256=${sha256Hex(body)} bytes=${Buffer.byteLength(body, "utf8")}`;
      writeFileAtomicSync(entryPath(key), `${header}\n${body}`);
    },
  };
}
