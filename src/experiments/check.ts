/**
 * Small validation helpers for JSON configs: every failure throws a `ConfigError` whose message
 * starts with the field's path (e.g. `config.schedule.etaMax: expected a positive number, got -1`).
 */
export class ConfigError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = "ConfigError";
  }
}

/** JSON text of a value for error messages (undefined shown as "missing"). */
export function show(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

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

/** Numeric constraints for `checkNumber`. */
export interface NumberRule {
  readonly integer?: boolean;
  readonly min?: number;
  /** exclusive lower bound */
  readonly above?: number;
  readonly max?: number;
  /** exclusive upper bound */
  readonly below?: number;
}

/** Asserts a finite number satisfying `rule`. */
export function checkNumber(value: unknown, path: string, rule: NumberRule = {}): number {
  const bounds = [
    rule.integer ? "an integer" : "a number",
    rule.min !== undefined ? `≥ ${rule.min}` : "",
    rule.above !== undefined ? `> ${rule.above}` : "",
    rule.max !== undefined ? `≤ ${rule.max}` : "",
    rule.below !== undefined ? `< ${rule.below}` : "",
  ].filter((s) => s !== "").join(" ");
  const ok =
    typeof value === "number" && Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) && (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max) && (rule.below === undefined || value < rule.below);
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

/** Asserts a boolean (when present). */
export function checkBoolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") throw new ConfigError(path, `expected true or false, got ${show(value)}`);
  return value;
}
