/**
 * The student version of a teacher's notebook: solution regions and `solution` cells become stubs
 * that throw "not implemented yet: <name>", `answer` cells are removed, every output and execution
 * count is dropped; hints (`// HINT` lines, Markdown) and self-check cells stay. A pure function of
 * the input (byte-identical output for the same notebook).
 */
import { cellSource, MultilineString, Notebook, NotebookCell, stripOutputs } from "../nbformat/notebook";
import { ANSWER_TAG, cellLabel, hasTag, SELF_CHECK_TAG, selfCheckSpec, SelfCheckSpec, SOLUTION_TAG, solutionCellName } from "./cell-meta";
import { findRegions, isHintLine, regionBodies, replaceRegions, sourceLines, stubLine } from "./regions";

/** Cells left out of the student version: `answer` cells, and Markdown/raw cells tagged `solution`. */
function isRemoved(cell: NotebookCell): boolean {
  return hasTag(cell, ANSWER_TAG) || (cell.cell_type !== "code" && hasTag(cell, SOLUTION_TAG));
}

/** What a teacher notebook holds for the student transform (0-based cell indices). */
export interface TeacherNotebookSummary {
  readonly regions: readonly { readonly cellIndex: number; readonly name: string }[];
  readonly solutionCells: readonly { readonly cellIndex: number; readonly name: string }[];
  readonly answerCells: readonly number[];
  readonly selfChecks: readonly { readonly cellIndex: number; readonly check?: SelfCheckSpec }[];
}

/**
 * Lists the solution regions, solution/answer cells and self-checks of `notebook`. Throws naming
 * the cell on malformed markers or metadata, and on a self-check cell that is also tagged
 * `solution` or `answer` (it would vanish from the student version).
 */
export function analyzeTeacherNotebook(notebook: Notebook): TeacherNotebookSummary {
  const regions: { cellIndex: number; name: string }[] = [];
  const solutionCells: { cellIndex: number; name: string }[] = [];
  const answerCells: number[] = [];
  const selfChecks: { cellIndex: number; check?: SelfCheckSpec }[] = [];
  notebook.cells.forEach((cell, i) => {
    const where = cellLabel(cell, i);
    if (hasTag(cell, SELF_CHECK_TAG)) {
      if (hasTag(cell, ANSWER_TAG) || hasTag(cell, SOLUTION_TAG))
        throw new Error(`${where} is tagged "${SELF_CHECK_TAG}" and also "${ANSWER_TAG}" or "${SOLUTION_TAG}"`);
      if (cell.cell_type !== "code") throw new Error(`${where} is tagged "${SELF_CHECK_TAG}" but is a ${cell.cell_type} cell`);
      selfChecks.push({ cellIndex: i, check: selfCheckSpec(cell, i) });
    }
    if (isRemoved(cell)) answerCells.push(i);
    else if (cell.cell_type === "code" && hasTag(cell, SOLUTION_TAG)) solutionCells.push({ cellIndex: i, name: solutionCellName(cell, i) });
    else if (cell.cell_type === "code") for (const r of findRegions(cellSource(cell), where)) regions.push({ cellIndex: i, name: r.name });
  });
  return { regions, solutionCells, answerCells, selfChecks };
}

/** Options of {@link makeStudentNotebook}. */
export interface StudentOptions {
  /** the teacher notebook's path, recorded as `metadata.nnbook.student.source` */
  readonly source?: string;
}

/** `text` in the shape of `like`: one string, or Jupyter's list of lines (each but the last ending in "\n"). */
function sameShape(like: MultilineString, text: string): MultilineString {
  if (!Array.isArray(like)) return text;
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/** The student version of one cell, or null when the cell is removed. */
function studentCell(cell: NotebookCell, index: number): NotebookCell | null {
  if (isRemoved(cell)) return null;
  if (cell.cell_type !== "code") return cell;
  const source = cellSource(cell);
  let text: string;
  if (hasTag(cell, SOLUTION_TAG)) {
    text = [...sourceLines(source).filter(isHintLine), stubLine(solutionCellName(cell, index))].join("\n");
  } else {
    const regions = findRegions(source, cellLabel(cell, index));
    if (regions.length === 0) return cell;
    text = replaceRegions(source, regions);
  }
  return { ...cell, source: sameShape(cell.source, text) };
}

/**
 * The student version of a teacher notebook (see the module comment); `notebook` is not modified.
 * Region names come from the marker (`// BEGIN SOLUTION batchnormBackward`) or the enclosing
 * function. A region must contain every declaration that code after it uses (the stub throws
 * before that code, which stays type-correct as long as it uses nothing declared in the region).
 */
export function makeStudentNotebook(notebook: Notebook, opts: StudentOptions = {}): Notebook {
  analyzeTeacherNotebook(notebook); // validates markers and metadata first
  const copy = stripOutputs(notebook);
  copy.cells = copy.cells.flatMap((cell, i) => studentCell(cell, i) ?? []);
  const nnbook = { ...((copy.metadata.nnbook as Record<string, unknown> | undefined) ?? {}) };
  for (const runRecord of ["execution", "status", "parameters"]) delete nnbook[runRecord];
  nnbook.student = opts.source === undefined ? { generatedBy: "nnbook student" } : { generatedBy: "nnbook student", source: opts.source };
  copy.metadata.nnbook = nnbook;
  return copy;
}

/**
 * Every line the student version must not contain: the non-blank, non-hint lines of solution
 * regions, `solution` cells and `answer` cells, trimmed, in notebook order.
 */
export function solutionLines(notebook: Notebook): string[] {
  const lines: string[] = [];
  notebook.cells.forEach((cell, i) => {
    const source = cellSource(cell);
    const whole = hasTag(cell, ANSWER_TAG) || hasTag(cell, SOLUTION_TAG);
    const body = whole ? sourceLines(source) : cell.cell_type === "code" ? regionBodies(source, findRegions(source, cellLabel(cell, i))) : [];
    for (const line of body) if (line.trim() !== "" && !isHintLine(line)) lines.push(line.trim());
  });
  return lines;
}
