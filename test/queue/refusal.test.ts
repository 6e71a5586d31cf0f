/**
 * Workers that must not run a job: other data (refused, the job goes to a worker with the right
 * data), a malformed payload (rejected at once with a clear error), no worker at all (the sweep
 * fails after its timeout saying so). A run that throws comes back "failed" with its message.
 */
import { strict as assert } from "assert";
import { Job } from "bullmq";
import { DataSplits, readCifar10 } from "../../src/data";
import { ExperimentConfig, runSweep } from "../../src/experiments";
import { runOnQueue } from "../../src/queue/run-on-queue";
import { tempDir, writeCifarDir } from "../data/fixtures";
import { smallConfig } from "../experiments/fixtures";
import { SHORT_DATA_ENV, bytesOf, inspect, sleep, withShortData } from "./queue-helpers";
import { redisOrSkip } from "./redis-harness";
import { WorkerProcess } from "./worker-procs";
import type { LocalRedis } from "../../src/queue/local-redis";

describe("queue/refusals and failures (real Redis)", function () {
  this.timeout(120000);
  let redis: LocalRedis | undefined;
  const ours = tempDir("queue-ours");
  const other = tempDir("queue-other");
  writeCifarDir(ours.dir, 40);
  writeCifarDir(other.dir, 41); // same layout, other images: another fingerprint
  let data: DataSplits;
  const base = smallConfig({ data: { name: "cifar10" } });
  const configs: ExperimentConfig[] = [base, { ...base, seed: 2 }, { ...base, hidden: [0] }];

  before(async function () {
    redis = await redisOrSkip(this);
    data = await withShortData(() => readCifar10(ours.dir, { split: "standard", validationSize: 20 }));
  });
  after(async () => {
    await redis?.dispose();
    ours.remove();
    other.remove();
  });

  it(
    "a worker with other data refuses every job with the reason; a worker with the right data then does them; " +
      "a run that throws comes back failed with the local message",
    async () => {
      const url = redis!.url(3);
      const local = await runSweep(configs, data, { workers: 0, cache: false, progress: false });
      assert.match(local[2].message!, /config\.hidden\[0\]: expected an integer ≥ 1, got 0/);
      const wrong = new WorkerProcess("wrong-data", url, { CIFAR10_DIR: other.dir, ...SHORT_DATA_ENV });
      let right: WorkerProcess | undefined;
      try {
        await wrong.ready;
        const details: string[] = [];
        const progress = { update: () => undefined, detail: (t: string) => details.push(t), stop: () => undefined };
        const sweep = runSweep(configs, data, { queue: url, cache: false, progress });
        while (!details.some((d) => /refused: wrong-data: data fingerprint differs/.test(d))) await sleep(50);
        assert.ok(
          wrong.lines.some((l) => /refused job [0-9a-f]{12}: data fingerprint differs: the job wants [0-9a-f]{64}, this worker has [0-9a-f]{64}/.test(l)),
          wrong.lines.join("\n"),
        );
        right = new WorkerProcess("right-data", url, { CIFAR10_DIR: ours.dir, ...SHORT_DATA_ENV });
        const results = await sweep;
        assert.deepEqual(results.map(bytesOf), local.map(bytesOf), "results from the worker with the right data only");
        assert.deepEqual(wrong.completed(), [], "the worker with other data completed nothing");
        assert.equal(right.completed().length, 3);
      } finally {
        await Promise.all([wrong.stop(), right?.stop()]);
      }
    },
  );

  it("a malformed payload fails at once with an error naming the field (no retry)", async () => {
    const url = redis!.url(4);
    const worker = new WorkerProcess("strict", url, { CIFAR10_DIR: ours.dir, ...SHORT_DATA_ENV });
    const queue = inspect(url);
    try {
      await worker.ready;
      await queue.add(
        "run",
        { v: 1, key: "not-a-key", config: {}, fingerprint: "f", codeVersion: "c", source: { kind: "blobs" } },
        { jobId: "bad-1", attempts: 3 },
      );
      await queue.add(
        "run",
        { v: 1, key: "a".repeat(64), config: {}, fingerprint: "f", codeVersion: "c", source: { kind: "tape" } },
        { jobId: "bad-2", attempts: 3 },
      );
      const failed = async (id: string): Promise<Job> => {
        for (;;) {
          const job = await Job.fromId(queue, id);
          if (job?.finishedOn) return job;
          await sleep(50);
        }
      };
      const [bad1, bad2] = [await failed("bad-1"), await failed("bad-2")];
      assert.match(bad1.failedReason, /^malformed job payload: job\.key: expected a string matching .*, got "not-a-key"$/);
      assert.match(bad2.failedReason, /^malformed job payload: job\.source\.kind: .*"tape"/);
      assert.equal(bad1.attemptsMade, 1, "not retried");
      assert.ok(worker.lines.some((l) => /rejected job bad-1: malformed payload: job\.key/.test(l)));
    } finally {
      await worker.stop();
      await queue.close();
    }
  });

  it("with no worker, the sweep fails after its timeout with a message saying so", async () => {
    const hooks = { finish: () => undefined, running: () => undefined };
    await assert.rejects(
      runOnQueue(configs, [0, 1], data, hooks, { url: redis!.url(5), timeoutMs: 1500, pollMs: 100 }),
      /no run finished for 2 s; 2 runs left; 0 running, 2 queued; no worker took a job \(is `nnbook worker` running on this queue\?\)$/,
    );
  });
});
