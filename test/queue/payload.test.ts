import { strict as assert } from "assert";
import { readCifar10 } from "../../src/data";
import { codeVersion, gaussianBlobs, resultKey, run, runSweep } from "../../src/experiments";
import { dataSourceOf, loadDataSource } from "../../src/queue/data-source";
import { runJob } from "../../src/queue/enqueue";
import { checkRunJob } from "../../src/queue/payload";
import { refusalReason } from "../../src/queue/queue-worker";
import { tempDir, writeCifarDir } from "../data/fixtures";
import { smallConfig } from "../experiments/fixtures";
import { bytesOf, withShortData } from "./queue-helpers";

const blobs = { dims: 5, classes: 3, train: 30, validation: 10, test: 10, seed: 4 };

describe("queue/payload and data sources", () => {
  it("a job is plain JSON that survives the trip and checks as it was sent", async () => {
    const data = await loadDataSource({ kind: "blobs", options: blobs });
    const config = smallConfig({ data: { name: "blobs" } });
    const job = runJob(resultKey(config, data), config, data, dataSourceOf(data));
    assert.deepEqual(checkRunJob(JSON.parse(JSON.stringify(job))), job);
    assert.deepEqual([job.fingerprint, job.codeVersion], [data.fingerprint, codeVersion()]);
  });

  it("rejects malformed payloads naming the field", () => {
    const good = { v: 1, key: "a".repeat(64), config: {}, fingerprint: "f", codeVersion: "c", source: { kind: "blobs", options: blobs } };
    const cases: [unknown, RegExp][] = [
      [null, /^job: expected an object, got null$/],
      [[], /^job: expected an object/],
      [{ ...good, v: 2 }, /^job\.v: expected payload version 1, got 2$/],
      [{ ...good, key: "A".repeat(64) }, /^job\.key: expected a string matching/],
      [{ ...good, fingerprint: "" }, /^job\.fingerprint: expected a non-empty string, got ""$/],
      [{ ...good, codeVersion: 3 }, /^job\.codeVersion: expected a non-empty string, got 3$/],
      [{ ...good, config: "hidden=[10]" }, /^job\.config: expected an object, got "hidden=\[10\]"$/],
      [{ ...good, extra: 1 }, /^job\.extra: unknown field/],
      [{ ...good, source: { kind: "blobs", options: { ...blobs, dims: 0 } } }, /^job\.source\.options\.dims:/],
      [{ ...good, source: { kind: "cifar10", split: "huge", validationSize: 1, standardize: "none" } }, /^job\.source\.split:/],
      [{ ...good, source: { kind: "mnist", validationShare: 1.5, standardize: "global" } }, /^job\.source\.validationShare:/],
      [
        { ...good, source: { kind: "mnist", validationShare: 0.1, standardize: "global", shuffleSeed: [] } },
        /^job\.source\.shuffleSeed: expected a number or a string/,
      ],
    ];
    for (const [payload, message] of cases) {
      assert.throws(
        () => checkRunJob(payload),
        (err: Error) => message.test(err.message),
        JSON.stringify(payload),
      );
    }
  });

  it("the source of loaded CIFAR-10 data is its split options; loading the source again gives the same fingerprint", async () => {
    const t = tempDir("queue-src");
    const saved = process.env.CIFAR10_DIR;
    try {
      writeCifarDir(t.dir, 12);
      const data = await withShortData(() => readCifar10(t.dir, { split: "standard", validationSize: 4, standardize: "channel" }));
      const source = dataSourceOf(data);
      assert.deepEqual(source, { kind: "cifar10", split: "standard", validationSize: 4, standardize: "channel" });
      process.env.CIFAR10_DIR = t.dir;
      assert.equal((await withShortData(() => loadDataSource(source))).fingerprint, data.fingerprint);
    } finally {
      if (saved === undefined) delete process.env.CIFAR10_DIR;
      else process.env.CIFAR10_DIR = saved;
      t.remove();
    }
  });

  it("data a worker could not load: a clear error; a sweep on it with a queue set runs locally, with a warning", async () => {
    const handMade = gaussianBlobs({ ...blobs });
    assert.throws(() => dataSourceOf(handMade), /this data \(synthetic Gaussian blobs.*\) cannot be sent to remote workers/);
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      const configs = [1, 2].map((seed) => smallConfig({ seed, data: { name: "blobs" } }));
      const results = await runSweep(configs, handMade, { queue: "redis://127.0.0.1:1/0", workers: 0, cache: false, progress: false });
      assert.deepEqual(
        results.map(bytesOf),
        configs.map((c) => bytesOf(run(c, handMade))),
      );
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(
        warnings.filter((m) => /job queue/.test(m)).map((m) => m.replace(/\(synthetic.*\)/, "(…)")),
        [
          "a job queue is set, but this data (…) cannot be sent to remote workers: only CIFAR-10 and MNIST from loadCifar10/loadMnist, " +
            "and data from loadDataSource, say how a worker can load them: this sweep runs locally",
        ],
      );
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("a worker refuses a job for other data, another engine version or another key, saying which", async () => {
    const data = await loadDataSource({ kind: "blobs", options: blobs });
    const other = await loadDataSource({ kind: "blobs", options: { ...blobs, seed: 5 } });
    const config = smallConfig({ data: { name: "blobs" } });
    const job = runJob(resultKey(config, data), config, data, dataSourceOf(data));
    assert.equal(refusalReason(job, data), undefined);
    assert.match(
      refusalReason(job, other)!,
      new RegExp(`^data fingerprint differs: the job wants ${job.fingerprint}, this worker has ${other.fingerprint} \\(synthetic`),
    );
    assert.equal(refusalReason({ ...job, codeVersion: "arith.0" }, data), `engine version differs: the job wants arith.0, this worker runs ${codeVersion()}`);
    assert.match(refusalReason({ ...job, key: "0".repeat(64) }, data)!, /^result key differs: the job has 0{64}, this worker computes [0-9a-f]{64}$/);
  });
});
