import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExperimentConfig, codeVersion, formatSummary, gaussianBlobs, openCache, resultKey, run, runCached, withDefaults } from "../../src/experiments";
import type { DataSplits } from "../../src/data";
import { ExperimentData, shareData } from "../../src/experiments";
import { comparable, smallConfig } from "./fixtures";

/** Compile-time check (tsc runs over the tests): the data loaders' result is an ExperimentData. */
export const loaderResultIsExperimentData = (d: DataSplits): ExperimentData => d;

const data = gaussianBlobs({ dims: 20, classes: 3, train: 120, validation: 60, test: 60, seed: 11 });

describe("experiments/run", () => {
  it("run records the config with defaults, the data identity, parameter count and code version", () => {
    const r = run(smallConfig(), data);
    assert.equal(r.status, "completed");
    assert.deepEqual(r.config, withDefaults(smallConfig()));
    assert.deepEqual(r.data, { fingerprint: data.fingerprint, provenance: data.provenance });
    assert.equal(r.parameterCount, 20 * 16 + 16 + (16 * 3 + 3));
    assert.equal(r.codeVersion, codeVersion());
    assert.ok(r.timing.msPerStep > 0 && r.timing.totalMs >= r.timing.trainMs + r.timing.evalMs - 1);
    assert.ok(r.final!.test.accuracy > r.untrained!.test.accuracy);
  });

  it("shareData keeps shared arrays and copies the others into SharedArrayBuffers once", () => {
    const shared = shareData(data);
    assert.equal(shared.train.X.data, data.train.X.data, "already shared: not copied");
    const plain = gaussianBlobs({ dims: 5, classes: 2, train: 10, validation: 4, test: 4, seed: 1, shared: false });
    assert.ok(!(plain.train.X.data.buffer instanceof SharedArrayBuffer));
    const s2 = shareData(plain);
    assert.ok(s2.train.X.data.buffer instanceof SharedArrayBuffer && s2.test.y.buffer instanceof SharedArrayBuffer);
    assert.deepEqual(Array.from(s2.train.X.data), Array.from(plain.train.X.data));
    assert.deepEqual(Array.from(s2.validation.y), Array.from(plain.validation.y));
    assert.equal(s2.fingerprint, plain.fingerprint);
  });

  it("a bad config throws a ConfigError naming the field", () => {
    assert.throws(() => run({ ...smallConfig(), lambda: -1 }, data), /config\.lambda: expected a number ≥ 0, got -1/);
  });

  it("data dimension mismatches are clear errors", () => {
    const bad = { ...data, test: { X: { rows: 19, cols: 1, data: new Float64Array(19) }, y: new Int32Array(1) } };
    assert.throws(() => run(smallConfig(), bad), /data\.test\.X: 19 rows, but data\.train\.X has 20/);
  });

  it("the summary block shows the parameters and untrained/trained accuracy and final cost per split", () => {
    const r = run(smallConfig(), data);
    const text = formatSummary(r);
    const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
    assert.match(text, /^Model parameters:\n- Hidden layers: 16 \(2-layer network, 387 parameters\)/);
    for (const [title, split] of [
      ["Training", "train"],
      ["Validation", "validation"],
      ["Test", "test"],
    ] as const) {
      const block =
        `${title} data:\n- accuracy (untrained): ${pct(r.untrained![split].accuracy)}\n` +
        `- accuracy (trained): ${pct(r.final![split].accuracy)}\n- cost (final): ${r.final![split].cost.toFixed(4)}`;
      assert.ok(text.includes(block), `missing block:\n${block}\nin\n${text}`);
    }
    assert.match(text, /Learning rate: cyclical, η_min = 1e-4, η_max = 0\.05, n_s = 20 steps, 1 cycle\n/);
  });

  describe("runCached", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-run-cache-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("the second run is a cache hit with equal results; force runs afresh", () => {
      const cache = openCache(dir);
      const first = runCached(smallConfig(), data, { cache });
      assert.equal(first.fromCache, undefined);
      const second = runCached(smallConfig(), data, { cache });
      assert.equal(second.fromCache, true);
      assert.deepEqual(second, { ...first, fromCache: true }, "the stored result, timing included");
      const forced = runCached(smallConfig(), data, { cache, force: true });
      assert.equal(forced.fromCache, undefined);
      assert.deepEqual(comparable(forced), comparable(first));
    });

    it("a truncated entry is detected and recomputed, and the entry repaired", () => {
      const cache = openCache(dir);
      const first = runCached(smallConfig(), data, { cache });
      const file = cache.entryPath(resultKey(smallConfig(), data));
      const text = fs.readFileSync(file, "utf8");
      fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      const again = runCached(smallConfig(), data, { cache });
      assert.equal(again.fromCache, undefined, "recomputed, not returned from the corrupt entry");
      assert.deepEqual(comparable(again), comparable(first));
      assert.equal(cache.lookup(resultKey(smallConfig(), data)).status, "hit");
    });

    it("changing any config field, the data or the code version misses", () => {
      const base = smallConfig();
      const variants: ExperimentConfig[] = [
        { ...base, hidden: [17] },
        { ...base, activation: { name: "tanh" } },
        { ...base, activation: { name: "relu", alpha: 0.1 } },
        { ...base, batchNorm: "before" },
        { ...base, batchNorm: "after" },
        { ...base, init: { kind: "xavier" } },
        { ...base, init: { kind: "normal", sigma: 0.1 } },
        { ...base, dropout: 0.1 },
        { ...base, bnAlpha: 0.8 },
        { ...base, bnEps: 1e-5 },
        { ...base, biases: "firstLayer" },
        { ...base, data: { name: "synthetic", options: { dims: 21 } } },
        { ...base, seed: 2 },
        { ...base, lambda: 0.002 },
        { ...base, batchSize: 10 },
        { ...base, schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 20, cycles: 2 } },
        { ...base, schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.06, stepSize: 20, cycles: 1 } },
        { ...base, schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: { epochs: 2 }, cycles: 1 } },
        { ...base, momentum: 0.9 },
        { ...base, shuffle: true },
        { ...base, noise: { kind: "gaussian", sigma: 0.01 } },
        { ...base, evaluation: { per: "cycle", times: 5 } },
        { ...base, evaluation: { per: "epoch", times: 4 } },
        { ...base, evaluation: { per: "cycle", times: 4, trainSubset: 50 } },
        { ...base, earlyStopping: { patience: 3 } },
      ];
      const keys = new Set([resultKey(base, data), ...variants.map((v) => resultKey(v, data))]);
      assert.equal(keys.size, variants.length + 1, "every variant has its own key");
      const cache = openCache(dir);
      runCached(base, data, { cache });
      for (const v of variants.slice(0, 4)) assert.equal(runCached(v, data, { cache }).fromCache, undefined, JSON.stringify(v));
      const otherData = { ...data, fingerprint: "other" };
      assert.equal(runCached(base, otherData, { cache }).fromCache, undefined, "other data fingerprint misses");
      assert.equal(runCached(base, data, { cache }).fromCache, true);
    });

    it("a run that throws becomes a failed result and is not cached", () => {
      const cache = openCache(dir);
      const r = runCached({ ...smallConfig(), hidden: [0] }, data, { cache });
      assert.equal(r.status, "failed");
      assert.match(r.message!, /config\.hidden\[0\]: expected an integer ≥ 1, got 0/);
      assert.deepEqual(fs.readdirSync(dir), []);
    });
  });
});
