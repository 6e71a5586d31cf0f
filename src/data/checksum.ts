import { createHash } from "crypto";
import { basename } from "path";

/** The MD5 digest (hex) of some bytes. */
export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/**
 * sha-256 (hex) over each file's base name, byte length and bytes, in order: the same contents
 * under the same names give the same hash wherever they are stored (gzip or raw, any folder).
 */
export function contentHash(files: readonly { readonly path: string; readonly bytes: Uint8Array }[]): string {
  const h = createHash("sha256");
  for (const f of files) {
    h.update(`${basename(f.path)}\0${f.bytes.length}\0`);
    h.update(f.bytes);
  }
  return h.digest("hex");
}

/** sha-256 (hex) over a content hash and the options that shaped the arrays (keys sorted). */
export function dataFingerprint(content: string, config: Readonly<Record<string, string | number | boolean>>): string {
  const keys = Object.keys(config).sort();
  const canonical = JSON.stringify(keys.map((k) => [k, config[k]]));
  return createHash("sha256").update(`${content}\n${canonical}`).digest("hex");
}
