import { createHash } from "crypto";
import { ExperimentConfig, withDefaults } from "./config";

/**
 * Canonical JSON: object keys sorted, fields whose value is undefined dropped, no whitespace, so
 * equal configs give equal text whatever order their fields were written in. Throws naming the
 * path on values JSON cannot represent exactly (NaN, ±∞, functions, typed arrays …).
 */
export function canonicalJson(value: unknown, path = "value"): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${path} is ${value}, not representable in JSON`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(",")}]`;
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const obj = value as Record<string, unknown>;
    const parts = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k], `${path}.${k}`)}`);
    return `{${parts.join(",")}}`;
  }
  throw new TypeError(`canonicalJson: ${path} is not plain JSON (${Object.prototype.toString.call(value)})`);
}

/** SHA-256 of a UTF-8 string, as 64 hex digits. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash of an experiment config with its defaults filled in (so `momentum: 0` = absent). */
export function configHash(config: ExperimentConfig): string {
  return sha256Hex(canonicalJson(withDefaults(config), "config"));
}

/** The result-cache key: SHA-256 of (config with defaults, data fingerprint, code version). */
export function cacheKey(config: ExperimentConfig, dataFingerprint: string, codeVersion: string): string {
  return sha256Hex(canonicalJson({ config: withDefaults(config), data: dataFingerprint, code: codeVersion }, "key"));
}
