/**
 * JSON that round-trips NaN and ±∞ (plain JSON turns them into null): non-finite numbers are
 * written as `{"$nonFinite": "NaN" | "Infinity" | "-Infinity"}` and decoded back. Used by the
 * result cache, where a diverged run's last cost is NaN or ∞.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? { $nonFinite: String(v) } : v));
}

/** Inverse of `encodeJson`. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === "$nonFinite") return Number((v as { $nonFinite: string }).$nonFinite);
    }
    return v;
  });
}
