/**
 * The cell tags and metadata of teaching notebooks:
 * - tag `solution` (code cell): the whole cell is a solution (stubbed in the student version);
 *   `metadata.nnbook.solution` may name it (default: the cell id);
 * - tag `answer` (any cell), or `solution` on a Markdown/raw cell: removed from the student version;
 * - tag `self-check` (code cell): a scored check, `metadata.nnbook.check = {name, points}`.
 */
import { cellTags, NotebookCell } from "../nbformat/notebook";

export const SOLUTION_TAG = "solution";
export const ANSWER_TAG = "answer";
export const SELF_CHECK_TAG = "self-check";

/** `metadata.nnbook.check` of a self-check cell. */
export interface SelfCheckSpec {
  readonly name: string;
  readonly points: number;
}

/** "cell 3 (id bn-forward)": how errors name a cell (1-based position). */
export function cellLabel(cell: NotebookCell, index: number): string {
  return cell.id ? `cell ${index + 1} (id ${cell.id})` : `cell ${index + 1}`;
}

function nnbookMeta(cell: NotebookCell): Record<string, unknown> {
  const meta = cell.metadata.nnbook;
  return meta !== null && typeof meta === "object" ? (meta as Record<string, unknown>) : {};
}

/** True when the cell carries `tag`. */
export function hasTag(cell: NotebookCell, tag: string): boolean {
  return cellTags(cell).includes(tag);
}

/**
 * The check a self-check cell declares (`metadata.nnbook.check`), or undefined when it declares
 * none. Throws naming the cell and field when the metadata is malformed.
 */
export function selfCheckSpec(cell: NotebookCell, index: number): SelfCheckSpec | undefined {
  const check = nnbookMeta(cell).check;
  if (check === undefined) return undefined;
  const where = `${cellLabel(cell, index)}: metadata.nnbook.check`;
  if (check === null || typeof check !== "object") throw new Error(`${where} must be an object {name, points}, got ${JSON.stringify(check)}`);
  const { name, points } = check as { name?: unknown; points?: unknown };
  if (typeof name !== "string" || name.trim() === "") throw new Error(`${where}.name must be a non-empty string, got ${JSON.stringify(name)}`);
  if (typeof points !== "number" || !(points >= 0) || !Number.isFinite(points)) {
    throw new Error(`${where}.points must be a non-negative number, got ${JSON.stringify(points)}`);
  }
  return { name, points };
}

/** The name of a whole-cell solution: `metadata.nnbook.solution`, else the cell id, else "cell N". */
export function solutionCellName(cell: NotebookCell, index: number): string {
  const name = nnbookMeta(cell).solution;
  if (typeof name === "string" && name.trim() !== "") return name.trim();
  return cell.id ?? `cell ${index + 1}`;
}
