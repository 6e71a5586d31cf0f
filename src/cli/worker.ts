/** `nnbook worker [--queue URL] [--concurrency N] [--name NAME]`: serve training runs from a job queue. */
import { Command } from "commander";
import { parseQueueUrl } from "../queue/redis-url";
import { positiveInt } from "./bench";

/** The queue URL from the option or $NNBOOK_QUEUE; throws a clear error when neither is set. */
export function queueUrlOption(option: string | undefined): string {
  const url = option ?? process.env.NNBOOK_QUEUE;
  if (url === undefined || url === "") throw new Error("worker: no queue: pass --queue redis://host:port[/db] or set NNBOOK_QUEUE");
  return url;
}

/**
 * Resolves when the worker has stopped: the first SIGINT/SIGTERM finishes the runs in flight and
 * stops; a second one hands them back to the queue (another worker retries them) and stops at once.
 */
function stopOnSignals(close: (force: boolean) => Promise<void>, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      const force = signals > 1;
      log(force ? `${signal}: handing the runs in flight back to the queue` : `${signal}: finishing the runs in flight (again to hand them back)`);
      if (signals > 2) process.exit(130); // a third signal: stop now
      close(force).then(() => {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        resolve();
      }, reject);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/** Adds the `worker` command to `program`. */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("take training runs from a job queue (Redis) and run them on this machine's data, until SIGINT/SIGTERM")
    .option("--queue <url>", "redis://[user:password@]host:port[/db] or rediss://… (TLS); default $NNBOOK_QUEUE")
    .option("-c, --concurrency <n>", "runs at once (default: the number of cores)", positiveInt)
    .option("--name <name>", "this worker's name in progress and logs (default host:pid)")
    .option("--lock-duration <ms>", "a run whose worker is silent this long is retried elsewhere (default 30000)", positiveInt)
    .option("--stalled-interval <ms>", "how often to look for such runs (default 30000)", positiveInt)
    .action(async (opts) => {
      const log = (line: string): void => void process.stderr.write(`nnbook worker: ${line}\n`);
      const { startQueueWorker } = await import("../queue/queue-worker"); // BullMQ only when used
      const worker = await startQueueWorker({
        url: queueUrlOption(opts.queue),
        concurrency: opts.concurrency,
        name: opts.name,
        lockDurationMs: opts.lockDuration,
        stalledIntervalMs: opts.stalledInterval,
        log,
      });
      await stopOnSignals((force) => worker.close(force), log);
      log("stopped");
      // a Redis client still retrying (Redis away) would keep the process alive: exit anyway
      setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
    });
}

/**
 * Gives the notebook-running commands (`run`, `report`) a `--queue <url>` option: checked, then
 * passed to their kernels as NNBOOK_QUEUE, so every sweep in the notebooks runs on the queue.
 */
export function addSweepQueueOption(program: Command): void {
  for (const command of program.commands.filter((c) => c.name() === "run" || c.name() === "report")) {
    command
      .option("--queue <url>", "run the notebooks' sweeps on the workers of this job queue (sets NNBOOK_QUEUE; see `nnbook worker`)")
      .hook("preAction", (cmd) => {
        const url = cmd.opts().queue as string | undefined;
        if (url === undefined) return;
        parseQueueUrl(url); // a bad URL fails here, not in every kernel
        process.env.NNBOOK_QUEUE = url;
      });
  }
}
