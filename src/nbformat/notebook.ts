/**
 * Jupyter notebooks (nbformat 4): types, reading and writing (validated, atomic, in Jupyter's
 * own layout: one-space indent, sorted keys, trailing newline) and stripping outputs.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../util/atomic-write";
import { validateNotebook } from "./validate";

/** A string, or lines of it (joined without separators). */
export type MultilineString = string | string[];

/** MIME type → data; `application/…json` values are JSON objects, the others strings. */
export type MimeBundle = Record<string, unknown>;

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}
export type NotebookOutput = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** Cell metadata; `tags` drive parameters and export (`hide-input`, `hide-output`, `remove-cell`). */
export interface CellMetadata {
  tags?: string[];
  [key: string]: unknown;
}
export interface CodeCell {
  id?: string;
  cell_type: "code";
  metadata: CellMetadata;
  source: MultilineString;
  execution_count: number | null;
  outputs: NotebookOutput[];
}
export interface MarkdownCell {
  id?: string;
  cell_type: "markdown";
  metadata: CellMetadata;
  source: MultilineString;
  attachments?: Record<string, MimeBundle>;
}
export interface RawCell {
  id?: string;
  cell_type: "raw";
  metadata: CellMetadata;
  source: MultilineString;
  attachments?: Record<string, MimeBundle>;
}
export type NotebookCell = CodeCell | MarkdownCell | RawCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** A multiline string as one string. */
export function joinLines(text: MultilineString): string {
  return Array.isArray(text) ? text.join("") : text;
}

/** The cell's source as one string. */
export function cellSource(cell: NotebookCell): string {
  return joinLines(cell.source);
}

/** The cell's tags (empty when none). */
export function cellTags(cell: NotebookCell): string[] {
  return Array.isArray(cell.metadata.tags) ? cell.metadata.tags : [];
}

/** Parses and validates notebook JSON; errors name `origin` (a file path) and every bad field. */
export function parseNotebook(json: string, origin: string): Notebook {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`${origin}: not valid JSON: ${(error as Error).message}`);
  }
  assertValidNotebook(value, origin);
  return value;
}

/** Throws (listing up to 10 problems) unless `value` is a valid nbformat 4 notebook. */
export function assertValidNotebook(value: unknown, origin: string): asserts value is Notebook {
  const problems = validateNotebook(value);
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : "";
    throw new Error(`${origin}: not a valid nbformat 4 notebook:\n  ${problems.slice(0, 10).join("\n  ")}${more}`);
  }
}

/** Reads and validates the notebook at `path`. */
export async function readNotebook(path: string): Promise<Notebook> {
  let json: string;
  try {
    json = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read notebook ${path}: ${(error as Error).message}`);
  }
  return parseNotebook(json, path);
}

/** JSON with keys sorted recursively (arrays keep their order), as Jupyter writes notebooks. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** The notebook as Jupyter formats it: indent 1, sorted keys, non-ASCII kept, final newline. */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
}

/** Validates `notebook` and writes it to `path` atomically. */
export async function writeNotebook(path: string, notebook: Notebook): Promise<void> {
  assertValidNotebook(notebook, path);
  await writeFileAtomic(path, serializeNotebook(notebook));
}

/** A copy without outputs, execution counts and per-cell execution timings. */
export function stripOutputs(notebook: Notebook): Notebook {
  const cells = notebook.cells.map((cell): NotebookCell => {
    if (cell.cell_type !== "code") return structuredClone(cell);
    const { execution: _timing, ...metadata } = cell.metadata;
    return { ...structuredClone(cell), metadata: structuredClone(metadata), outputs: [], execution_count: null };
  });
  return { ...structuredClone(notebook), cells };
}

/** True when no code cell has outputs or an execution count. */
export function hasNoOutputs(notebook: Notebook): boolean {
  return notebook.cells.every((cell) => cell.cell_type !== "code" || (cell.outputs.length === 0 && cell.execution_count === null));
}
