/** `nnbook student <teacher.ipynb...> [-o out] [--check]`: student versions of teacher notebooks. */
import { Command } from "commander";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { readNotebook, serializeNotebook, writeNotebook } from "../nbformat/notebook";
import { analyzeTeacherNotebook, makeStudentNotebook } from "../teaching/student";
import { notebookName } from "../kernel/runner";

/** `notebooks/walkthroughs/01-batchnorm.ipynb` → `notebooks/walkthroughs/01-batchnorm-student.ipynb`. */
export function defaultStudentPath(teacherPath: string): string {
  return join(dirname(teacherPath), `${notebookName(teacherPath)}-student.ipynb`);
}

/** True for `…-student.ipynb`, the names student versions get. */
export function isStudentPath(path: string): boolean {
  return /-student\.ipynb$/i.test(path);
}

/** Options of {@link writeStudentNotebook}. */
export interface StudentCommandOptions {
  /** only compare with the existing file; true when it is up to date */
  readonly check?: boolean;
}

/**
 * Generates the student version of `teacherPath` at `outPath` (recording the teacher's path
 * relative to it). Returns a one-line summary, or with `check` whether the file is up to date.
 */
export async function writeStudentNotebook(
  teacherPath: string,
  outPath: string,
  opts: StudentCommandOptions = {},
): Promise<{ summary: string; upToDate: boolean }> {
  if (isStudentPath(teacherPath)) throw new Error(`${teacherPath} looks like a student notebook already (name ends in -student.ipynb)`);
  if (relative(teacherPath, outPath) === "") throw new Error(`${outPath}: refusing to overwrite the teacher notebook`);
  const teacher = await readNotebook(teacherPath);
  const summary = analyzeTeacherNotebook(teacher);
  const source = relative(dirname(outPath), teacherPath).split(sep).join("/");
  const student = makeStudentNotebook(teacher, { source });
  const text = serializeNotebook(student);
  const counts =
    `${summary.regions.length} regions, ${summary.solutionCells.length} solution cells, ` +
    `${summary.answerCells.length} answer cells, ${summary.selfChecks.length} self-checks`;
  if (opts.check) {
    const existing = await readFile(outPath, "utf8").catch(() => null);
    const upToDate = existing === text;
    return { summary: `${outPath}: ${upToDate ? "up to date" : existing === null ? "missing" : "out of date"} (${counts})`, upToDate };
  }
  await writeNotebook(outPath, student);
  return { summary: `${teacherPath} → ${outPath} (${counts})`, upToDate: true };
}

/** Adds the `student` command to `program`. */
export function registerStudentCommand(program: Command): void {
  program
    .command("student <teacher...>")
    .description(
      "write the student version of teacher notebooks (solutions stubbed, answer cells and outputs removed); " + "inputs named *-student.ipynb are skipped",
    )
    .option("-o, --out <path>", "output path (one notebook only; default <folder>/<name>-student.ipynb next to the teacher's)")
    .option("--check", "write nothing; exit 1 unless every student version exists and is up to date")
    .action(async (teachers: string[], opts: { out?: string; check?: boolean }) => {
      const inputs = teachers.filter((t) => !isStudentPath(t));
      for (const skipped of teachers.filter(isStudentPath)) process.stderr.write(`skipping ${skipped} (a student notebook)\n`);
      if (inputs.length === 0) throw new Error(`no teacher notebooks among ${teachers.join(", ")} (names ending in -student.ipynb are student versions)`);
      if (opts.out !== undefined && inputs.length !== 1) throw new Error(`--out needs exactly one teacher notebook, got ${inputs.length}`);
      const stale: string[] = [];
      for (const teacher of inputs) {
        const out = opts.out ?? defaultStudentPath(teacher);
        const { summary, upToDate } = await writeStudentNotebook(teacher, out, { check: opts.check });
        process.stderr.write(`${summary}\n`);
        if (!upToDate) stale.push(basename(out));
      }
      if (stale.length > 0) throw new Error(`student notebooks not up to date: ${stale.join(", ")} (run nnbook student ${inputs.join(" ")})`);
    });
}
