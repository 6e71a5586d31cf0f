import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExperimentConfig, RunResult, gaussianBlobs, lambdaSweep, openCache, run, runSweep, withSeeds } from "../../src/experiments";
import { lazySplits } from "../../src/data";
import { comparable, smallConfig } from "./fixtures";

const data = gaussianBlobs({ dims: 20, classes: 3, train: 200, validation: 60, test: 60, seed: 5 });

describe("experiments/run-sweep", function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-sweep-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // a long run first and short ones after, so parallel runs usually finish out of config order (the
  // pool's scheduling itself is tested deterministically in worker-pool.test.ts)
  const configs: ExperimentConfig[] = [
    smallConfig({ schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 60, cycles: 3 }, batchNorm: "before", shuffle: true, dropout: 0.1 }),
    ...withSeeds(lambdaSweep(smallConfig({ momentum: 0.9, noise: { kind: "gaussian", sigma: 0.1 } }), [1e-3, 1e-2]), [1, 2]),
    smallConfig({ schedule: { kind: "constant", eta: 1e3 }, epochs: 20, evaluation: { per: "epoch", times: 1 } }),
    smallConfig({ hidden: [0] }),
  ];

  it(
    "a parallel sweep returns, in config order, exactly the serial results and the main-thread runs; " + "divergence and exceptions stay in their own results",
    async () => {
      const order: number[] = [];
      const updates: [number, number][] = [];
      let stopped = false;
      const progress = { update: (done: number, running: number) => updates.push([done, running]), stop: () => (stopped = true) };
      const parallel = await runSweep(configs, data, { workers: 2, cache: false, progress, onResult: (i) => order.push(i) });
      assert.ok(stopped, "progress reporter stopped");
      assert.ok(
        updates.every(([, running]) => running <= 2),
        "never more runs in flight than workers",
      );
      assert.deepEqual(
        updates.map(([d]) => d).filter((d, i, a) => i === 0 || d !== a[i - 1]),
        [0, 1, 2, 3, 4, 5, 6, 7],
      );
      const serial = await runSweep(configs, data, { workers: 0, cache: false, progress: false });
      assert.equal(parallel.length, configs.length);
      assert.deepEqual(parallel.map(comparable), serial.map(comparable), "worker results equal the serial ones bit for bit");
      for (let i = 0; i < 6; i++) assert.deepEqual(comparable(parallel[i]), comparable(run(configs[i], data)), `config ${i} vs run()`);
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        [0, 1, 2, 3, 4, 5, 6],
        "every run reported once",
      );
      parallel.forEach((r, i) => assert.equal(r.config.seed, configs[i].seed));
      assert.deepEqual(
        parallel.map((r) => r.status),
        ["completed", "completed", "completed", "completed", "completed", "diverged", "failed"],
      );
      assert.match(parallel[5].message!, /^diverged at step \d+$/);
      assert.match(parallel[6].message!, /config\.hidden\[0\]: expected an integer ≥ 1, got 0/);
    },
  );

  it("a re-run sweep comes from the cache, equal, without starting workers", async () => {
    const cache = openCache(dir);
    const good = configs.slice(0, 6);
    const first = await runSweep(good, data, { workers: 0, cache, progress: false });
    const inFlight: number[] = [];
    const progress = { update: (_done: number, running: number) => inFlight.push(running), stop: () => {} };
    const second = await runSweep(good, data, { workers: 2, cache, progress });
    assert.ok(inFlight.length > 0 && inFlight.every((n) => n === 0), "no run was started");
    assert.deepEqual(
      second.map((r: RunResult) => r.fromCache),
      good.map(() => true),
    );
    assert.deepEqual(second.map(comparable), first.map(comparable));
    const forced = await runSweep(good.slice(0, 2), data, { workers: 0, cache, force: true, progress: false });
    assert.deepEqual(
      forced.map((r) => r.fromCache),
      [undefined, undefined],
    );
  });

  it("data loaded lazily is decoded only when a run has to be computed, not for cache hits", async () => {
    const cache = openCache(dir);
    let decoded = 0;
    const lazyData = () =>
      lazySplits(
        {
          name: "blobs",
          K: 3,
          labelNames: ["a", "b", "c"],
          imageShape: { channels: 1, height: 1, width: 20 },
          provenance: data.provenance,
          dir,
          origin: "option",
          files: [],
          contentHash: "blobs",
          fingerprint: data.fingerprint,
          config: {},
        },
        () => {
          decoded++;
          return {
            sets: [data.train, data.validation, data.test],
            stats: { mode: "none", mean: new Float64Array(0), std: new Float64Array(0), groupSize: 1, d: 20, n: 200 },
          };
        },
      );
    const two = configs.slice(1, 3);
    const first = await runSweep(two, lazyData(), { workers: 2, cache, progress: false });
    assert.equal(decoded, 1, "decoded once for the two runs");
    const again = await runSweep(two, lazyData(), { workers: 2, cache, progress: false });
    assert.equal(decoded, 1, "all from the cache: not decoded again");
    assert.deepEqual(again.map(comparable), first.map(comparable));
  });

  it("rejects a bad worker count", async () => {
    await assert.rejects(runSweep(configs, data, { workers: -1, cache: false }), /workers must be an integer ≥ 0, got -1/);
  });
});
