/**
 * Distributed sweeps with a real redis-server (password, database number) and real `nnbook worker`
 * processes on tiny CIFAR-10-format data: results equal to a local run, a worker SIGKILLed
 * mid-run, shared results, a Redis restart mid-sweep.
 */
import { strict as assert } from "assert";
import { Job, Queue } from "bullmq";
import { DataSplits, readCifar10 } from "../../src/data";
import { ExperimentConfig, openCache, resultKey, runSweep, withSeeds } from "../../src/experiments";
import { tempDir, writeCifarDir } from "../data/fixtures";
import { smallConfig } from "../experiments/fixtures";
import { SHORT_DATA_ENV, bytesOf, inspect, sleep, withShortData } from "./queue-helpers";
import { redisOrSkip } from "./redis-harness";
import { WorkerProcess } from "./worker-procs";
import type { LocalRedis } from "../../src/queue/local-redis";

/**
 * Freezes `worker` (SIGSTOP) while it holds a job it has not finished and returns that job's id
 * (the worker stays stopped). Retries (SIGCONT) when the worker was caught between two jobs.
 */
async function freezeMidRun(queue: Queue, worker: WorkerProcess, sweep: Promise<unknown>): Promise<string> {
  let over = false;
  void sweep.finally(() => (over = true));
  while (!over) {
    const mine = (await queue.getActive()).find((j) => j.processedBy === worker.name);
    if (mine?.id) {
      worker.child.kill("SIGSTOP");
      const again = await Job.fromId(queue, mine.id);
      if (again && again.processedBy === worker.name && !again.finishedOn) return mine.id;
      worker.child.kill("SIGCONT");
    }
    await sleep(20);
  }
  throw new Error(`the sweep ended before ${worker.name} could be caught mid-run`);
}

/** SIGKILLs `worker` in the middle of a run; returns that run's job id. */
async function killMidRun(queue: Queue, worker: WorkerProcess, sweep: Promise<unknown>): Promise<string> {
  const id = await freezeMidRun(queue, worker, sweep);
  worker.child.kill("SIGKILL");
  await worker.exited;
  return id;
}

describe("queue/distributed sweep (real Redis, 3 worker processes)", function () {
  this.timeout(180000);
  let redis: LocalRedis | undefined;
  const files = tempDir("queue-data");
  const caches = tempDir("queue-cache");
  writeCifarDir(files.dir, 40);
  let data: DataSplits;
  const base = smallConfig({ schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 20, cycles: 2 }, data: { name: "cifar10" } });
  // 24 runs: 3 regularizations × 7 seeds, plus momentum, batch norm and a diverging one
  const configs: ExperimentConfig[] = [
    ...withSeeds(
      [0, 1e-3, 1e-2].map((lambda) => ({ ...base, lambda })),
      [1, 2, 3, 4, 5, 6, 7],
    ),
    { ...base, momentum: 0.9 },
    { ...base, batchNorm: "before", seed: 9 },
    { ...base, schedule: { kind: "constant", eta: 1e3 }, epochs: 3, evaluation: { per: "epoch", times: 1 } },
  ];

  before(async function () {
    redis = await redisOrSkip(this, "s3cret@pass/word");
    data = await withShortData(() => readCifar10(files.dir, { split: "standard", validationSize: 20 }));
  });
  after(async () => {
    await redis?.dispose();
    files.remove();
    caches.remove();
  });

  it(
    "a sweep of 24 runs on 3 workers equals the local run byte for byte though one worker is SIGKILLed mid-run; " +
      "every run completes exactly once; the local cache receives the results; a second sweep is served from the shared results",
    async () => {
      const url = redis!.url(1);
      const workers = ["w1", "w2", "w3"].map((name) => new WorkerProcess(name, url, { CIFAR10_DIR: files.dir, ...SHORT_DATA_ENV }));
      const queue = inspect(url);
      try {
        const local = await runSweep(configs, data, { workers: 0, cache: false, progress: false });
        assert.deepEqual(
          local.map((r) => r.status),
          [...configs.slice(0, -1).map(() => "completed"), "diverged"],
        );
        await Promise.all(workers.map((w) => w.ready));
        const cache = openCache(`${caches.dir}/first`);
        const seen: number[] = [];
        const details: string[] = [];
        const progress = { update: () => undefined, detail: (t: string) => details.push(t), stop: () => undefined };
        const sweep = runSweep(configs, data, { queue: url, cache, progress, onResult: (i) => seen.push(i) });
        const killed = await killMidRun(queue, workers[1], sweep);
        const results = await sweep;

        assert.deepEqual(results.map(bytesOf), local.map(bytesOf), "queue results equal the local ones byte for byte");
        assert.deepEqual(
          [...seen].sort((a, b) => a - b),
          configs.map((_, i) => i),
          "each result reported once",
        );
        const keys = configs.map((c) => resultKey(c, data));
        assert.equal(new Set(keys).size, configs.length);
        const completions = workers.flatMap((w) => w.completed());
        for (const key of keys) assert.equal(completions.filter((k) => k === key.slice(0, 12)).length, 1, `run ${key.slice(0, 12)} completed once`);
        assert.ok(!workers[1].completed().includes(killed.slice(0, 12)), "the killed worker did not complete its run");
        const retried = await Job.fromId(queue, killed);
        assert.ok(retried?.processedBy === "w1" || retried?.processedBy === "w3", `the killed run was retried by w1 or w3, not ${retried?.processedBy}`);
        assert.ok(
          details.some((d) => /\bw[123] ×1\b/.test(d)),
          `progress names the workers: ${details.slice(0, 3).join(" / ")}`,
        );

        const offline = await runSweep(configs, data, { workers: 0, cache, progress: false, queue: false });
        assert.ok(
          offline.every((r) => r.fromCache),
          "the local cache holds every run",
        );

        const second = await runSweep(configs, data, { queue: url, cache: openCache(`${caches.dir}/second`), progress: false });
        assert.ok(
          second.every((r) => r.fromCache),
          "second sweep: every result shared",
        );
        assert.deepEqual(second.map(bytesOf), local.map(bytesOf));
        assert.equal(workers.flatMap((w) => w.completed()).length, completions.length, "no run done again");
        for (const w of [workers[0], workers[2]]) assert.equal(await w.stop(), 0, `${w.name} stops cleanly on SIGTERM`);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
        await queue.close();
      }
    },
  );

  it("a sweep completes when Redis restarts (emptied) mid-sweep: workers and producer reconnect, lost jobs are queued again", async () => {
    const url = redis!.url(2);
    const workers = ["r1", "r2"].map((name) => new WorkerProcess(name, url, { CIFAR10_DIR: files.dir, ...SHORT_DATA_ENV }));
    try {
      // long runs (8,000 steps, about a second or more each) and twice as many runs as the workers'
      // 4 slots: the producer polls every 500 ms, so with short runs the whole sweep could finish
      // before its first poll (it did on an idle machine) and Redis would stop with nothing to lose
      const longer = { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 2000, cycles: 2 } as const;
      const some = configs.slice(0, 8).map((c) => ({ ...c, lambda: 5e-3, schedule: longer }));
      const local = await runSweep(some, data, { workers: 0, cache: false, progress: false });
      await Promise.all(workers.map((w) => w.ready));
      let arrived = 0;
      const seen: number[] = [];
      const details: string[] = [];
      const progress = { update: () => undefined, detail: (t: string) => details.push(t), stop: () => undefined };
      const sweep = runSweep(some, data, { queue: url, cache: false, progress, onResult: (i) => (arrived++, seen.push(i)) });
      while (arrived < 1) await sleep(20);
      await redis!.stop();
      await sleep(1000);
      await redis!.start();
      const results = await sweep;
      assert.deepEqual(results.map(bytesOf), local.map(bytesOf));
      assert.deepEqual(
        [...seen].sort((a, b) => a - b),
        some.map((_, i) => i),
        "each result reported once",
      );
      assert.ok(
        workers.every((w) => w.child.exitCode === null),
        "workers survived the restart",
      );
      assert.ok(
        details.some((d) => /lost jobs queued again/.test(d)),
        "the jobs lost with the restart were queued again",
      );
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  it("SIGTERM lets a worker finish its run in flight and exit; a second signal hands the run back to another worker", async () => {
    const url = redis!.url(6);
    const workers = ["s1", "s2", "s3"].map((name) => new WorkerProcess(name, url, { CIFAR10_DIR: files.dir, ...SHORT_DATA_ENV }));
    const queue = inspect(url);
    try {
      const some = configs.slice(0, 9).map((c) => ({ ...c, lambda: 2e-3 }));
      const local = await runSweep(some, data, { workers: 0, cache: false, progress: false });
      await Promise.all(workers.map((w) => w.ready));
      const sweep = runSweep(some, data, { queue: url, cache: false, progress: false });
      const finished = await freezeMidRun(queue, workers[0], sweep);
      workers[0].child.kill("SIGTERM");
      workers[0].child.kill("SIGCONT");
      const handedBack = await freezeMidRun(queue, workers[1], sweep);
      workers[1].child.kill("SIGINT"); // two different signals: two of one kind would merge while stopped
      workers[1].child.kill("SIGTERM");
      workers[1].child.kill("SIGCONT");
      assert.deepEqual([await workers[0].exited, await workers[1].exited], [0, 0], "both exit cleanly");
      const results = await sweep;
      assert.deepEqual(results.map(bytesOf), local.map(bytesOf));
      assert.ok(workers[0].completed().includes(finished.slice(0, 12)), "s1 finished its run before stopping");
      assert.ok(!workers[1].completed().includes(handedBack.slice(0, 12)), "s2 did not finish its run");
      assert.ok(
        workers[1].lines.some((l) => /handing the runs in flight back/.test(l)),
        workers[1].lines.join("\n"),
      );
      assert.equal((await Job.fromId(queue, handedBack))?.processedBy, "s3", "the handed-back run was done by s3");
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await queue.close();
    }
  });
});
