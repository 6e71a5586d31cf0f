/** `nnbook bench [--repeat N] [--steps N] [--quick] [--config 3L-BN] [--threads 1,2] [--no-numpy] [--no-torch] [--wait-quiet] [--report NAME|a,b|all] [--out file]`. */
import { Command } from "commander";
import { runBench } from "../bench/run-bench";
import { formatBenchMarkdown } from "../bench/table";
import { A3BenchConfig, A3_BENCH_HIDDEN } from "../bench/workload";
import { writeFileAtomicSync } from "../util/atomic-write";
import { benchQueueCommand } from "./bench-queue";

/** A positive integer option value. */
export function positiveInt(text: string): number {
  const n = Number(text);
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`expected a positive integer, got "${text}"`);
  return n;
}

/** Collects repeated `--config` values, checking each. */
export function collectConfig(text: string, previous: A3BenchConfig[] = []): A3BenchConfig[] {
  if (!(text in A3_BENCH_HIDDEN)) throw new Error(`--config: expected one of ${Object.keys(A3_BENCH_HIDDEN).join(", ")}, got "${text}"`);
  return [...previous, text as A3BenchConfig];
}

/** Adds the `bench` command to `program`. */
export function registerBenchCommand(program: Command): void {
  program
    .command("bench")
    .description("time the DD2424 A3 training schedule against NumPy and PyTorch, the matrix products, data loading and the report")
    .option("--repeat <n>", "best of n runs, ours and each peer's (default 2; 1 with --quick)", positiveInt)
    .option("--steps <n>", "partial run of n steps (a multiple of 4), extrapolated to 9,000", positiveInt)
    .option("--quick", "smoke run: a few steps on tiny data, no peers")
    .option("--config <name>", "A3 configuration (3L-BN, 9L-BN); repeatable (default both)", collectConfig)
    .option("--threads <list>", "thread counts of our native kernel to time, e.g. 1,2 or 2", "1,2")
    .option("--no-numpy", "skip the NumPy reference (../shared/bench/numpy_a3.py)")
    .option("--no-torch", "skip the PyTorch reference (../shared/bench/torch_a3.py)")
    .option("--wait-quiet", "before each run (ours and the peers') wait up to 5 min for other processes to go quiet")
    .option(
      "--report <names>",
      "also generate these reports (dd2424-a3, a comma list, or all) in a scratch folder, cold then warm, and time each (cold time and training runs per report and in all)",
    )
    .option("--report-jobs <n>", "notebooks at once for --report (default: the number of cores)", positiveInt)
    .option("--queue <url>", 'instead: sweep throughput on this job queue ("local": a private redis-server) with 1, 2, 3 worker processes vs local threads')
    .option("--queue-runs <n>", "runs per timed sweep with --queue (default 24)", positiveInt)
    .option("-o, --out <file>", "Markdown file for the table (build/bench-queue.md with --queue)", "build/bench.md")
    .action(async (opts, cmd: Command) => {
      if (opts.queue !== undefined) {
        return benchQueueCommand(opts.queue, opts.queueRuns, cmd.getOptionValueSource("out") === "default" ? "build/bench-queue.md" : opts.out);
      }
      const threads = String(opts.threads)
        .split(",")
        .map((t): 1 | 2 => {
          if (t !== "1" && t !== "2") throw new Error(`--threads: expected 1, 2 or 1,2, got "${opts.threads}"`);
          return t === "1" ? 1 : 2;
        });
      const report = await runBench({
        configs: opts.config,
        repeat: opts.repeat,
        steps: opts.steps,
        quick: opts.quick ?? false,
        numpy: opts.quick ? undefined : opts.numpy, // --quick: no peers
        torch: opts.quick ? undefined : opts.torch,
        waitQuiet: opts.waitQuiet ?? false,
        threads,
        report: opts.report,
        reportJobs: opts.reportJobs,
        log: (line) => process.stderr.write(`bench: ${line}\n`),
      });
      const markdown = formatBenchMarkdown(report);
      writeFileAtomicSync(opts.out, markdown);
      process.stdout.write(`${markdown}\n(written to ${opts.out})\n`);
    });
}
