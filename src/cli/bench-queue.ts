/** `nnbook bench --queue <url|local> [--queue-runs N]`: sweep throughput on the job queue vs local threads. */
import { writeFileAtomicSync } from "../util/atomic-write";

/** Runs the queue benchmark, prints its table and writes it to `out`. */
export async function benchQueueCommand(url: string, runs: number | undefined, out: string): Promise<void> {
  const { benchQueue, formatQueueBench } = await import("../queue/bench-queue"); // BullMQ only when used
  const rows = await benchQueue({ url, runs, log: (line) => process.stderr.write(`bench: ${line}\n`) });
  const markdown = `${formatQueueBench(rows)}\n`;
  writeFileAtomicSync(out, markdown);
  process.stdout.write(`${markdown}(written to ${out})\n`);
}
