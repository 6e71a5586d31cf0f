/**
 * What `nnbook grade` takes from the teacher's notebook, once per batch: the self-checks (name,
 * points, the cell as the teacher wrote it, the check function and the student's function it
 * is called with), the cells holding solution regions, the teacher's code the graded functions
 * need (parameters, imports), and the inputs each check passes to the piece under test, recorded
 * by running the check against the library's own implementation.
 */
import * as ts from "typescript";
import { cellSource, Notebook } from "../nbformat/notebook";
import { cellLabel, hasTag, SELF_CHECK_TAG, ANSWER_TAG, SOLUTION_TAG } from "./cell-meta";
import { analyzeTeacherNotebook, makeStudentNotebook } from "./student";
import { findRegions, SolutionRegion } from "./regions";
import { encodeValue, Wire } from "./graded-values";
import { GRADED_CHECKS, GradedCheckKind, HiddenExport, hiddenExports, UNSUPPORTED_CHECKS } from "./grade-registry";

/** One self-check of the teacher's notebook. */
export interface PlannedCheck {
  /** `metadata.nnbook.check.name` */
  readonly name: string;
  /** `metadata.nnbook.check.points`, from the teacher's copy only */
  readonly points: number;
  readonly cellId: string;
  /** the cell's source as the teacher wrote it (a submission's must be the same) */
  readonly source: string;
  readonly kind: GradedCheckKind;
  /** the student's function the cell passes to the check, e.g. "myBatchnormForward" */
  readonly functionName: string;
  /** the argument lists the check passes, encoded (see graded-values.ts), in call order */
  readonly calls: readonly Wire[];
}

/** A teacher cell with solution regions (or a whole `solution` cell). */
export interface PlannedSolutionCell {
  readonly cellId: string;
  readonly source: string;
  /** empty for a whole-cell solution */
  readonly regions: readonly SolutionRegion[];
  readonly whole: boolean;
}

/** Everything a batch is graded against. */
export interface GradePlan {
  readonly teacher: Notebook;
  /** what students received (`nnbook student` of the teacher notebook) */
  readonly studentVersion: Notebook;
  readonly checks: readonly PlannedCheck[];
  readonly solutionCells: readonly PlannedSolutionCell[];
  /** teacher code cells before the last solution cell that are neither checks nor solutions */
  readonly contextSources: readonly string[];
  readonly hidden: readonly HiddenExport[];
}

/** The check call of a self-check cell: `checkX(myFunction, …)`. Throws naming the cell otherwise. */
export function findCheckCall(source: string, where: string): { checker: string; functionName: string } {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found: { checker: string; functionName: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const checker = node.expression.text;
      if (UNSUPPORTED_CHECKS.has(checker)) throw new Error(`${where}: nnbook grade cannot run ${checker}: ${UNSUPPORTED_CHECKS.get(checker)}`);
      const first = node.arguments[0];
      if (GRADED_CHECKS.has(checker)) {
        if (!first || !ts.isIdentifier(first)) throw new Error(`${where}: the first argument of ${checker} must be the name of the student's function`);
        found.push({ checker, functionName: first.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (found.length !== 1) {
    throw new Error(`${where}: a graded self-check cell must call exactly one of ${[...GRADED_CHECKS.keys()].join(", ")} (found ${found.length})`);
  }
  return found[0];
}

/** Runs the check against the reference implementation, recording the arguments of every call. */
export function recordCalls(kind: GradedCheckKind): Wire[] {
  const calls: Wire[] = [];
  const recorder = (...args: never[]): unknown => {
    calls.push(encodeValue(args));
    return kind.reference(...args);
  };
  const result = kind.evaluate(recorder, {});
  if (!result.pass) throw new Error(`${kind.checker} fails on the library's own implementation: ${result.message}`);
  return calls;
}

/** The id of a teacher cell the grader must find again in submissions. */
function requiredId(id: string | undefined, where: string): string {
  if (!id) throw new Error(`${where} has no cell id (nbformat ≥ 4.5 ids are how submissions are matched to the teacher's cells)`);
  return id;
}

/**
 * The grading plan of a teacher notebook. Throws naming the cell when a self-check has no
 * metadata, calls no supported check, or a cell the grader matches has no id.
 */
export function planGrading(teacher: Notebook): GradePlan {
  const summary = analyzeTeacherNotebook(teacher);
  const checks: PlannedCheck[] = summary.selfChecks.map(({ cellIndex, check }) => {
    const cell = teacher.cells[cellIndex];
    const where = cellLabel(cell, cellIndex);
    if (!check) throw new Error(`${where}: a self-check cell needs metadata.nnbook.check = {name, points} for grading`);
    const { checker, functionName } = findCheckCall(cellSource(cell), where);
    const kind = GRADED_CHECKS.get(checker)!;
    return {
      name: check.name,
      points: check.points,
      cellId: requiredId(cell.id, where),
      source: cellSource(cell),
      kind,
      functionName,
      calls: recordCalls(kind),
    };
  });
  if (checks.length === 0) throw new Error("the teacher notebook has no self-check cells: nothing to grade");
  const solutionCells: PlannedSolutionCell[] = [];
  const solutionIndices = new Set([...summary.regions.map((r) => r.cellIndex), ...summary.solutionCells.map((c) => c.cellIndex)]);
  for (const i of [...solutionIndices].sort((a, b) => a - b)) {
    const cell = teacher.cells[i];
    const where = cellLabel(cell, i);
    const whole = hasTag(cell, SOLUTION_TAG);
    solutionCells.push({ cellId: requiredId(cell.id, where), source: cellSource(cell), regions: whole ? [] : findRegions(cellSource(cell), where), whole });
  }
  const last = Math.max(...solutionIndices);
  const contextSources = teacher.cells.flatMap((cell, i) =>
    i < last && cell.cell_type === "code" && !solutionIndices.has(i) && !hasTag(cell, SELF_CHECK_TAG) && !hasTag(cell, ANSWER_TAG) ? [cellSource(cell)] : [],
  );
  return {
    teacher,
    studentVersion: makeStudentNotebook(teacher),
    checks,
    solutionCells,
    contextSources,
    hidden: hiddenExports([...new Set(checks.map((c) => c.kind))]),
  };
}
