import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunResult, cacheKey, decodeJson, defaultCacheDir, encodeJson, openCache, withDefaults } from "../../src/experiments";
import { smallConfig } from "./fixtures";

/** A hand-made result (the cache stores whatever it is given). */
function fakeResult(): RunResult {
  const m = { cost: 1.5, loss: 1.25, accuracy: 0.5 };
  return {
    config: withDefaults(smallConfig()),
    status: "diverged",
    message: "diverged at step 7",
    divergedAtStep: 7,
    steps: 7,
    epochs: 0.35,
    history: [
      { step: 0, epoch: 0, split: "train", eta: 1e-4, cost: 2.3, loss: 2.3, accuracy: 0.1 },
      { step: 7, epoch: 0.35, split: "train", eta: 1e-3, cost: NaN, loss: Infinity, accuracy: 0.1 },
    ],
    untrained: { train: m, validation: m, test: m },
    timing: { totalMs: 1, trainMs: 1, evalMs: 0, msPerStep: 0.1 },
    data: { fingerprint: "fp", provenance: "made up" },
    codeVersion: "test",
  };
}

describe("experiments/cache", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-cache-test-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("JSON codec round-trips NaN and ±∞", () => {
    const v = { a: [NaN, Infinity, -Infinity, 1.5, -0.25], b: "NaN" };
    const back = decodeJson(encodeJson(v)) as typeof v;
    assert.ok(Number.isNaN(back.a[0]));
    assert.deepEqual(back.a.slice(1), [Infinity, -Infinity, 1.5, -0.25]);
    assert.equal(back.b, "NaN");
  });

  it("stores and returns an entry equal to what was stored (NaN and ∞ included), without fromCache", () => {
    const cache = openCache(dir);
    const key = cacheKey(smallConfig(), "fp", "test");
    assert.deepEqual(cache.lookup(key), { status: "missing" });
    cache.store(key, { ...fakeResult(), fromCache: true });
    const got = cache.lookup(key);
    assert.equal(got.status, "hit");
    assert.deepEqual(got.status === "hit" && got.result, fakeResult());
    assert.deepEqual(fs.readdirSync(dir), [`${key}.json`], "no temporary files left behind");
  });

  it("a truncated, edited or misplaced entry is reported corrupt, never returned", () => {
    const cache = openCache(dir);
    const key = cacheKey(smallConfig(), "fp", "test");
    const other = cacheKey(smallConfig({ seed: 2 }), "fp", "test");
    cache.store(key, fakeResult());
    const file = cache.entryPath(key);
    const text = fs.readFileSync(file, "utf8");
    const expectCorrupt = (content: string, reason: RegExp): void => {
      fs.writeFileSync(file, content);
      const got = cache.lookup(key);
      assert.equal(got.status, "corrupt", `content ${JSON.stringify(content.slice(0, 60))}`);
      assert.match(got.status === "corrupt" ? got.reason : "", reason);
    };
    expectCorrupt(text.slice(0, text.length - 10), /bytes, header says/);
    expectCorrupt(text.slice(0, 30), /no header line|bad header/);
    expectCorrupt("", /no header line/);
    expectCorrupt(text.replace('"accuracy":0.5', '"accuracy":0.6'), /checksum mismatch/);
    fs.writeFileSync(file, text);
    fs.copyFileSync(file, cache.entryPath(other));
    const moved = cache.lookup(other);
    assert.equal(moved.status, "corrupt");
  });

  it("the default folder is .nnbook-cache at the project root unless NNBOOK_CACHE_DIR is set", () => {
    const saved = process.env.NNBOOK_CACHE_DIR;
    try {
      delete process.env.NNBOOK_CACHE_DIR;
      assert.equal(defaultCacheDir(), path.resolve(__dirname, "../..", ".nnbook-cache"));
      process.env.NNBOOK_CACHE_DIR = dir;
      assert.equal(defaultCacheDir(), dir);
      assert.equal(openCache().dir, dir);
    } finally {
      if (saved === undefined) delete process.env.NNBOOK_CACHE_DIR;
      else process.env.NNBOOK_CACHE_DIR = saved;
    }
  });
});
