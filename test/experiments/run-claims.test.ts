import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLAIM_MAX_AGE_MS, ExperimentConfig, gaussianBlobs, openCache, openClaims, resultKey, runSweep } from "../../src/experiments";
import { comparable, smallConfig } from "./fixtures";
import { deadPid } from "../util/processes";

const data = gaussianBlobs({ dims: 12, classes: 3, train: 120, validation: 40, test: 40, seed: 7 });
const configs: ExperimentConfig[] = [0.001, 0.002, 0.003, 0.004].map((lambda) => smallConfig({ lambda }));
const claimFiles = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith(".claim"));

describe("experiments/run claims: a run another process is training is not trained again", function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-claims-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a claim is exclusive while its owner lives, and released claims can be taken", () => {
    const cache = openCache(dir);
    const key = resultKey(configs[0], data);
    const a = openClaims((k) => cache.entryPath(k));
    const b = openClaims((k) => cache.entryPath(k));
    assert.equal(a.claim(key), true);
    assert.equal(a.claim(key), true, "claiming again what one holds");
    assert.equal(b.claim(key), false, "another claimant (this very process counts as a live owner)");
    const file = `${cache.entryPath(key)}.claim`;
    const owner = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.deepEqual([owner.host, owner.pid], [os.hostname(), process.pid]);
    b.release(key); // not b's: nothing happens
    assert.ok(fs.existsSync(file), "another claimant's release leaves the claim");
    assert.equal(b.claim(key), false);
    a.release(key);
    assert.ok(!fs.existsSync(file), "the owner's release removes it");
    assert.equal(b.claim(key), true);
    b.releaseAll();
    assert.deepEqual(claimFiles(dir), []);
  });

  it("stale claims are taken over: a dead pid here, an unreadable file, an old claim from another host", async () => {
    const cache = openCache(dir);
    const keys = configs.map((c) => resultKey(c, data));
    const file = (i: number): string => `${cache.entryPath(keys[i])}.claim`;
    const started = new Date().toISOString();
    fs.writeFileSync(file(0), JSON.stringify({ host: os.hostname(), pid: await deadPid(), started }));
    fs.writeFileSync(file(1), "{ half-writ");
    fs.writeFileSync(file(2), JSON.stringify({ host: "elsewhere.example", pid: 1, started }));
    fs.writeFileSync(file(3), JSON.stringify({ host: "elsewhere.example", pid: 1, started }));
    const old = new Date(Date.now() - CLAIM_MAX_AGE_MS - 60_000);
    fs.utimesSync(file(3), old, old);
    const soon = openClaims((k) => cache.entryPath(k));
    assert.equal(soon.claim(keys[1]), false, "an unreadable claim may still be being written (younger than 2 s)");
    const later = openClaims(
      (k) => cache.entryPath(k),
      CLAIM_MAX_AGE_MS,
      () => Date.now() + 5_000,
    );
    assert.deepEqual(
      keys.map((k) => later.claim(k)),
      [true, true, false, true],
      "dead pid, unreadable, live owner on another host, owner on another host a day ago",
    );
    later.releaseAll();
    assert.deepEqual(claimFiles(dir), [path.basename(file(2))]);
  });

  it("two sweeps at once: each shared run trains once, the second sweep waits for the first's result", async () => {
    const cache = openCache(dir);
    const [first, second] = await Promise.all([
      runSweep(configs.slice(0, 3), data, { workers: 1, cache, progress: false, claimPollMs: 50 }),
      runSweep(configs.slice(1), data, { workers: 1, cache, progress: false, claimPollMs: 50 }),
    ]);
    assert.deepEqual(
      first.map((r) => r.fromCache ?? false),
      [false, false, false],
      "the first sweep claimed and trained its three runs",
    );
    assert.deepEqual(
      second.map((r) => r.fromCache ?? false),
      [true, true, false],
      "the second one trained only the run the first did not have, and read the other two",
    );
    assert.deepEqual(second.slice(0, 2).map(comparable), first.slice(1).map(comparable));
    assert.ok(
      [...first, ...second].every((r) => r.status === "completed"),
      "every run completed",
    );
    assert.deepEqual(claimFiles(dir), [], "no claim left behind");
  });

  it("a run whose owner gives up without a result is trained by the sweep that waited for it", async () => {
    const cache = openCache(dir);
    const other = openClaims((k) => cache.entryPath(k));
    const key = resultKey(configs[2], data);
    assert.equal(other.claim(key), true);
    const holdMs = 2_500; // several times the run itself (a fraction of a second)
    const giveUp = setTimeout(() => other.release(key), holdMs);
    const started = Date.now();
    const [result] = await runSweep([configs[2]], data, { workers: 0, cache, progress: false, claimPollMs: 50 });
    clearTimeout(giveUp);
    assert.ok(Date.now() - started >= holdMs, `it waited while the claim was held (${Date.now() - started} ms)`);
    assert.deepEqual([result.status, result.fromCache ?? false], ["completed", false]);
    assert.equal(cache.lookup(key).status, "hit", "and stored it");
    assert.deepEqual(claimFiles(dir), []);
  });

  it("without a cache nothing is claimed", async () => {
    const results = await runSweep(configs.slice(0, 2), data, { workers: 0, cache: false, progress: false });
    assert.equal(results.length, 2);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
