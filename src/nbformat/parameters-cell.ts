/**
 * Reading the papermill-style `parameters` cell of a TypeScript notebook: its top-level
 * declarations and their default values.
 */
import { cellSource, cellTags, Notebook } from "./notebook";

const DECLARATION = /^\s*(?:export\s+)?(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*(.+?))?\s*=(?!>)\s*(.*?)\s*(?:;\s*(?:\/\/.*)?)?$/;

/** One declaration found in a parameters cell. */
export interface ParameterDeclaration {
  name: string;
  keyword: "const" | "let" | "var";
  /** The type annotation without the colon, if any. */
  type?: string;
  /** The initializer text. */
  initializer: string;
}

/** Top-level `const|let|var name[: Type] = value` lines of a parameters cell (one per line). */
export function parseParameterCell(source: string): ParameterDeclaration[] {
  const found: ParameterDeclaration[] = [];
  for (const line of source.split("\n")) {
    const m = DECLARATION.exec(line);
    if (m) found.push({ keyword: m[1] as ParameterDeclaration["keyword"], name: m[2], type: m[3], initializer: m[4] });
  }
  return found;
}

/** Index of the first cell tagged `parameters`, or -1. */
export function findParametersCell(notebook: Notebook): number {
  return notebook.cells.findIndex((cell) => cell.cell_type === "code" && cellTags(cell).includes("parameters"));
}

/** Default values of the parameters cell that are plain JSON literals (others are skipped). */
export function defaultParameterValues(notebook: Notebook): Record<string, unknown> {
  const at = findParametersCell(notebook);
  const values: Record<string, unknown> = {};
  if (at < 0) return values;
  for (const d of parseParameterCell(cellSource(notebook.cells[at]))) {
    try {
      values[d.name] = JSON.parse(d.initializer);
    } catch {
      // not a JSON literal (an expression): not reported as a value
    }
  }
  return values;
}
