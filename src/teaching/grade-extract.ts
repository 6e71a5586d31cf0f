/**
 * Reading a submission against the grading plan: the student's code inside each solution region
 * (everything else comes from the teacher's copy), the state of each self-check cell (present
 * and unchanged, or missing/altered: that check then scores 0), and notes on added or changed
 * cells. Pure: the same submission gives the same result.
 */
import { cellSource, cellTags, Notebook, NotebookCell } from "../nbformat/notebook";
import { SELF_CHECK_TAG } from "./cell-meta";
import { sourceLines, stubLine } from "./regions";
import { GradePlan, PlannedCheck, PlannedSolutionCell } from "./grade-plan";
import { scanCode } from "./grade-scan";

/** A submission read against the plan. */
export interface ExtractedSubmission {
  /** TypeScript: the teacher's context cells and solution cells with the student's region bodies */
  readonly program: string;
  /** the student's code per solution cell id (region bodies, or the whole cell) */
  readonly studentCode: ReadonlyMap<string, string>;
  /** per check (plan order): undefined when the self-check cell is intact, else why it scores 0 */
  readonly integrity: readonly (string | undefined)[];
  /** notes for the teacher and the student, in notebook order */
  readonly notes: readonly string[];
}

/** Trimmed non-blank lines with their index in `lines`. */
function significant(lines: readonly string[]): { index: number; text: string }[] {
  return lines.flatMap((l, index) => (l.trim() === "" ? [] : [{ index, text: l.trim() }]));
}

/** First position ≥ from where `needle` occurs in `hay` (texts), or -1. */
function findSequence(hay: readonly { text: string }[], needle: readonly string[], from: number): number {
  for (let p = from; p + needle.length <= hay.length; p++) if (needle.every((t, k) => hay[p + k].text === t)) return p;
  return -1;
}

/**
 * The student's lines inside each region of `cell`, found by matching the teacher's code around
 * the regions (blank lines and indentation ignored) in the submitted source; undefined when that
 * code was changed.
 */
export function regionBodies(cell: PlannedSolutionCell, submitted: string): string[][] | undefined {
  const teacher = sourceLines(cell.source);
  const bounds = [-1, ...cell.regions.flatMap((r) => [r.begin, r.end]), teacher.length];
  const segments: string[][] = [];
  for (let k = 0; k < bounds.length; k += 2) segments.push(significant(teacher.slice(bounds[k] + 1, bounds[k + 1])).map((l) => l.text));
  const lines = sourceLines(submitted);
  const sub = significant(lines);
  if (findSequence(sub, segments[0], 0) !== 0) return undefined;
  let pos = segments[0].length;
  const bodies: string[][] = [];
  for (let k = 1; k < segments.length; k++) {
    const last = k === segments.length - 1;
    const at = last ? sub.length - segments[k].length : findSequence(sub, segments[k], pos);
    if (at < pos || findSequence(sub, segments[k], at) !== at) return undefined;
    const start = pos === 0 ? 0 : sub[pos - 1].index + 1;
    const end = at < sub.length ? sub[at].index : lines.length;
    bodies.push(lines.slice(start, end));
    pos = at + segments[k].length;
  }
  return bodies;
}

/** The teacher's cell with each region replaced by the student's lines. */
function gradedCell(cell: PlannedSolutionCell, bodies: readonly string[][]): string {
  const lines = sourceLines(cell.source);
  const out: string[] = [];
  let next = 0;
  cell.regions.forEach((r, k) => {
    out.push(...lines.slice(next, r.begin), ...bodies[k]);
    next = r.end + 1;
  });
  return [...out, ...lines.slice(next)].join("\n");
}

/** Whitespace at line ends and blank lines do not count as changes. */
function sameCode(a: string, b: string): boolean {
  const norm = (s: string): string =>
    significant(sourceLines(s))
      .map((l) => l.text)
      .join("\n");
  return norm(a) === norm(b);
}

/** Why a self-check cell does not count, or undefined when it is the teacher's. */
function checkIntegrity(check: PlannedCheck, cell: NotebookCell | undefined): string | undefined {
  const label = `self-check cell ${check.cellId} (${check.name})`;
  if (!cell) return `${label} is missing from the submission`;
  if (cell.cell_type !== "code" || !sameCode(cellSource(cell), check.source)) return `${label} was altered`;
  const meta = (cell.metadata.nnbook as { check?: { name?: unknown; points?: unknown } } | undefined)?.check;
  if (!cellTags(cell).includes(SELF_CHECK_TAG) || meta?.name !== check.name || meta?.points !== check.points) {
    return `${label}: its tags or metadata.nnbook.check were altered (points ${JSON.stringify(meta?.points)}; the teacher's copy says ${check.points})`;
  }
  return undefined;
}

/** "cell 6 (id x)": a submission cell, 1-based. */
function label(cell: NotebookCell, index: number): string {
  return cell.id ? `cell ${index + 1} (id ${cell.id})` : `cell ${index + 1}`;
}

/** Notes on cells outside regions and checks: added, changed, and what their code reaches for. */
function otherCellNotes(plan: GradePlan, submission: Notebook, hiddenNames: readonly string[]): string[] {
  const known = new Map(plan.studentVersion.cells.flatMap((c) => (c.id ? [[c.id, c] as const] : [])));
  const graded = new Set([...plan.checks.map((c) => c.cellId), ...plan.solutionCells.map((c) => c.cellId)]);
  const notes: string[] = [];
  submission.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code" || (cell.id && graded.has(cell.id))) return;
    const original = cell.id ? known.get(cell.id) : undefined;
    if (original && sameCode(cellSource(cell), cellSource(original))) return;
    const findings = scanCode(cellSource(cell), hiddenNames);
    const what = original ? "was changed" : cellTags(cell).includes(SELF_CHECK_TAG) ? "is an added self-check" : "was added";
    notes.push(`${label(cell, i)} ${what}; it is not run when grading${findings.length ? ` (its code ${findings.join(", ")})` : ""}`);
  });
  return notes;
}

/** Reads `submission` against `plan` (see the module comment). */
export function extractSubmission(plan: GradePlan, submission: Notebook): ExtractedSubmission {
  const byId = new Map<string, NotebookCell>();
  for (const cell of submission.cells) if (cell.id && !byId.has(cell.id)) byId.set(cell.id, cell);
  const hiddenNames = plan.hidden.flatMap((h) => h.exports);
  const notes: string[] = [];
  const studentCode = new Map<string, string>();
  const graded = plan.solutionCells.map((cell) => {
    const submitted = byId.get(cell.cellId);
    const stub = (): string[] => [stubLine(`${cell.cellId} (not found in the submission)`)];
    let bodies: string[][];
    if (!submitted) {
      notes.push(`solution cell ${cell.cellId} is missing: graded as not implemented`);
      bodies = cell.regions.map(stub);
    } else if (cell.whole) {
      bodies = [sourceLines(cellSource(submitted))];
    } else {
      const found = regionBodies(cell, cellSource(submitted));
      if (!found)
        notes.push(
          `solution cell ${cell.cellId}: the code around the solution region was changed, so your code could not be found; graded as not implemented (change only the lines where the stub was)`,
        );
      bodies = found ?? cell.regions.map(stub);
    }
    const code = bodies.map((b) => b.join("\n")).join("\n");
    studentCode.set(cell.cellId, code);
    const findings = scanCode(code, hiddenNames);
    if (findings.length) notes.push(`your code in ${cell.cellId} ${findings.join(", ")}`);
    return cell.whole ? code : gradedCell(cell, bodies);
  });
  const integrity = plan.checks.map((check) => checkIntegrity(check, byId.get(check.cellId)));
  notes.push(...integrity.flatMap((x) => (x ? [`${x}: scores 0`] : [])), ...otherCellNotes(plan, submission, hiddenNames));
  return { program: [...plan.contextSources, ...graded].join("\n;\n"), studentCode, integrity, notes };
}
