import { strict as assert } from "assert";
import { runLimited } from "../../src/util/run-limited";

/** A task that finishes when the test says so. */
function gate<T>(value: T): { task: () => Promise<T>; started: () => boolean; open: () => void; fail: (e: Error) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  let started = false;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { task: () => ((started = true), promise), started: () => started, open: () => resolve(value), fail: (e) => reject(e) };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("util/run-limited", () => {
  it("starts tasks in order, never more than the limit at once, and returns results in task order", async () => {
    const gates = ["a", "b", "c", "d"].map(gate);
    const all = runLimited(
      gates.map((g) => g.task),
      2,
    );
    await tick();
    assert.deepEqual(
      gates.map((g) => g.started()),
      [true, true, false, false],
    );
    gates[1].open(); // the second finishes first
    await tick();
    assert.deepEqual(
      gates.map((g) => g.started()),
      [true, true, true, false],
      "a free lane takes the next task",
    );
    gates[2].open();
    gates[0].open();
    await tick();
    assert.equal(gates[3].started(), true);
    gates[3].open();
    assert.deepEqual(await all, ["a", "b", "c", "d"]);
  });

  it("lets every task finish after a failure, then rejects with the first failure in task order", async () => {
    const gates = ["a", "b", "c"].map(gate);
    let rejected: unknown;
    const all = runLimited(
      gates.map((g) => g.task),
      2,
    ).catch((e) => (rejected = e));
    await tick();
    gates[1].fail(new Error("second broke"));
    await tick();
    assert.equal(gates[2].started(), true, "work goes on after a failure");
    gates[0].fail(new Error("first broke"));
    await tick();
    assert.equal(rejected, undefined, "not settled while a task still runs");
    gates[2].open();
    await all;
    assert.match(String(rejected), /first broke/);
  });

  it("handles no tasks and a limit above the task count; rejects a bad limit", async () => {
    assert.deepEqual(await runLimited([], 3), []);
    assert.deepEqual(await runLimited([async () => 1], 8), [1]);
    await assert.rejects(runLimited([async () => 1], 0), /limit must be an integer ≥ 1, got 0/);
  });
});
