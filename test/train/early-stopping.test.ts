import { strict as assert } from "assert";
import { createEarlyStopper } from "../../src/train";

/** Feeds a constructed validation curve; returns the index where it says stop (or −1). */
function stopIndex(curve: readonly number[], patience: number, minDelta = 0): { stop: number; best: number } {
  const es = createEarlyStopper({ patience, minDelta });
  for (let i = 0; i < curve.length; i++) {
    if (es.observe(i * 10, curve[i]).stop) return { stop: i, best: es.bestStep };
  }
  return { stop: -1, best: es.bestStep };
}

describe("train/early-stopping", () => {
  it("a curve that falls then rises stops `patience` evaluations after its minimum", () => {
    const curve = [2.0, 1.5, 1.2, 1.1, 1.15, 1.2, 1.3, 1.4, 1.5, 1.6];
    // minimum at index 3 (step 30); patience 3 → stops at index 6
    assert.deepEqual(stopIndex(curve, 3), { stop: 3 + 3, best: 30 });
    assert.deepEqual(stopIndex(curve, 1), { stop: 3 + 1, best: 30 });
    assert.deepEqual(stopIndex(curve, 6), { stop: 3 + 6, best: 30 });
    assert.deepEqual(stopIndex(curve, 7), { stop: -1, best: 30 });
  });

  it("a new minimum resets the count; ties and NaN are not improvements", () => {
    const curve = [1.0, 1.1, 1.2, 0.9, 1.0, 0.9, NaN, 1.0];
    // improvement at 3 (0.9); 0.9 at 5 is a tie; stop after 3 non-improving (4, 5, 6)
    assert.deepEqual(stopIndex(curve, 3), { stop: 6, best: 30 });
  });

  it("minDelta demands a real improvement", () => {
    const curve = [1.0, 0.995, 0.992, 0.991];
    assert.deepEqual(stopIndex(curve, 3, 0.01), { stop: 3, best: 0 });
    assert.deepEqual(stopIndex(curve, 3, 0), { stop: -1, best: 30 });
  });

  it("rejects a bad patience", () => {
    assert.throws(() => createEarlyStopper({ patience: 0 }), /earlyStopping.patience: expected a positive integer, got 0/);
  });
});
