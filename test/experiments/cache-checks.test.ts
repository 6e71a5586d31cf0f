/**
 * Result-cache checks beyond the checksum: a body that is not a run result, or that belongs to
 * another config than its key, is rejected and recomputed; an unusable cache folder gives one
 * warning and runs go on uncached; temporary files of dead writers are removed on the next run.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { encodeJson, gaussianBlobs, openCache, resultKey, runCached, sha256Hex } from "../../src/experiments";
import { comparable, smallConfig } from "./fixtures";
import { deadPid } from "../util/processes";

const data = gaussianBlobs({ dims: 20, classes: 3, train: 120, validation: 60, test: 60, seed: 11 });

/** Rewrites an entry with `edit` applied to its decoded body and a header that matches again. */
function rewriteEntry(file: string, edit: (body: { key: string; result: Record<string, unknown> }) => void): void {
  const text = fs.readFileSync(file, "utf8");
  const body = JSON.parse(text.slice(text.indexOf("\n") + 1));
  edit(body);
  const json = encodeJson(body);
  fs.writeFileSync(file, `nnbook-result-cache v1 sha256=${sha256Hex(json)} bytes=${Buffer.byteLength(json, "utf8")}\n${json}`);
}

describe("experiments/cache checks: valid results only, unusable folders, leftovers", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-cache-checks-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("an entry whose body is not a run result (checksum recomputed) is rejected naming the field, then recomputed", () => {
    const cache = openCache(dir);
    const first = runCached(smallConfig(), data, { cache });
    const key = resultKey(smallConfig(), data);
    const expected = { config: smallConfig(), fingerprint: data.fingerprint };
    const cases: [(b: { key: string; result: Record<string, unknown> }) => void, RegExp][] = [
      [(b) => (b.result = { hello: "world" } as Record<string, unknown>), /body is not a valid result: result\.config is not an object/],
      [(b) => (b.result.steps = "many"), /body is not a valid result: result\.steps is "many", not a count/],
      [(b) => (b.result.status = "great"), /result\.status is "great", not a run status/],
      [(b) => (b.result.history = [{ step: 0 }]), /result\.history\[0\] is not a history row/],
      [(b) => delete b.result.data, /result\.data lacks its fingerprint or provenance/],
    ];
    for (const [edit, reason] of cases) {
      rewriteEntry(cache.entryPath(key), edit);
      const got = cache.lookup(key, expected);
      assert.equal(got.status, "corrupt");
      assert.match(got.status === "corrupt" ? got.reason : "", reason);
      const again = runCached(smallConfig(), data, { cache });
      assert.equal(again.fromCache, undefined, "recomputed");
      assert.deepEqual(comparable(again), comparable(first));
      assert.equal(cache.lookup(key, expected).status, "hit", "entry repaired");
    }
  });

  it("an entry whose config or data differ from its key's is rejected and recomputed", () => {
    const cache = openCache(dir);
    const first = runCached(smallConfig(), data, { cache });
    const key = resultKey(smallConfig(), data);
    const other = runCached(smallConfig({ seed: 2 }), data, { cache: false });
    rewriteEntry(cache.entryPath(key), (b) => (b.result = JSON.parse(encodeJson(other))));
    const got = cache.lookup(key, { config: smallConfig(), fingerprint: data.fingerprint });
    assert.deepEqual(got, { status: "corrupt", reason: "entry does not match its key: its config differs from the one its key was computed from" });
    const again = runCached(smallConfig(), data, { cache });
    assert.equal(again.fromCache, undefined);
    assert.deepEqual(comparable(again), comparable(first));
    rewriteEntry(cache.entryPath(key), (b) => ((b.result.data as { fingerprint: string }).fingerprint = "elsewhere"));
    const moved = cache.lookup(key, { config: smallConfig(), fingerprint: data.fingerprint });
    assert.match(moved.status === "corrupt" ? moved.reason : "", /its data fingerprint elsewhere differs from the key's/);
    assert.equal(runCached(smallConfig(), data, { cache }).fromCache, undefined);
    assert.equal(runCached(smallConfig(), data, { cache }).fromCache, true);
  });

  it("an unusable cache folder (a file): one warning, every run still computed, nothing thrown", async () => {
    const file = path.join(dir, "not-a-folder");
    fs.writeFileSync(file, "x");
    const warnings: Error[] = [];
    const listen = (w: Error): void => {
      if ((w as Error & { code?: string }).code === "NNBOOK_CACHE_UNUSABLE") warnings.push(w);
    };
    process.on("warning", listen);
    try {
      const cache = openCache(file);
      const a = runCached(smallConfig(), data, { cache });
      const b = runCached(smallConfig({ seed: 2 }), data, { cache });
      const c = runCached(smallConfig(), data, { cache: openCache(file) });
      for (const r of [a, b, c]) assert.notEqual(r.status, "failed", r.message);
      assert.equal(cache.usable, false);
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
      assert.equal(warnings.length, 1, warnings.map((w) => w.message).join("\n"));
      assert.match(
        warnings[0].message,
        new RegExp(`^result cache ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is unusable \\(.*\\); running without the cache$`),
      );
    } finally {
      process.off("warning", listen);
    }
  });

  it("temporary files of writers that died are removed on the next run; a live writer's are kept", async () => {
    const cache = openCache(dir);
    const key = resultKey(smallConfig(), data);
    const dead = `${cache.entryPath(key)}.${await deadPid()}-0-3.tmp`;
    const live = `${cache.entryPath(key)}.${process.pid}-0-999.tmp`;
    fs.writeFileSync(dead, "half-written");
    fs.writeFileSync(live, "being written");
    runCached(smallConfig(), data, { cache });
    assert.deepEqual(fs.readdirSync(dir).sort(), [path.basename(live), `${key}.json`].sort());
  });
});
