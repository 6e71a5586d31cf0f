/**
 * A class of submissions for `nnbook grade`, built from the committed student version of
 * walkthrough 01 (BatchNorm): honest ones (correct, wrong, untouched) and each cheat of issue 18,
 * with the score the gradebook must give and a pattern its notes/messages must contain.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { cellSource, Notebook, NotebookCell, parseNotebook, serializeNotebook } from "../../src/nbformat/notebook";
import { BN_FORWARD, bnBackwardBody, fillStub } from "./fills";
import { code, ROOT, WALKTHROUGHS } from "./fixtures";

export const TEACHER = join(WALKTHROUGHS, "01-batchnorm.ipynb");
export const STUDENT = join(WALKTHROUGHS, "01-batchnorm-student.ipynb");
const SCORE_JS = join(ROOT, "dist", "teaching", "score.js");

/** One submission and what grading it must give. */
export interface Submission {
  readonly name: string;
  readonly notebook: Notebook;
  /** earned points per check (batchnormForward, batchnormBackward) */
  readonly expected: readonly [number, number];
  /** must match the notes and messages of the grade (what was detected or blocked) */
  readonly evidence?: RegExp;
  readonly status?: string;
  /** to be graded with a submission limit below the call limit (it never returns) */
  readonly totalLimit?: boolean;
}

function student(): Notebook {
  return parseNotebook(readFileSync(STUDENT, "utf8"), STUDENT);
}

/** The student version with both stubs replaced (undefined: the stub stays). */
function filled(forward: string | undefined, backward: string | undefined): Notebook {
  const nb = student();
  if (forward !== undefined) fillStub(nb, "myBatchnormForward", forward);
  if (backward !== undefined) fillStub(nb, "myBatchnormBackward", backward);
  return nb;
}

/** Inserts `cell` after the cell with id `after`. */
function insertAfter(nb: Notebook, after: string, cell: NotebookCell): Notebook {
  const at = nb.cells.findIndex((c) => c.id === after);
  if (at < 0) throw new Error(`no cell ${after}`);
  nb.cells.splice(at + 1, 0, cell);
  return nb;
}

/** Applies `edit` to the cell with id `id`. */
function editCell(nb: Notebook, id: string, edit: (cell: NotebookCell) => void): Notebook {
  const cell = nb.cells.find((c) => c.id === id);
  if (!cell) throw new Error(`no cell ${id}`);
  edit(cell);
  return nb;
}

const CORRECT_BACKWARD = bnBackwardBody(true);
/** The unbiased variance (÷ (n − 1)) instead of the biased one: an honest mistake. */
const WRONG_FORWARD = BN_FORWARD.replace("** 2 / n;", "** 2 / (n - 1);");
/** A minimal valid notebook, for the cheat that writes one over the grader's code. */
const FAKE_NB = "{ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }";

/** Every submission of the class (names are file names without .ipynb). */
export function classSubmissions(): Submission[] {
  const fakeCheck = (name: string, points: number): string =>
    `const r = showCheck({ check: "${name}", points: ${points}, pass: true, measuredError: 0, expected: "", hint: "", message: "ok" });`;
  return [
    { name: "honest-correct", notebook: filled(BN_FORWARD, CORRECT_BACKWARD), expected: [2, 3] },
    { name: "honest-wrong", notebook: filled(WRONG_FORWARD, bnBackwardBody(false)), expected: [0, 0], evidence: /max relative difference from the library \d/ },
    { name: "honest-half", notebook: filled(WRONG_FORWARD, CORRECT_BACKWARD), expected: [0, 3] },
    { name: "untouched", notebook: student(), expected: [0, 0], evidence: /not implemented yet: myBatchnormForward/ },
    {
      name: "cheat-delegate",
      notebook: editCell(
        filled("return batchnormForward(S, gamma, beta, opts);", 'return (require("../../dist") as any).batchnormBackward(dOut, cache);'),
        "imports",
        (c) => {
          c.source = cellSource(c).replace("BatchnormCache,", "BatchnormCache, batchnormForward,");
        },
      ),
      expected: [0, 0],
      evidence: /calls the library's batchnormForward[\s\S]*batchnormBackward is not available in graded code/,
    },
    {
      name: "cheat-outside-region",
      notebook: editCell(filled("", CORRECT_BACKWARD), "bn-forward", (c) => {
        c.source = cellSource(c).replace(/return \{ out: out,[^\n]*/, "return batchnormForward(S, gamma, beta, opts);");
      }),
      expected: [0, 3],
      evidence: /solution cell bn-forward: the code around the solution region was changed, so your code could not be found; graded as not implemented/,
    },
    {
      name: "cheat-patch-checker",
      notebook: insertAfter(
        student(),
        "imports",
        code(
          "patch",
          [
            'const checks = require("../../dist/teaching/check-batchnorm");',
            'checks.evaluateBatchnormForward = () => ({ check: "batchnormForward", points: 2, pass: true, measuredError: 0, expected: "", hint: "", message: "ok" });',
            'require("../../dist").checkBatchnormBackward = checks.evaluateBatchnormForward;',
          ].join("\n"),
        ),
      ),
      expected: [0, 0],
      evidence: /cell 4 \(id patch\) was added; it is not run when grading \(its code touches the checker/,
    },
    {
      name: "cheat-math-abs",
      notebook: insertAfter(filled("Math.abs = () => 0;", ""), "imports", code("zero-abs", "Math.abs = () => 0;\nMath.max = () => 0;")),
      expected: [0, 0],
      evidence: /your code in bn-forward patches a built-in[\s\S]*id zero-abs\) was added; it is not run when grading \(its code patches a built-in/,
    },
    {
      name: "cheat-inflated-points",
      notebook: ["check-bn-forward", "check-bn-backward"].reduce(
        (nb, id, k) =>
          editCell(nb, id, (c) => {
            c.source = fakeCheck(k === 0 ? "batchnormForward" : "batchnormBackward", 1000);
            c.metadata = { tags: ["self-check"], nnbook: { check: { name: k === 0 ? "batchnormForward" : "batchnormBackward", points: 1000 } } };
          }),
        filled(BN_FORWARD, CORRECT_BACKWARD),
      ),
      expected: [0, 0],
      evidence: /self-check cell check-bn-forward \(batchnormForward\) was altered: scores 0 \(your function passes/,
    },
    {
      name: "cheat-deleted-checks",
      notebook: ((nb) => ({ ...nb, cells: nb.cells.filter((c) => !["check-bn-forward", "check-bn-backward"].includes(c.id ?? "")) }))(
        filled(BN_FORWARD, CORRECT_BACKWARD),
      ),
      expected: [0, 0],
      evidence: /self-check cell check-bn-backward \(batchnormBackward\) is missing from the submission: scores 0/,
    },
    {
      name: "cheat-read-teacher",
      notebook: filled(
        `const text = require("fs").readFileSync(${JSON.stringify(TEACHER)}, "utf8");\nreturn eval(text);`,
        `(require("../../dist") as any).readIdx(${JSON.stringify(TEACHER)}, 2049);`,
      ),
      expected: [0, 0],
      evidence: /require\("fs"\) is not available in graded code[\s\S]*ENOENT: no such file or directory/,
    },
    {
      name: "cheat-write-dist",
      notebook: filled(
        `require("fs").appendFileSync(${JSON.stringify(SCORE_JS)}, "\\nexports.scoreNotebook = () => ({ rows: [], earned: 5, total: 5, otherFailures: [] });");`,
        `(require("../../dist") as any).writeNotebook(${JSON.stringify(SCORE_JS)}, ${FAKE_NB});`,
      ),
      expected: [0, 0],
      evidence: /reads or writes files/,
    },
    {
      name: "cheat-sigint-loop",
      notebook: filled('process.on("SIGINT", () => {});\nwhile (true) {}', "while (true) {}"),
      expected: [0, 0],
      evidence: /process is not defined[\s\S]*did not return within 2 s \(stopped\)/,
    },
    {
      name: "cheat-exec-sleep",
      notebook: filled(
        'require("child_process").execSync("sleep 30");',
        '(zeros as any).constructor("return process")().mainModule.require("child_process").execSync("sleep 30");',
      ),
      expected: [0, 0],
      evidence: /require\("child_process"\) is not available in graded code[\s\S]*Code generation from strings disallowed/,
    },
    {
      name: "cheat-fork-bomb",
      notebook: filled(
        'const cp = require("child_process");\nfor (;;) cp.spawn("sh", ["-c", "f(){ f|f& };f"]);',
        '(require("../../dist/notebook") as any).runNotebook({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] });',
      ),
      expected: [0, 0],
      evidence: /starts processes[\s\S]*child_process"\) is not available in graded code/,
    },
    {
      name: "cheat-process-exit",
      notebook: filled("process.exit(0);", "(globalThis as any).process.exit(0);"),
      expected: [0, 0],
      evidence: /tries to end the process[\s\S]*process is not defined/,
    },
    {
      name: "cheat-timeout",
      notebook: filled("for (;;) {}", "for (;;) {}"),
      expected: [0, 0],
      status: "timed out",
      totalLimit: true,
      evidence: /stopped: the submission's time limit of 8 s was reached[\s\S]*not finished: stopped: the submission's time limit of 8 s was reached/,
    },
  ];
}

/** Writes every submission into `dir` as `<name>.ipynb`; returns them. */
export function writeClass(dir: string): Submission[] {
  const all = classSubmissions();
  for (const s of all) writeFileSync(join(dir, `${s.name}.ipynb`), serializeNotebook(s.notebook));
  return all;
}
