/**
 * Schema building blocks whose messages read like the rest of the project's errors: numbers with
 * bounds ("expected an integer ≥ 1"), enumerations ("expected one of …") and objects that refuse
 * unknown fields ("unknown field (allowed: …)").
 */
import { z } from "zod";

/** Numeric constraints of `num`. */
export interface NumberRule {
  readonly integer?: boolean;
  readonly min?: number;
  /** exclusive lower bound */
  readonly above?: number;
  readonly max?: number;
  /** exclusive upper bound */
  readonly below?: number;
}

/** "a number ≥ 0 < 1", "an integer ≥ 1": the rule in words. */
export function describeRule(rule: NumberRule): string {
  return [
    rule.integer ? "an integer" : "a number",
    rule.min !== undefined ? `≥ ${rule.min}` : "",
    rule.above !== undefined ? `> ${rule.above}` : "",
    rule.max !== undefined ? `≤ ${rule.max}` : "",
    rule.below !== undefined ? `< ${rule.below}` : "",
  ]
    .filter((s) => s !== "")
    .join(" ");
}

/** A finite number satisfying `rule`; every failure says "expected <rule in words>". */
export function num(rule: NumberRule = {}, description?: string): z.ZodNumber {
  const error = `expected ${describeRule(rule)}`;
  let s = z.number({ error });
  if (rule.integer) s = s.int({ error });
  if (rule.min !== undefined) s = s.min(rule.min, { error });
  if (rule.above !== undefined) s = s.gt(rule.above, { error });
  if (rule.max !== undefined) s = s.max(rule.max, { error });
  if (rule.below !== undefined) s = s.lt(rule.below, { error });
  return description === undefined ? s : s.describe(description);
}

/** One of the listed strings ("expected one of "a", "b""). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description?: string) {
  const s = z.enum(values, { error: `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}` });
  return description === undefined ? s : s.describe(description);
}

/** true or false. */
export function bool(description?: string): z.ZodBoolean {
  const s = z.boolean({ error: "expected true or false" });
  return description === undefined ? s : s.describe(description);
}

/** The error option of a discriminated union: a value that is no object is "expected an object". */
export const OBJECT = {
  error: (issue: { readonly code?: string }) => (issue.code === "invalid_type" ? "expected an object" : undefined),
};

/** An object with exactly these fields (optional ones may be missing); unknown fields are refused. */
export function strict<const S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field (allowed: ${allowed})` : "expected an object"),
  });
}
