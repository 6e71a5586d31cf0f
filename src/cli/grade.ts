/**
 * `nnbook grade --teacher <teacher.ipynb> <submission.ipynb | folder>… [--out grades.csv]
 * [--feedback dir] [--jobs N] [--no-sandbox] [--run-notebooks]`: grade a class against the
 * teacher's notebook.
 */
import { Command } from "commander";
import { mkdirSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { gradeBatch } from "../teaching/grade-batch";
import { killAllGradedProcesses } from "../teaching/grade-process";
import { feedbackFileNames, feedbackMarkdown, gradebookCsv, gradebookJson } from "../teaching/gradebook";
import { writeFileAtomic } from "../util/atomic-write";
import { renderHtmlReport } from "../report/html-export";
import { secondsOption } from "./run";

/** `--jobs`: a positive integer. */
function jobsOption(text: string): number {
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`--jobs expects a whole number ≥ 1, got "${text}"`);
  return n;
}

/** The JSON gradebook's path: `grades.csv` → `grades.json`. */
export function jsonPathOf(csvPath: string): string {
  return csvPath.endsWith(".csv") ? `${csvPath.slice(0, -4)}.json` : `${csvPath}.json`;
}

interface GradeOptions {
  teacher: string;
  out: string;
  feedback?: string;
  feedbackHtml?: boolean;
  jobs: number;
  sandbox: boolean;
  callTimeout: number;
  timeout: number;
  runNotebooks?: boolean;
  cellTimeout: number;
  notebookTimeout: number;
}

/** Kills every graded process on Ctrl-C / SIGTERM, then exits (nothing outlives the grader). */
function killOnSignals(): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    killAllGradedProcesses();
    process.stderr.write(`nnbook grade: stopped by ${signal}; every graded process was killed\n`);
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

/** Adds the `grade` command to `program`. */
export function registerGradeCommand(program: Command): void {
  program
    .command("grade <submissions...>")
    .description(
      "grade student notebooks (files or folders) against the teacher's notebook: points and checks from the teacher's copy, " +
        "the students' solution regions run in a sandbox (bubblewrap), the checks in the grader; writes a CSV + JSON gradebook and Markdown feedback",
    )
    .requiredOption("--teacher <notebook>", "the teacher notebook (with solutions and self-check metadata)")
    .option("--out <grades.csv>", "the CSV gradebook (the JSON one goes next to it)", "grades.csv")
    .option("--feedback <dir>", "write one Markdown feedback file per student here")
    .option("--feedback-html", "with --feedback: also an offline HTML page per student (the HTML report's layout)")
    .option("--jobs <n>", "submissions graded side by side (default: cores)", jobsOption, cpus().length)
    .option("--no-sandbox", "grade without bubblewrap (submissions then run with your rights; limits still apply)")
    .option("--call-timeout <seconds>", "time limit of one call of a student's function (default 10)", secondsOption, 10_000)
    .option("--timeout <seconds>", "time limit of one submission, enforced by killing its processes (default 120)", secondsOption, 120_000)
    .option("--run-notebooks", "also run each whole notebook on a kernel in the sandbox, for notes on the cells that fail (never for the score)")
    .option("--cell-timeout <seconds>", "with --run-notebooks: interrupt a cell after this long (default 30)", secondsOption, 30_000)
    .option(
      "--notebook-timeout <seconds>",
      "with --run-notebooks: time limit of one notebook run, enforced by killing it (default 300)",
      secondsOption,
      300_000,
    )
    .action(async (submissions: string[], opts: GradeOptions) => {
      const started = Date.now();
      const restore = killOnSignals();
      try {
        const batch = await gradeBatch({
          teacher: opts.teacher,
          submissions,
          jobs: opts.jobs,
          sandbox: opts.sandbox,
          callTimeoutMs: opts.callTimeout,
          submissionTimeoutMs: opts.timeout,
          runNotebooks: opts.runNotebooks ? { cellTimeoutMs: opts.cellTimeout, timeoutMs: opts.notebookTimeout } : undefined,
          onGraded: (g) => process.stderr.write(`[grade] ${g.student}: ${g.total}/${g.max} (${g.status})\n`),
        });
        await writeFileAtomic(opts.out, gradebookCsv(batch.checks, batch.grades));
        await writeFileAtomic(jsonPathOf(opts.out), gradebookJson(opts.teacher, batch.checks, batch.grades));
        if (opts.feedback !== undefined) {
          mkdirSync(opts.feedback, { recursive: true });
          const names = feedbackFileNames(batch.grades);
          await Promise.all(
            batch.grades.map(async (g, k) => {
              const markdown = feedbackMarkdown(g);
              await writeFileAtomic(join(opts.feedback!, names[k]), markdown);
              if (opts.feedbackHtml)
                await writeFileAtomic(
                  join(opts.feedback!, names[k].replace(/\.md$/, ".html")),
                  renderHtmlReport(markdown, new Map(), `Feedback: ${g.student}`),
                );
            }),
          );
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stderr.write(
          `[grade] ${batch.grades.length} submissions graded in ${seconds} s${opts.sandbox ? "" : " WITHOUT a sandbox"} → ${opts.out}, ${jsonPathOf(opts.out)}` +
            `${opts.feedback !== undefined ? `, ${opts.feedback}/` : ""}\n`,
        );
      } finally {
        restore();
      }
    });
}
