/**
 * Small validation helpers for JSON payloads that have no schema of their own (the job queue's
 * messages); the experiment config is checked by its schema (src/schema). Every failure throws a
 * `ConfigError` whose message starts with the field's path (e.g. `job.key: expected …, got …`).
 */
import { ConfigError, describeRule, show, type NumberRule } from "../schema";

export { ConfigError, show } from "../schema";

/** Asserts a plain object; returns it as a record. */
export function checkObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(path, `expected an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Rejects keys not in `allowed` (catches typos such as `lamda`). */
export function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`${path}.${key}`, `unknown field (allowed: ${allowed.join(", ")})`);
    }
  }
}

/** Asserts a finite number satisfying `rule`. */
export function checkNumber(value: unknown, path: string, rule: NumberRule = {}): number {
  const bounds = describeRule(rule);
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.below === undefined || value < rule.below);
  if (!ok) throw new ConfigError(path, `expected ${bounds}, got ${show(value)}`);
  return value as number;
}

/** Asserts one of the listed string values. */
export function checkEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${show(value)}`);
  }
  return value as T;
}
