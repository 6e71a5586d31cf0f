/**
 * The gradebook of a batch (CSV and JSON) and each student's feedback (Markdown). Pure functions
 * of the grades: the same grades give the same bytes (no dates, timings or temporary paths).
 */
import { SubmissionGrade } from "./grade-submission";

/** One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The check columns of a batch: name and points, in the teacher's order. */
export interface GradebookCheck {
  readonly name: string;
  readonly points: number;
}

/** CSV: student, one column of earned points per check, total, max, status, notes ("; "-joined). */
export function gradebookCsv(checks: readonly GradebookCheck[], grades: readonly SubmissionGrade[]): string {
  const header = ["student", ...checks.map((c) => `${c.name} (${c.points})`), "total", "max", "status", "notes"];
  const rows = grades.map((g) => [g.student, ...g.rows.map((r) => r.earned), g.total, g.max, g.status, g.notes.join("; ")]);
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

/** JSON: the teacher notebook, the checks, and every grade with its rows and notes. */
export function gradebookJson(teacher: string, checks: readonly GradebookCheck[], grades: readonly SubmissionGrade[]): string {
  return `${JSON.stringify({ teacher, checks, grades }, null, 2)}\n`;
}

/** A Markdown table cell: pipes escaped, line breaks as spaces. */
function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

/** The measured value as the feedback shows it. */
function measured(value: number | null): string {
  return value === null ? "—" : value.toExponential(1);
}

/** A student's feedback: score, one row per check (measured, expected, result, hint), notes. */
export function feedbackMarkdown(grade: SubmissionGrade): string {
  const lines = [
    `# Feedback: ${grade.student}`,
    "",
    `**Score: ${grade.total} / ${grade.max}** (${grade.status})`,
    "",
    "| Check | Points | Result | Measured | Expected | Message | Hint |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...grade.rows.map(
      (r) =>
        `| ${mdCell(r.check)} | ${r.earned}/${r.points} | ${r.pass ? "pass" : "FAIL"} | ${measured(r.measuredError)} | ${mdCell(r.expected || "—")} | ${mdCell(r.message)} | ${mdCell(r.hint || "—")} |`,
    ),
  ];
  if (grade.notes.length) lines.push("", "## Notes", "", ...grade.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}

/**
 * File names for the feedback of each grade (same order): the submission path with separators
 * and unusual characters as "_", ".md"; a numeric suffix where two would collide.
 */
export function feedbackFileNames(grades: readonly SubmissionGrade[]): string[] {
  const used = new Set<string>();
  return grades.map((g) => {
    const base =
      g.student
        .replace(/\.ipynb$/i, "")
        .replace(/^[./\\]+/, "")
        .replace(/[^\w.-]+/g, "_") || "submission";
    let name = `${base}.md`;
    for (let k = 2; used.has(name); k++) name = `${base}-${k}.md`;
    used.add(name);
    return name;
  });
}
