import { strict as assert } from "assert";
import { applyStandardization, oneHot, standardizationStats, withOneHot } from "../../src/data";
import { fromRows, get, zeros } from "../../src/tensor/matrix";
import { createRng } from "../../src/tensor/random";
import { meanStd } from "./fixtures";

/** A d × n matrix of N(shift, scale²)-ish values, row i shifted by i. */
function randomMatrix(d: number, n: number, seed: string) {
  const rng = createRng(seed);
  const X = zeros(d, n);
  for (let k = 0; k < X.data.length; k++) X.data[k] = 3 * rng.normal() + (k % d);
  return X;
}

const row = (X: ReturnType<typeof zeros>, i: number) => Array.from({ length: X.cols }, (_, j) => get(X, i, j));

describe("data/standardize", () => {
  it("per dimension: statistics are each row's mean and population std; the standardized rows have mean 0, std 1", () => {
    const X = randomMatrix(5, 40, "std-a");
    const s = standardizationStats(X, "dimension");
    const Z = applyStandardization(X, s);
    for (let i = 0; i < 5; i++) {
      const o = meanStd(row(X, i));
      assert.ok(Math.abs(s.mean[i] - o.mean) < 1e-12 && Math.abs(s.std[i] / o.std - 1) < 1e-12, `row ${i}`);
      const z = meanStd(row(Z, i));
      assert.ok(Math.abs(z.mean) < 1e-12 && Math.abs(z.std - 1) < 1e-12, `standardized row ${i}: ${z.mean}, ${z.std}`);
    }
  });

  it("other data is standardized with the given (training) statistics, not its own", () => {
    const Xtr = randomMatrix(4, 30, "std-train");
    const Xte = randomMatrix(4, 7, "std-test");
    const s = standardizationStats(Xtr, "dimension");
    const Z = applyStandardization(Xte, s);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 7; j++) assert.ok(Math.abs(get(Z, i, j) - (get(Xte, i, j) - s.mean[i]) / s.std[i]) < 1e-12);
    }
  });

  it("per channel and global modes pool the dimensions of a plane / of the whole input", () => {
    const X = randomMatrix(6, 20, "std-c");
    const c = standardizationStats(X, "channel", 2);
    assert.equal(c.groupSize, 3);
    for (let g = 0; g < 2; g++) {
      const o = meanStd([0, 1, 2].flatMap((r) => row(X, 3 * g + r)));
      assert.ok(Math.abs(c.mean[g] - o.mean) < 1e-12 && Math.abs(c.std[g] / o.std - 1) < 1e-12, `channel ${g}`);
    }
    const g = standardizationStats(X, "global");
    const o = meanStd(X.data);
    assert.ok(Math.abs(g.mean[0] - o.mean) < 1e-12 && Math.abs(g.std[0] / o.std - 1) < 1e-12);
    const z = meanStd(applyStandardization(X, g).data);
    assert.ok(Math.abs(z.mean) < 1e-12 && Math.abs(z.std - 1) < 1e-12);
    assert.throws(() => standardizationStats(X, "channel", 4), /d = 6 does not split into 4 channel planes/);
  });

  it("'none' is the identity; a constant row is only centred; shapes are checked", () => {
    const X = fromRows([
      [1, 2, 3],
      [5, 5, 5],
    ]);
    assert.deepEqual(Array.from(applyStandardization(X, standardizationStats(X, "none")).data), Array.from(X.data));
    const s = standardizationStats(X, "dimension");
    assert.equal(s.std[1], 0);
    assert.deepEqual(row(applyStandardization(X, s), 1), [0, 0, 0]);
    assert.throws(() => applyStandardization(fromRows([[1]]), s), /X has 1 rows, the statistics are for d = 2/);
  });

  it("oneHot puts a 1 at (y_j, j) and rejects labels out of range", () => {
    const Y = oneHot([2, 0, 1, 2], 3);
    assert.deepEqual([Y.rows, Y.cols], [3, 4]);
    for (let j = 0; j < 4; j++) for (let k = 0; k < 3; k++) assert.equal(get(Y, k, j), k === [2, 0, 1, 2][j] ? 1 : 0);
    assert.throws(() => oneHot([0, 3], 3), /label y\[1\] = 3 is outside 0 … 2/);
    const set = withOneHot({ X: zeros(1, 2), y: Int32Array.from([1, 0]) }, 2);
    assert.deepEqual(Array.from(set.Y!.data), [0, 1, 1, 0]);
  });
});
