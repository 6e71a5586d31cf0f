/** A sweep over TLS (rediss://) with a password, against a redis-server serving TLS only. */
import { strict as assert } from "assert";
import { Queue } from "bullmq";
import { readCifar10 } from "../../src/data";
import { runSweep } from "../../src/experiments";
import { tempDir, writeCifarDir } from "../data/fixtures";
import { smallConfig } from "../experiments/fixtures";
import { parseQueueUrl, redisOptions } from "../../src/queue/redis-url";
import { SHORT_DATA_ENV, bytesOf, withShortData } from "./queue-helpers";
import { makeTestCertificates, redisOrSkip } from "./redis-harness";
import { WorkerProcess } from "./worker-procs";
import type { LocalRedis } from "../../src/queue/local-redis";

describe("queue/TLS (rediss://, real Redis)", function () {
  this.timeout(120000);
  let redis: LocalRedis | undefined;
  const t = tempDir("queue-tls");
  const saved = process.env.NNBOOK_QUEUE_CA;

  before(async function () {
    const tls = makeTestCertificates(t.dir);
    if (!tls) {
      console.warn("    (skipped: openssl is not installed, so no test certificate)");
      this.skip();
    }
    redis = await redisOrSkip(this, "tls-pass", tls);
    process.env.NNBOOK_QUEUE_CA = tls!.ca;
  });
  after(async () => {
    if (saved === undefined) delete process.env.NNBOOK_QUEUE_CA;
    else process.env.NNBOOK_QUEUE_CA = saved;
    await redis?.dispose();
    t.remove();
  });

  it("producer and worker talk TLS with a password; the server certificate is verified against NNBOOK_QUEUE_CA", async () => {
    const url = redis!.url(0);
    assert.match(url, /^rediss:\/\/:tls-pass@127\.0\.0\.1:\d+\/0$/);
    writeCifarDir(`${t.dir}/cifar`, 30);
    const data = await withShortData(() => readCifar10(`${t.dir}/cifar`, { split: "standard", validationSize: 10 }));
    const configs = [1, 2].map((seed) => smallConfig({ seed, data: { name: "cifar10" } }));
    const worker = new WorkerProcess("tls", url, { CIFAR10_DIR: `${t.dir}/cifar`, NNBOOK_QUEUE_CA: process.env.NNBOOK_QUEUE_CA, ...SHORT_DATA_ENV });
    try {
      await worker.ready;
      assert.ok(
        worker.lines.some((l) => l.includes(`connected to rediss://:***@127.0.0.1:${redis!.port}/0`)),
        worker.lines.join("\n"),
      );
      const local = await runSweep(configs, data, { workers: 0, cache: false, progress: false });
      const remote = await runSweep(configs, data, { queue: url, cache: false, progress: false });
      assert.deepEqual(remote.map(bytesOf), local.map(bytesOf));
      assert.equal(worker.completed().length, 2);
    } finally {
      await worker.stop();
    }
  });

  it("without the CA the server's certificate is rejected (no silent unverified TLS)", async () => {
    const ca = process.env.NNBOOK_QUEUE_CA;
    delete process.env.NNBOOK_QUEUE_CA;
    let queue: Queue | undefined;
    try {
      const connection = { ...redisOptions(parseQueueUrl(redis!.url(0))), retryStrategy: () => null, maxRetriesPerRequest: 0 };
      queue = new Queue("probe", { connection });
      const errors: string[] = [];
      queue.on("error", (e: Error) => errors.push(e.message));
      await assert.rejects(queue.getJobCounts());
      assert.ok(errors.length > 0 && errors.every((m) => m === "self-signed certificate in certificate chain"), errors.join(" / "));
    } finally {
      process.env.NNBOOK_QUEUE_CA = ca;
      await queue?.close().catch(() => undefined);
    }
  });
});
