/**
 * Papermill-style parameters for TypeScript notebooks: the cell tagged `parameters` holds the
 * defaults; overrides go into a new cell tagged `injected-parameters` right after it, which
 * redeclares each name (tslab allows redeclaration across cells) with the same keyword and type
 * annotation as the default.
 */
import { cellSource, cellTags, CodeCell, Notebook } from "../nbformat/notebook";
import { findParametersCell, parseParameterCell, ParameterDeclaration } from "../nbformat/parameters-cell";
import { checkParameterValue, parameterKind, parseParameterText } from "./parameter-kinds";

export { defaultParameterValues, findParametersCell, parseParameterCell } from "../nbformat/parameters-cell";
export type { ParameterDeclaration } from "../nbformat/parameters-cell";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Splits `key=value` into the key (an identifier) and the value's text; throws on anything else. */
export function splitParamAssignment(text: string): [string, string] {
  const at = text.indexOf("=");
  const key = at < 0 ? "" : text.slice(0, at).trim();
  if (!IDENTIFIER.test(key)) {
    throw new Error(`bad parameter "${text}": expected key=value with key an identifier (e.g. --param eta=0.01)`);
  }
  return [key, text.slice(at + 1)];
}

/**
 * Parses `key=value` without knowing the notebook: the value is JSON when it parses as JSON, else
 * the raw string; non-finite numbers (`1e999`) are rejected. The CLI uses {@link parseParameterTexts},
 * which also checks each value against its declaration.
 */
export function parseParamAssignment(text: string): [string, unknown] {
  const [key, raw] = splitParamAssignment(text);
  return [key, parseParameterText(key, raw, { kind: "any" })];
}

/**
 * Values of command-line parameter texts (name → text) for `notebook`: each parsed as the kind its
 * declaration in the `parameters` cell has (see parameter-kinds.ts), undeclared ones as JSON or
 * else a string. Throws naming the parameter, the text and the expected kind.
 */
export function parseParameterTexts(notebook: Notebook, texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const at = findParametersCell(notebook);
  const defaults = at < 0 ? [] : parseParameterCell(cellSource(notebook.cells[at]));
  const values: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    const declared = defaults.find((d) => d.name === name);
    values[name] = parseParameterText(name, text, declared ? parameterKind(declared) : { kind: "any" }, declared?.initializer);
  }
  return values;
}

/**
 * Source of the injected-parameters cell: each value redeclared like its default. Throws naming the
 * parameter and the value when a value does not have its declaration's kind (or holds a
 * non-finite number, which JSON would write as null).
 */
export function injectedSource(params: Readonly<Record<string, unknown>>, defaults: readonly ParameterDeclaration[]): string {
  const lines = ["// Parameters injected by `nnbook run --param`"];
  for (const [name, value] of Object.entries(params)) {
    if (!IDENTIFIER.test(name)) throw new Error(`parameter name "${name}" is not an identifier`);
    if (value === undefined) throw new Error(`parameter ${name} has no value`);
    const declared = defaults.find((d) => d.name === name);
    checkParameterValue(name, value, declared ? parameterKind(declared) : { kind: "any" }, declared?.initializer);
    const type = declared?.type ? `: ${declared.type}` : "";
    lines.push(`${declared?.keyword ?? "const"} ${name}${type} = ${JSON.stringify(value)};`);
  }
  return `${lines.join("\n")}\n`;
}

/** Result of {@link injectParameters}. */
export interface Injection {
  notebook: Notebook;
  /** Names passed that the parameters cell does not declare (papermill warns about these). */
  unknown: string[];
}

/**
 * A copy of `notebook` with an `injected-parameters` cell (replacing any earlier one) after the
 * `parameters` cell, or first when there is none, and `metadata.nnbook.parameters` set.
 * With no parameters, only old injected cells are removed.
 */
export function injectParameters(notebook: Notebook, params: Readonly<Record<string, unknown>>): Injection {
  const copy = structuredClone(notebook);
  copy.cells = copy.cells.filter((cell) => !cellTags(cell).includes("injected-parameters"));
  const at = findParametersCell(copy);
  const defaults = at < 0 ? [] : parseParameterCell(cellSource(copy.cells[at]));
  const unknown = Object.keys(params).filter((name) => !defaults.some((d) => d.name === name));
  const nnbook = { ...((copy.metadata.nnbook as Record<string, unknown> | undefined) ?? {}) };
  delete nnbook.parameters;
  if (Object.keys(params).length > 0) {
    const cell: CodeCell = {
      id: "injected-parameters",
      cell_type: "code",
      metadata: { tags: ["injected-parameters"] },
      source: injectedSource(params, defaults),
      execution_count: null,
      outputs: [],
    };
    copy.cells.splice(at + 1, 0, cell);
    nnbook.parameters = { ...params };
  }
  copy.metadata.nnbook = nnbook;
  return { notebook: copy, unknown };
}
