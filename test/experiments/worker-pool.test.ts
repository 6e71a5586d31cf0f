import { strict as assert } from "assert";
import { EventEmitter } from "events";
import { ExperimentConfig, RunResult, WorkerJob, WorkerReply, gaussianBlobs } from "../../src/experiments";
import { PoolWorker, runOnPool } from "../../src/experiments/worker-pool";
import { getKernel } from "../../src/tensor";
import { smallConfig } from "./fixtures";

// The pool's scheduling, driven by scripted workers: which worker is ready, which run finishes and
// when is decided by the test, so nothing here depends on thread start-up times or machine load.

const data = gaussianBlobs({ dims: 4, classes: 2, train: 10, validation: 4, test: 4, seed: 1 });
const configs: ExperimentConfig[] = [1, 2, 3, 4, 5].map((seed) => smallConfig({ seed }));

class ScriptedWorker extends EventEmitter implements PoolWorker {
  readonly jobs: WorkerJob[] = [];
  terminated = false;
  postMessage(job: WorkerJob): void {
    this.jobs.push(job);
  }
  terminate(): void {
    this.terminated = true;
  }
  ready(kernel = getKernel().name): void {
    this.emit("message", { type: "ready", kernel } satisfies WorkerReply);
  }
  /** answers its latest job */
  answer(): number {
    const job = this.jobs[this.jobs.length - 1];
    const result = { config: job.config, status: "completed", message: `ran ${job.index}` } as unknown as RunResult;
    this.emit("message", { type: "result", index: job.index, result } satisfies WorkerReply);
    return job.index;
  }
}

function scripted(): { workers: ScriptedWorker[]; start: () => ScriptedWorker } {
  const workers: ScriptedWorker[] = [];
  return {
    workers,
    start: () => {
      const w = new ScriptedWorker();
      workers.push(w);
      return w;
    },
  };
}

describe("experiments/worker-pool (scripted workers)", () => {
  it("keeps every worker busy, hands out configs in order, reports results as they finish, out of order", async () => {
    const { workers, start } = scripted();
    const running: number[] = [];
    const finished: [number, string][] = [];
    let resolved = false;
    const done = runOnPool(
      configs,
      [0, 1, 2, 3, 4],
      data,
      2,
      {
        running: (n) => running.push(n),
        finish: (i, r) => finished.push([i, r.message!]),
      },
      start,
    ).then(() => (resolved = true));
    assert.equal(workers.length, 2, "two workers started");
    workers[1].ready();
    workers[0].ready();
    assert.deepEqual(
      workers.map((w) => w.jobs.map((j) => j.index)),
      [[1], [0]],
      "the first ready worker gets config 0",
    );
    assert.deepEqual(running, [1, 2], "both workers busy");
    assert.equal(workers[0].answer(), 1); // config 1 finishes before config 0
    assert.deepEqual(
      workers[0].jobs.map((j) => j.index),
      [1, 2],
      "the free worker takes the next config at once",
    );
    assert.equal(workers[0].answer(), 2);
    assert.equal(workers[1].answer(), 0);
    assert.equal(workers[0].answer(), 3);
    assert.deepEqual(workers[0].jobs.at(-1)!.config, configs[3]);
    assert.equal(workers[1].answer(), 4);
    await done;
    assert.ok(resolved);
    assert.deepEqual(finished, [
      [1, "ran 1"],
      [2, "ran 2"],
      [0, "ran 0"],
      [3, "ran 3"],
      [4, "ran 4"],
    ]);
    assert.ok(running.every((n) => n <= 2));
    assert.equal(running.at(-1), 0, "nothing in flight at the end");
    assert.ok(
      workers.every((w) => w.terminated),
      "every worker retired",
    );
  });

  it("starts no more workers than there are pending configs, and none for an empty list", async () => {
    const { workers, start } = scripted();
    const done = runOnPool(configs, [3], data, 4, { running: () => {}, finish: () => {} }, start);
    assert.equal(workers.length, 1);
    workers[0].ready();
    workers[0].answer();
    await done;
    const empty = scripted();
    await runOnPool(configs, [], data, 2, { running: () => {}, finish: () => {} }, empty.start);
    assert.equal(empty.workers.length, 0);
  });

  it("a worker that dies mid-run fails that run only; a replacement takes the remaining configs", async () => {
    const { workers, start } = scripted();
    const finished = new Map<number, RunResult>();
    const done = runOnPool(configs, [0, 1, 2], data, 2, { running: () => {}, finish: (i, r) => finished.set(i, r) }, start);
    workers[0].ready();
    workers[1].ready();
    workers[0].emit("exit", 137); // e.g. killed for running out of memory, during config 0
    assert.equal(finished.get(0)!.status, "failed");
    assert.match(finished.get(0)!.message!, /worker died: worker exited with code 137/);
    assert.equal(workers.length, 3, "a replacement was started");
    workers[2].ready();
    assert.deepEqual(
      workers[2].jobs.map((j) => j.index),
      [2],
    );
    workers[1].answer();
    workers[2].answer();
    await done;
    assert.deepEqual([...finished.keys()].sort(), [0, 1, 2]);
    assert.equal(finished.get(1)!.status, "completed");
    assert.equal(finished.get(2)!.status, "completed");
  });

  it("rejects when a worker cannot start, or runs a different matrix kernel, and retires all workers", async () => {
    const a = scripted();
    const failing = runOnPool(configs, [0, 1], data, 2, { running: () => {}, finish: () => {} }, a.start);
    a.workers[0].emit("error", new Error("Cannot find module 'sweep-worker.js'"));
    await assert.rejects(failing, /sweep worker failed to start: Cannot find module 'sweep-worker\.js'/);
    assert.ok(a.workers.every((w) => w.terminated));

    const b = scripted();
    const mismatch = runOnPool(configs, [0, 1], data, 2, { running: () => {}, finish: () => {} }, b.start);
    b.workers[0].ready("some-other-kernel");
    await assert.rejects(mismatch, new RegExp(`sweep worker uses matrix kernel "some-other-kernel" but this thread uses "${getKernel().name}"`));
    assert.ok(b.workers.every((w) => w.terminated));
  });
});
