import { readdirSync } from "fs";
import { join, resolve } from "path";
import { CodeCell, MarkdownCell, Notebook, NotebookCell } from "../../src/nbformat/notebook";

export const ROOT = resolve(__dirname, "..", "..");
export const WALKTHROUGHS = join(ROOT, "notebooks", "walkthroughs");

/** The committed teacher notebooks of the walkthrough set (names not ending in -student). */
export function teacherPaths(): string[] {
  return readdirSync(WALKTHROUGHS)
    .filter((n) => n.endsWith(".ipynb") && !n.endsWith("-student.ipynb"))
    .sort()
    .map((n) => join(WALKTHROUGHS, n));
}

/** `x.ipynb` → `x-student.ipynb` in the same folder. */
export function studentPathOf(teacher: string): string {
  return teacher.replace(/\.ipynb$/, "-student.ipynb");
}

export function code(id: string, source: string, metadata: Record<string, unknown> = {}): CodeCell {
  return { id, cell_type: "code", metadata, source, execution_count: null, outputs: [] };
}

export function markdown(id: string, source: string, tags?: string[]): MarkdownCell {
  return { id, cell_type: "markdown", metadata: tags ? { tags } : {}, source };
}

export function notebook(cells: NotebookCell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, cells };
}

/**
 * A teacher notebook exercising every marker: a named region, an unnamed region inside a function
 * (with hints inside and around it), an arrow function, a `solution` cell, an `answer` cell and a
 * self-check; the code cells carry outputs as an executed notebook would.
 */
export function syntheticTeacher(): Notebook {
  const withOutputs = (cell: CodeCell): CodeCell => ({
    ...cell,
    execution_count: 3,
    outputs: [{ output_type: "stream", name: "stdout", text: "secret output 42\n" }],
  });
  return notebook([
    markdown("intro", "# Exercise\n\nWrite `double` and `triple`."),
    withOutputs(
      code(
        "double",
        [
          "function double(x: number): number {",
          "  // HINT: multiply by two",
          "  // BEGIN SOLUTION",
          "  // HINT: or add x to itself",
          "  const twice = x * 2;",
          "  return twice;",
          "  // END SOLUTION",
          "}",
        ].join("\n"),
      ),
    ),
    code(
      "triple",
      ["const triple = (x: number): number => {", "    // BEGIN SOLUTION tripleIt", "    return x + x + x;", "    // END SOLUTION", "};"].join("\n"),
    ),
    code("scratch", "const teacherOnlyValue = 17 * 3;\nconsole.log(teacherOnlyValue);", { tags: ["solution"], nnbook: { solution: "scratchWork" } }),
    markdown("question", "Why is 2·x even?"),
    markdown("answer", "Because it is divisible by two, q.e.d. secretly", ["answer"]),
    markdown("worked", "Worked solution: 2·x = x + x", ["solution"]),
    withOutputs(code("check", "const r = checkSomething(double);", { tags: ["self-check"], nnbook: { check: { name: "double", points: 2 } } })),
  ]);
}
