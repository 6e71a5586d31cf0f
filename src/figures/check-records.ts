import { SPLIT_LABELS, type CurveX, type FigureSplit, type SplitLabel } from "./records";

/**
 * Input checks shared by the figure builders. Every error names the builder, the record
 * (`rows[3]`), the field and the offending value.
 */
export interface RecordContext {
  /** the builder's name, e.g. "lambdaSearch" */
  readonly builder: string;
  /** the argument's name, e.g. "rows" or "runs[1].history" */
  readonly name: string;
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function fail(ctx: RecordContext, index: number, field: string, want: string, value: unknown): never {
  throw new Error(`${ctx.builder}: ${ctx.name}[${index}].${field} must be ${want}, got ${show(value)}`);
}

/** `rows` as a non-empty array of objects, or a clear error. */
export function requireRows<T>(rows: readonly T[], ctx: RecordContext): readonly T[] {
  if (!Array.isArray(rows)) throw new Error(`${ctx.builder}: ${ctx.name} must be an array, got ${show(rows)}`);
  if (rows.length === 0) throw new Error(`${ctx.builder}: ${ctx.name} is empty; nothing to plot`);
  rows.forEach((row, i) => {
    if (typeof row !== "object" || row === null) {
      throw new Error(`${ctx.builder}: ${ctx.name}[${i}] must be an object, got ${show(row)}`);
    }
  });
  return rows;
}

function field(row: unknown, key: string): unknown {
  return (row as Record<string, unknown>)[key];
}

/** A finite number field. */
export function finiteField(row: unknown, i: number, key: string, ctx: RecordContext): number {
  const v = field(row, key);
  if (typeof v !== "number" || !Number.isFinite(v)) fail(ctx, i, key, "a finite number", v);
  return v;
}

/** A finite number > 0 (values on a log axis). */
export function positiveField(row: unknown, i: number, key: string, ctx: RecordContext): number {
  const v = field(row, key);
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) fail(ctx, i, key, "a positive finite number", v);
  return v;
}

/** A number that may be non-finite (a diverged run): non-finite becomes null, i.e. a gap. */
export function measuredField(row: unknown, i: number, key: string, ctx: RecordContext): number | null {
  const v = field(row, key);
  if (typeof v !== "number") fail(ctx, i, key, "a number", v);
  return Number.isFinite(v) ? v : null;
}

/** An optional standard deviation: absent → null, else a finite number ≥ 0. */
export function stdField(row: unknown, i: number, ctx: RecordContext): number | null {
  const v = field(row, "std");
  if (v === undefined || v === null) return null;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) fail(ctx, i, "std", "a finite number ≥ 0", v);
  return v;
}

/** A non-empty string field. */
export function labelField(row: unknown, i: number, key: string, ctx: RecordContext): string {
  const v = field(row, key);
  if (typeof v !== "string" || v.length === 0) fail(ctx, i, key, "a non-empty string", v);
  return v;
}

/** A boolean field. */
export function booleanField(row: unknown, i: number, key: string, ctx: RecordContext): boolean {
  const v = field(row, key);
  if (typeof v !== "boolean") fail(ctx, i, key, "true or false", v);
  return v;
}

const SPLIT_SPELLINGS = `one of "train" or "training", "validation", "test"`;

/** The label of a split spelling ("train" → "training"), or undefined if it is none. */
function splitLabel(v: unknown): SplitLabel | undefined {
  if (v === "train") return "training";
  return SPLIT_LABELS.includes(v as SplitLabel) ? (v as SplitLabel) : undefined;
}

/** The split field as its label ("train" and "training" → "training"). */
export function splitField(row: unknown, i: number, ctx: RecordContext): SplitLabel {
  const v = field(row, "split");
  const label = splitLabel(v);
  if (label === undefined) fail(ctx, i, "split", SPLIT_SPELLINGS, v);
  return label;
}

/** A list option of splits as labels: non-empty, distinct, or the fallback when absent. */
export function splitsOption(
  value: readonly FigureSplit[] | undefined, fallback: readonly SplitLabel[], builder: string, name: string,
): readonly SplitLabel[] {
  if (value === undefined) return fallback;
  const labels = Array.isArray(value) ? value.map(splitLabel) : [];
  if (labels.length === 0 || labels.includes(undefined) || new Set(labels).size !== labels.length) {
    throw new Error(`${builder}: option ${name} must be a non-empty list of distinct splits (${SPLIT_SPELLINGS}), ` +
      `got ${JSON.stringify(value)}`);
  }
  return labels as SplitLabel[];
}

/** One split option as its label. */
export function splitOption(value: FigureSplit, builder: string, name: string): SplitLabel {
  const label = splitLabel(value);
  if (label === undefined) throw new Error(`${builder}: ${name} must be ${SPLIT_SPELLINGS}, got ${show(value)}`);
  return label;
}

/** A positive pixel size option, or the default. */
export function sizeOption(value: number | undefined, fallback: number, builder: string, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${builder}: option ${name} must be a positive number, got ${show(value)}`);
  }
  return value;
}

/** Checks a list option: non-empty, no duplicates, every entry allowed. */
export function listOption<T extends string>(
  value: readonly T[] | undefined, allowed: readonly T[], fallback: readonly T[], builder: string, name: string,
): readonly T[] {
  if (value === undefined) return fallback;
  const bad = value.find((v) => !allowed.includes(v));
  if (value.length === 0 || bad !== undefined || new Set(value).size !== value.length) {
    throw new Error(`${builder}: option ${name} must be a non-empty list of distinct values from ` +
      `${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks the x option. */
export function curveX(x: CurveX | undefined, builder: string): CurveX {
  if (x === undefined) return "step";
  if (x !== "step" && x !== "epoch") throw new Error(`${builder}: option x must be "step" or "epoch", got ${String(x)}`);
  return x;
}
