/**
 * A structural validator for nbformat 4 (the rules of the official v4.5 JSON schema: required
 * fields, no unknown top-level fields on cells and outputs, field types, unique cell ids).
 * Returns problems as `path: message` strings so errors can name the bad field and value.
 */

type Problems = string[];
type Json = Record<string, unknown>;

const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;
const JSON_MIME = /^application\/(.*\+)?json$/;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isMultiline(value: unknown): boolean {
  return typeof value === "string" || (Array.isArray(value) && value.every((line) => typeof line === "string"));
}

function checkKeys(value: Json, path: string, required: string[], allowed: string[], out: Problems): void {
  for (const key of required) if (!(key in value)) out.push(`${path}: missing required field "${key}"`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) out.push(`${path}: unknown field "${key}"`);
  }
}

function checkMimeBundle(value: unknown, path: string, out: Problems): void {
  if (!isObject(value)) {
    out.push(`${path}: expected a MIME bundle object, got ${show(value)}`);
    return;
  }
  for (const [mime, data] of Object.entries(value)) {
    if (!JSON_MIME.test(mime) && !isMultiline(data)) {
      out.push(`${path}["${mime}"]: expected a string or string[], got ${show(data)}`);
    }
  }
}

function checkOutput(output: unknown, path: string, out: Problems): void {
  if (!isObject(output)) return void out.push(`${path}: expected an object, got ${show(output)}`);
  const type = output.output_type;
  if (type === "stream") {
    checkKeys(output, path, ["output_type", "name", "text"], ["output_type", "name", "text"], out);
    if (typeof output.name !== "string") out.push(`${path}.name: expected a string, got ${show(output.name)}`);
    if (!isMultiline(output.text)) out.push(`${path}.text: expected a string or string[], got ${show(output.text)}`);
  } else if (type === "display_data" || type === "execute_result") {
    const fields = type === "display_data" ? ["output_type", "data", "metadata"] : ["output_type", "execution_count", "data", "metadata"];
    checkKeys(output, path, fields, fields, out);
    checkMimeBundle(output.data, `${path}.data`, out);
    if (!isObject(output.metadata)) out.push(`${path}.metadata: expected an object, got ${show(output.metadata)}`);
    if (type === "execute_result") checkCount(output.execution_count, `${path}.execution_count`, out);
  } else if (type === "error") {
    checkKeys(output, path, ["output_type", "ename", "evalue", "traceback"], ["output_type", "ename", "evalue", "traceback"], out);
    if (typeof output.ename !== "string") out.push(`${path}.ename: expected a string, got ${show(output.ename)}`);
    if (typeof output.evalue !== "string") out.push(`${path}.evalue: expected a string, got ${show(output.evalue)}`);
    if (!Array.isArray(output.traceback) || !output.traceback.every((l) => typeof l === "string")) {
      out.push(`${path}.traceback: expected string[], got ${show(output.traceback)}`);
    }
  } else {
    out.push(`${path}.output_type: expected stream|display_data|execute_result|error, got ${show(type)}`);
  }
}

function checkCount(value: unknown, path: string, out: Problems): void {
  if (value !== null && !(Number.isInteger(value) && (value as number) >= 0)) {
    out.push(`${path}: expected a non-negative integer or null, got ${show(value)}`);
  }
}

function checkCellMetadata(metadata: unknown, path: string, out: Problems): void {
  if (!isObject(metadata)) return void out.push(`${path}: expected an object, got ${show(metadata)}`);
  const tags = metadata.tags;
  if (tags !== undefined) {
    const ok = Array.isArray(tags) && tags.every((t) => typeof t === "string" && t !== "" && !t.includes(","));
    if (!ok || new Set(tags as string[]).size !== (tags as string[]).length) {
      out.push(`${path}.tags: expected unique non-empty strings without commas, got ${show(tags)}`);
    }
  }
  if (metadata.name !== undefined && typeof metadata.name !== "string") out.push(`${path}.name: expected a string`);
  if (metadata.collapsed !== undefined && typeof metadata.collapsed !== "boolean") out.push(`${path}.collapsed: expected a boolean`);
}

function checkCell(cell: unknown, path: string, minor: number, out: Problems): void {
  if (!isObject(cell)) return void out.push(`${path}: expected an object, got ${show(cell)}`);
  const type = cell.cell_type;
  const common = ["cell_type", "metadata", "source", ...(minor >= 5 ? ["id"] : [])];
  const allowed = [...common, ...(minor >= 5 ? [] : ["id"])];
  if (type === "code") {
    checkKeys(cell, path, [...common, "outputs", "execution_count"], [...allowed, "outputs", "execution_count"], out);
    checkCount(cell.execution_count, `${path}.execution_count`, out);
    if (!Array.isArray(cell.outputs)) out.push(`${path}.outputs: expected an array, got ${show(cell.outputs)}`);
    else cell.outputs.forEach((output, k) => checkOutput(output, `${path}.outputs[${k}]`, out));
  } else if (type === "markdown" || type === "raw") {
    checkKeys(cell, path, common, [...allowed, "attachments"], out);
  } else {
    return void out.push(`${path}.cell_type: expected code|markdown|raw, got ${show(type)}`);
  }
  if (cell.id !== undefined && !(typeof cell.id === "string" && CELL_ID.test(cell.id))) {
    out.push(`${path}.id: expected 1-64 characters of [a-zA-Z0-9-_], got ${show(cell.id)}`);
  }
  if (!isMultiline(cell.source)) out.push(`${path}.source: expected a string or string[], got ${show(cell.source)}`);
  checkCellMetadata(cell.metadata, `${path}.metadata`, out);
}

function checkNotebookMetadata(metadata: unknown, out: Problems): void {
  if (!isObject(metadata)) return void out.push(`metadata: expected an object, got ${show(metadata)}`);
  const spec = metadata.kernelspec;
  if (spec !== undefined && !(isObject(spec) && typeof spec.name === "string" && typeof spec.display_name === "string")) {
    out.push(`metadata.kernelspec: expected {name: string, display_name: string}, got ${show(spec)}`);
  }
  const info = metadata.language_info;
  if (info !== undefined && !(isObject(info) && typeof info.name === "string")) {
    out.push(`metadata.language_info: expected {name: string, …}, got ${show(info)}`);
  }
}

/** All problems that make `value` an invalid nbformat 4 notebook (empty when valid). */
export function validateNotebook(value: unknown): string[] {
  const out: Problems = [];
  if (!isObject(value)) return [`(root): expected a notebook object, got ${show(value)}`];
  checkKeys(value, "(root)", ["metadata", "nbformat_minor", "nbformat", "cells"], ["metadata", "nbformat_minor", "nbformat", "cells"], out);
  if (value.nbformat !== 4) out.push(`nbformat: expected 4, got ${show(value.nbformat)}`);
  const minor = value.nbformat_minor;
  if (!(Number.isInteger(minor) && (minor as number) >= 0)) out.push(`nbformat_minor: expected a non-negative integer, got ${show(minor)}`);
  checkNotebookMetadata(value.metadata, out);
  if (!Array.isArray(value.cells)) return [...out, `cells: expected an array, got ${show(value.cells)}`];
  const seen = new Map<unknown, number>();
  value.cells.forEach((cell, i) => {
    checkCell(cell, `cells[${i}]`, typeof minor === "number" ? minor : 5, out);
    const id = isObject(cell) ? cell.id : undefined;
    if (id !== undefined && seen.has(id)) out.push(`cells[${i}].id: duplicate id ${show(id)} (also cells[${seen.get(id)}])`);
    if (id !== undefined) seen.set(id, i);
  });
  return out;
}
