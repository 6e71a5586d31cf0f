import * as path from "path";
import { Worker } from "worker_threads";
import { getKernel } from "../tensor";
import { ExperimentConfig } from "./config";
import { ExperimentData } from "./data";
import { RunResult } from "./result";
import { failedResult } from "./run";
import type { WorkerJob, WorkerReply } from "./sweep-worker";

/**
 * Starts a sweep worker. From compiled code (dist/) it runs dist/experiments/sweep-worker.js;
 * from TypeScript sources (ts-node, e.g. under mocha) it registers ts-node (transpile-only) inside
 * the worker and loads sweep-worker.ts, so a worker always runs the same code as its caller.
 */
export function startWorker(data: ExperimentData): PoolWorker {
  const workerData = { data, kernel: getKernel().name };
  if (!__filename.endsWith(".ts")) return new Worker(path.join(__dirname, "sweep-worker.js"), { workerData });
  const project = path.resolve(__dirname, "..", "..", "tsconfig.json");
  const file = path.join(__dirname, "sweep-worker.ts");
  const boot = `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(project)} });\n` + `require(${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true, workerData });
}

/** What the pool needs of a worker thread (a `Worker`; tests pass scripted stand-ins). */
export interface PoolWorker {
  postMessage(job: WorkerJob): void;
  terminate(): unknown;
  on(event: "message", listener: (msg: WorkerReply) => void): unknown;
  on(event: "error", listener: (err: Error) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
}

interface Slot {
  readonly worker: PoolWorker;
  ready: boolean;
  current?: number;
}

/** Callbacks of `runOnPool`. */
export interface PoolHooks {
  /** a run finished (or its worker died: a "failed" result) */
  readonly finish: (index: number, result: RunResult) => void;
  /** the number of runs in flight changed */
  readonly running: (count: number) => void;
}

/** A pool of sweep workers working through the pending configs; `done` settles once. */
class Pool {
  private readonly slots = new Set<Slot>();
  private next = 0;
  private settled = false;

  constructor(
    private readonly configs: readonly ExperimentConfig[],
    private readonly pending: readonly number[],
    private readonly data: ExperimentData,
    private readonly hooks: PoolHooks,
    private readonly resolve: () => void,
    private readonly reject: (err: Error) => void,
    private readonly startOne: (data: ExperimentData) => PoolWorker,
  ) {}

  start(size: number): void {
    if (this.pending.length === 0) return this.settle();
    for (let k = 0; k < Math.min(size, this.pending.length); k++) this.spawn();
  }

  private inFlight(): number {
    return [...this.slots].filter((s) => s.current !== undefined).length;
  }

  private settle(err?: Error): void {
    if (this.settled) return;
    this.settled = true;
    for (const s of this.slots) void s.worker.terminate();
    this.slots.clear();
    if (err) this.reject(err);
    else this.resolve();
  }

  /** Gives the slot its next config, or retires it when none is left. */
  private dispatch(slot: Slot): void {
    if (this.next >= this.pending.length) {
      this.slots.delete(slot);
      void slot.worker.terminate();
      if (this.slots.size === 0) this.settle();
      return;
    }
    slot.current = this.pending[this.next++];
    slot.worker.postMessage({ index: slot.current, config: this.configs[slot.current] } satisfies WorkerJob);
    this.hooks.running(this.inFlight());
  }

  private onMessage(slot: Slot, msg: WorkerReply): void {
    if (msg.type === "ready") {
      const mine = getKernel().name;
      if (msg.kernel !== mine) {
        return this.settle(new Error(`sweep worker uses matrix kernel "${msg.kernel}" but this thread uses "${mine}"`));
      }
      slot.ready = true;
      return this.dispatch(slot);
    }
    slot.current = undefined;
    this.hooks.running(this.inFlight());
    this.hooks.finish(msg.index, msg.result);
    this.dispatch(slot);
  }

  /** A worker died (error or exit): its run fails, a replacement takes over the remaining work. */
  private onLost(slot: Slot, err: Error): void {
    if (!this.slots.has(slot)) return; // retired on purpose, or the pool already settled
    if (!slot.ready) return this.settle(new Error(`sweep worker failed to start: ${err.message}`));
    this.slots.delete(slot);
    const index = slot.current;
    if (index !== undefined) {
      this.hooks.finish(index, failedResult(this.configs[index], this.data, new Error(`worker died: ${err.message}`)));
    }
    if (this.next < this.pending.length) this.spawn();
    else if (this.slots.size === 0) this.settle();
    this.hooks.running(this.inFlight());
  }

  private spawn(): void {
    const slot: Slot = { worker: this.startOne(this.data), ready: false };
    this.slots.add(slot);
    slot.worker.on("message", (msg: WorkerReply) => this.onMessage(slot, msg));
    slot.worker.on("error", (err: Error) => this.onLost(slot, err));
    slot.worker.on("exit", (code: number) => this.onLost(slot, new Error(`worker exited with code ${code}`)));
  }
}

/**
 * Runs `configs[i]` for every i in `pending` on `size` worker threads sharing `data` (which must be
 * SharedArrayBuffer-backed to avoid copies), one config per worker at a time. A run that throws
 * comes back as a "failed" result; a worker that dies mid-run (e.g. out of memory) turns its run
 * into a "failed" result and is replaced. Rejects only if a worker cannot start, or its matrix
 * kernel differs from this thread's (results would then not match a serial run). `start` creates one
 * worker (default: a sweep-worker thread).
 */
export function runOnPool(
  configs: readonly ExperimentConfig[],
  pending: readonly number[],
  data: ExperimentData,
  size: number,
  hooks: PoolHooks,
  start: (data: ExperimentData) => PoolWorker = startWorker,
): Promise<void> {
  return new Promise((resolve, reject) => new Pool(configs, pending, data, hooks, resolve, reject, start).start(size));
}
