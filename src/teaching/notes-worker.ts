/**
 * The optional second sandboxed run of `nnbook grade --run-notebooks`: the whole submitted
 * notebook on a tslab kernel (going on after failing cells), for notes on the cells that fail.
 * Never for the score. Reads `{notebook, cwd, cellTimeoutMs}` on stdin; writes one JSON line per
 * finished cell (`{"cell": n, "status": s}`), then one per failure (`{"failure": [n, message]}`),
 * then `{"done": true}`.
 */
import { readFileSync, writeSync } from "node:fs";
import { parseNotebook } from "../nbformat/notebook";
import { runNotebook } from "../kernel/runner";
import { errorSummary } from "./score";

/** What the grader sends. */
export interface NotesJob {
  /** the submission's JSON text */
  readonly notebook: string;
  /** the kernel's working folder (where the teacher's notebook sits, so its imports resolve) */
  readonly cwd: string;
  readonly cellTimeoutMs: number;
}

function emit(line: unknown): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

/** Runs the job's notebook and reports its cells (see the module comment). */
export async function runNotesWorker(jobText: string): Promise<void> {
  const job = JSON.parse(jobText) as NotesJob;
  const result = await runNotebook(parseNotebook(job.notebook, "submission"), {
    allowErrors: true,
    cwd: job.cwd,
    cellTimeoutMs: job.cellTimeoutMs,
    onEvent: (event) => {
      if (event.kind === "cell-end") emit({ cell: event.cellNumber, status: event.status });
    },
  });
  for (const f of result.failures) emit({ failure: [f.cellNumber, errorSummary(f.errorText)] });
  emit({ done: true });
}

if (require.main === module) {
  runNotesWorker(readFileSync(0, "utf8")).then(
    () => process.exit(0),
    (error: Error) => {
      emit({ error: error.message });
      process.exit(1);
    },
  );
}
