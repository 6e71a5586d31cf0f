/**
 * Documentation derived from the schemas: the experiment config as JSON Schema and as a
 * Markdown reference table (docs/experiment-config.md is this table; a test keeps it current).
 */
import { z } from "zod";
import { experimentConfigSchema } from "./experiment";

interface JsonSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly exclusiveMaximum?: number;
}

/** The experiment config's JSON Schema (draft 2020-12). */
export function experimentConfigJsonSchema(): object {
  return z.toJSONSchema(experimentConfigSchema, { unrepresentable: "any" });
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** "integer ≥ 1", "number in [0, 1)", `"off" | "before"`, "object", … */
function typeText(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (s.type === "array") return `array of ${s.items ? typeText(s.items) : "values"}`;
  const bounds = [
    s.minimum !== undefined && s.minimum > -MAX_SAFE ? `≥ ${s.minimum}` : "",
    s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : "",
    s.maximum !== undefined && s.maximum < MAX_SAFE ? `≤ ${s.maximum}` : "",
    s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : "",
  ].filter((b) => b !== "");
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && !s.type) return alternatives.map(typeText).join(" or ");
  return [s.type ?? "JSON", ...bounds].join(" ");
}

type Row = readonly [field: string, type: string, required: boolean, description: string];

/** One row per field, depth first; a union of objects gets one group of rows per `kind`. */
function rows(s: JsonSchema, path: string, required: boolean, out: Row[]): void {
  const union = s.oneOf ?? s.anyOf;
  if (union && union.every((o) => o.properties?.kind?.const !== undefined)) {
    const kinds = union.map((o) => JSON.stringify(o.properties?.kind?.const)).join(" \\| ");
    out.push([path, `object, kind ${kinds}`, required, s.description ?? ""]);
    for (const o of union) fields(o, `${path} (kind ${JSON.stringify(o.properties?.kind?.const)})`, out, ["kind"]);
    return;
  }
  if (s.type === "object" && s.properties && path !== "") {
    out.push([path, "object", required, s.description ?? ""]);
    fields(s, path, out, []);
    return;
  }
  out.push([path, typeText(s), required, s.description ?? ""]);
}

function fields(s: JsonSchema, path: string, out: Row[], skip: readonly string[]): void {
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    if (skip.includes(key)) continue;
    rows(sub, path === "" ? key : `${path}.${key}`, (s.required ?? []).includes(key), out);
  }
}

/** The experiment config as a Markdown table: field, type and bounds, required, description. */
export function experimentConfigReference(): string {
  const out: Row[] = [];
  fields(experimentConfigJsonSchema() as JsonSchema, "", out, []);
  const lines = out.map(([f, t, r, d]) => `| \`${f}\` | ${t} | ${r ? "yes" : ""} | ${d.replace(/\|/g, "\\|")} |`);
  return ["| field | type | required | description |", "|---|---|---|---|", ...lines].join("\n") + "\n";
}
