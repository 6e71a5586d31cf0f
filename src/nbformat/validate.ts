/**
 * Notebook validation against the official nbformat v4 JSON schemas (schema/, BSD-3-clause, see
 * schema/LICENSE-nbformat.txt) with ajv, plus the one rule the schema cannot state: cell ids are
 * unique. Each cell is checked against the schema's definition for its `cell_type` and each
 * output against the one for its `output_type`, so a problem is reported once, as
 * `path: message` naming the field and the value (`cells[1].outputs[0].text: expected string or
 * array, got 5`), not as the failure of every alternative of a `oneOf`.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import schema44 from "./schema/nbformat.v4.4.schema.json";
import schema45 from "./schema/nbformat.v4.5.schema.json";

type Json = Record<string, unknown>;

const CELL_TYPES = ["code", "markdown", "raw"] as const;
const OUTPUT_TYPES = ["execute_result", "display_data", "stream", "error"] as const;

/**
 * The schemas declare draft-04 and use no keyword whose meaning changed since (no boolean
 * exclusiveMinimum, no `id`), so ajv's default draft validates them as written; only the
 * `$schema` line is left out, since ajv 8 does not ship the draft-04 meta-schema.
 */
function compileAll(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  for (const [key, schema] of [
    ["4.4", schema44],
    ["4.5", schema45],
  ] as const) {
    const { $schema: _draft, ...rest } = schema;
    ajv.addSchema(rest, key);
  }
  return ajv;
}

let ajv: Ajv | undefined;

function validator(key: string): ValidateFunction {
  ajv ??= compileAll();
  const v = ajv.getSchema(key);
  if (!v) throw new Error(`nbformat: no schema ${key}`);
  return v;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `/cells/0/data/text~1plain` → `.cells[0].data["text/plain"]`. */
function pathOf(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
    .join("");
}

/** One message per failing location; the alternatives of a oneOf/anyOf are merged. */
function describe(errors: readonly ErrorObject[], base: string): string[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: string[] = [];
  for (const [pointer, group] of byPath) {
    const at = `${base}${pathOf(pointer)}`.replace(/^\./, "") || "(root)";
    const types = group.filter((e) => e.keyword === "type").flatMap((e) => [e.params.type as string | string[]].flat());
    const merged = group.some((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
    for (const e of merged ? group.filter((g) => g.keyword !== "type" && g.keyword !== "oneOf" && g.keyword !== "anyOf") : group) {
      out.push(`${at}: ${message(e)}`);
    }
    if (merged && types.length > 0) out.push(`${at}: expected ${[...new Set(types)].join(" or ")}, got ${show(group[0].data)}`);
  }
  return [...new Set(out)];
}

function message(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `missing required field "${p.missingProperty}"`;
    case "additionalProperties":
      return `unknown field "${p.additionalProperty}"`;
    case "enum":
      return `expected one of ${(p.allowedValues as unknown[]).map(show).join(", ")}, got ${show(e.data)}`;
    case "type":
      return `expected ${[p.type as string | string[]].flat().join(" or ")}, got ${show(e.data)}`;
    case "minimum":
      return `expected a number ≥ ${p.limit}, got ${show(e.data)}`;
    case "maximum":
      return `expected a number ≤ ${p.limit}, got ${show(e.data)}`;
    case "uniqueItems":
      return `expected unique items, got ${show(e.data)}`;
    case "pattern":
      return `expected a string matching ${p.pattern}, got ${show(e.data)}`;
    case "minLength":
    case "maxLength":
      return `${e.message}, got ${show(e.data)}`;
    default:
      return `${e.message ?? e.keyword}, got ${show(e.data)}`;
  }
}

/** Problems of one output, checked against the schema's definition for its output_type. */
function outputProblems(output: unknown, path: string, key: string): string[] {
  if (!isObject(output)) return [`${path}: expected an output object, got ${show(output)}`];
  const type = output.output_type;
  if (!(OUTPUT_TYPES as readonly unknown[]).includes(type)) {
    return [`${path}.output_type: expected one of ${OUTPUT_TYPES.map(show).join(", ")}, got ${show(type)}`];
  }
  const v = validator(`${key}#/definitions/${type as string}`);
  return v(output) ? [] : describe(v.errors ?? [], path);
}

/** Problems of one cell, checked against the schema's definition for its cell_type. */
function cellProblems(cell: unknown, path: string, key: string): string[] {
  if (!isObject(cell)) return [`${path}: expected a cell object, got ${show(cell)}`];
  const type = cell.cell_type;
  if (!(CELL_TYPES as readonly unknown[]).includes(type)) {
    return [`${path}.cell_type: expected one of ${CELL_TYPES.map(show).join(", ")}, got ${show(type)}`];
  }
  const v = validator(`${key}#/definitions/${type as string}_cell`);
  const valid: boolean = v(cell);
  if (valid) return [];
  const outputs: unknown[] = Array.isArray(cell.outputs) ? cell.outputs : [];
  const own = (v.errors ?? []).filter((e) => !/^\/outputs\/\d+/.test(e.instancePath));
  return [...describe(own, path), ...outputs.flatMap((o, k) => outputProblems(o, `${path}.outputs[${k}]`, key))];
}

/** Cell ids must be unique (nbformat's own validator checks this outside the schema). */
function duplicateIds(cells: readonly unknown[]): string[] {
  const seen = new Map<unknown, number>();
  const out: string[] = [];
  cells.forEach((cell, i) => {
    const id = isObject(cell) ? cell.id : undefined;
    if (id !== undefined && seen.has(id)) out.push(`cells[${i}].id: duplicate id ${show(id)} (also cells[${seen.get(id)}])`);
    if (id !== undefined) seen.set(id, i);
  });
  return out;
}

/** All problems that make `value` an invalid nbformat 4 notebook (empty when valid). */
export function validateNotebook(value: unknown): string[] {
  if (!isObject(value)) return [`(root): expected a notebook object, got ${show(value)}`];
  if (value.nbformat !== 4) return [`nbformat: expected 4, got ${show(value.nbformat)} (only nbformat 4 is read)`];
  const key = typeof value.nbformat_minor === "number" && value.nbformat_minor < 5 ? "4.4" : "4.5";
  const root = validator(key);
  const cells = Array.isArray(value.cells) ? value.cells : [];
  if (root(value)) return duplicateIds(cells);
  const outside = (root.errors ?? []).filter((e) => !/^\/cells\/\d+/.test(e.instancePath));
  return [...describe(outside, ""), ...cells.flatMap((cell, i) => cellProblems(cell, `cells[${i}]`, key)), ...duplicateIds(cells)];
}
