/**
 * Strict parameter values: the type of each parameter comes from its declaration in the
 * `parameters` cell (the annotation, else the default's literal), and an injected value must have
 * that type. Kinds: finite number, integer (an untyped default written as an integer, e.g.
 * `const samples = 20;`), boolean, string, one of some string literals, array of finite numbers,
 * array of arrays of finite numbers, array of strings, a vocabulary name type (`ActivationName`,
 * `InitKind`, … from src/schema: one of its names), each optionally `| null`. A declaration whose type cannot be
 * told (an expression, an unusual annotation) accepts any JSON value without non-finite numbers.
 */
import type { ParameterDeclaration } from "../nbformat/parameters-cell";
import { VOCABULARY_TYPES } from "../schema";

/** What a parameter accepts. */
export type ParameterKind =
  | { readonly kind: "number" | "integer" | "boolean" | "string" | "number[]" | "number[][]" | "string[]"; readonly nullable: boolean }
  | { readonly kind: "literal"; readonly values: readonly string[]; readonly nullable: boolean }
  | { readonly kind: "any" };

const ANY: ParameterKind = { kind: "any" };
const SIMPLE: Readonly<Record<string, "number" | "boolean" | "string" | "number[]" | "number[][]" | "string[]">> = {
  number: "number",
  boolean: "boolean",
  string: "string",
  "number[]": "number[]",
  "Array<number>": "number[]",
  "readonly number[]": "number[]",
  "number[][]": "number[][]",
  "Array<number[]>": "number[][]",
  "string[]": "string[]",
  "Array<string>": "string[]",
  "readonly string[]": "string[]",
};

/** The kind of a type annotation such as `number`, `number | null`, `"he" | "xavier"`. */
function kindOfAnnotation(type: string): ParameterKind {
  const parts = type
    .split("|")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const nullable = parts.includes("null");
  const rest = parts.filter((p) => p !== "null");
  if (rest.length > 0 && rest.every((p) => /^"[^"\\]*"$|^'[^'\\]*'$/.test(p))) return { kind: "literal", values: rest.map((p) => p.slice(1, -1)), nullable };
  if (rest.length === 1 && Object.hasOwn(SIMPLE, rest[0])) return { kind: SIMPLE[rest[0]], nullable };
  const names = rest.length === 1 && Object.hasOwn(VOCABULARY_TYPES, rest[0]) ? VOCABULARY_TYPES[rest[0]] : undefined;
  if (names !== undefined) return { kind: "literal", values: names, nullable };
  return ANY;
}

/** The kind of a default value written as a JSON literal. */
function kindOfDefault(value: unknown): ParameterKind {
  const nullable = false;
  if (typeof value === "number") return { kind: Number.isInteger(value) ? "integer" : "number", nullable };
  if (typeof value === "boolean") return { kind: "boolean", nullable };
  if (typeof value === "string") return { kind: "string", nullable };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number")) return { kind: "number[]", nullable };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => Array.isArray(v) && v.every((x) => typeof x === "number")))
    return { kind: "number[][]", nullable };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) return { kind: "string[]", nullable };
  return ANY;
}

/** What `decl` accepts: from its annotation when it has one, else from its default's literal. */
export function parameterKind(decl: ParameterDeclaration): ParameterKind {
  if (decl.type !== undefined) return kindOfAnnotation(decl.type);
  try {
    return kindOfDefault(JSON.parse(decl.initializer));
  } catch {
    return ANY;
  }
}

/** The kind in words, for error messages. */
export function describeKind(k: ParameterKind): string {
  if (k.kind === "any") return "a JSON value";
  const words = {
    number: "a finite number",
    integer: "an integer",
    boolean: "true or false",
    string: "a string",
    "number[]": "an array of finite numbers (JSON, e.g. [50, 30])",
    "number[][]": "an array of arrays of finite numbers (JSON, e.g. [[50], [50, 30]])",
    "string[]": 'an array of strings (JSON, e.g. ["a", "b"])',
    literal: k.kind === "literal" ? `one of ${k.values.map((v) => JSON.stringify(v)).join(", ")}` : "",
  }[k.kind];
  return k.nullable ? `${words} or null` : words;
}

/** Decimal number text JSON does not take: "+5", ".5", "5." (hex, "Infinity", "NaN" are not numbers here). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const finiteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** A path to the first non-finite number inside `value` ("" for the value itself), or undefined. */
function nonFinite(value: unknown, at = ""): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : at;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nonFinite(v, `${at}[${i}]`);
      if (found !== undefined) return found;
    }
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      const found = nonFinite(v, `${at}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** True when `value` has kind `k`. */
export function hasKind(value: unknown, k: ParameterKind): boolean {
  if (k.kind === "any") return nonFinite(value) === undefined;
  if (value === null) return k.nullable;
  switch (k.kind) {
    case "number":
      return finiteNumber(value);
    case "integer":
      return finiteNumber(value) && Number.isSafeInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "literal":
      return typeof value === "string" && k.values.includes(value);
    case "number[]":
      return Array.isArray(value) && value.every(finiteNumber);
    case "number[][]":
      return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(finiteNumber));
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
  }
}

/** Throws `parameter <name> expects <kind> (its default is <default>), got <value>` unless `value` has kind `k`. */
export function checkParameterValue(name: string, value: unknown, k: ParameterKind, initializer?: string): void {
  if (hasKind(value, k)) return;
  const shown = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  const where = k.kind === "any" ? ` (non-finite number at ${name}${nonFinite(value) ?? ""})` : "";
  const dflt = initializer === undefined ? "" : ` (its default is ${initializer})`;
  throw new Error(`parameter ${name} expects ${k.kind === "any" ? "finite numbers only" : describeKind(k)}${dflt}, got ${shown}${where}`);
}

/**
 * The value of command-line text `text` for a parameter of kind `k`: strings are taken as written
 * (a JSON-quoted string is unquoted), everything else must be JSON of the right kind. Throws
 * naming the parameter, the text and what was expected.
 */
export function parseParameterText(name: string, text: string, k: ParameterKind, initializer?: string): unknown {
  const stringy = k.kind === "string" || k.kind === "literal";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  if (stringy && typeof value !== "string" && !(value === null && k.nullable)) value = text;
  if ((k.kind === "number" || k.kind === "integer") && typeof value === "string" && DECIMAL.test(text.trim())) value = Number(text);
  if (hasKind(value, k)) return value;
  const dflt = initializer === undefined ? "" : ` (its default is ${initializer})`;
  const expects = k.kind === "any" ? "finite numbers only" : describeKind(k);
  throw new Error(`--param ${name}=${text}: parameter ${name} expects ${expects}${dflt}, got "${text}"`);
}
