import type { ExperimentConfig } from "../experiments/config";
import { ExperimentData, shareData } from "../experiments/data";
import type { RunResult } from "../experiments/result";
import type { WorkerReply } from "../experiments/sweep-worker";
import { PoolWorker, startWorker } from "../experiments/worker-pool";
import { getKernel } from "../tensor";

interface Thread {
  readonly worker: PoolWorker;
  /** settles the run in flight (or the start-up) */
  waiting?: { resolve: (msg: WorkerReply) => void; reject: (err: Error) => void };
}

/**
 * Up to `size` sweep-worker threads sharing one data set, each running one config at a time. The
 * queue worker runs its jobs here so its own event loop stays free to renew the jobs' locks (a
 * run on the main thread would block it for the whole run, and the job would look stalled).
 */
export class RunThreads {
  private readonly idle: Thread[] = [];
  private readonly all = new Set<Thread>();
  private readonly data: ExperimentData;

  constructor(
    data: ExperimentData,
    private readonly start: (data: ExperimentData) => PoolWorker = startWorker,
  ) {
    this.data = shareData(data);
  }

  /** Runs one config on an idle thread (started if none is idle); rejects if the thread dies. */
  async run(config: ExperimentConfig): Promise<RunResult> {
    const thread = this.idle.pop() ?? (await this.spawn());
    const reply = await this.ask(thread, () => thread.worker.postMessage({ index: 0, config }));
    if (reply.type !== "result") throw new Error(`sweep thread: expected a result, got ${reply.type}`);
    this.idle.push(thread);
    return reply.result;
  }

  /** Stops every thread (a run in flight rejects). */
  async close(): Promise<void> {
    const threads = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private async spawn(): Promise<Thread> {
    const thread: Thread = { worker: this.start(this.data) };
    this.all.add(thread);
    const settle = (fn: (t: NonNullable<Thread["waiting"]>) => void): void => {
      const w = thread.waiting;
      thread.waiting = undefined;
      if (w) fn(w);
    };
    const lost = (err: Error): void => {
      this.all.delete(thread);
      const at = this.idle.indexOf(thread);
      if (at >= 0) this.idle.splice(at, 1);
      settle((w) => w.reject(err));
    };
    thread.worker.on("message", (msg: WorkerReply) => settle((w) => w.resolve(msg)));
    thread.worker.on("error", lost);
    thread.worker.on("exit", (code: number) => lost(new Error(`sweep thread exited with code ${code}`)));
    const ready = await this.ask(thread, () => undefined);
    const mine = getKernel().name;
    if (ready.type !== "ready" || ready.kernel !== mine) {
      void thread.worker.terminate();
      throw new Error(`sweep thread uses matrix kernel "${ready.type === "ready" ? ready.kernel : "?"}" but this process uses "${mine}"`);
    }
    return thread;
  }

  private ask(thread: Thread, send: () => void): Promise<WorkerReply> {
    if (!this.all.has(thread)) return Promise.reject(new Error("sweep thread is gone"));
    return new Promise((resolve, reject) => {
      thread.waiting = { resolve, reject };
      send();
    });
  }
}
