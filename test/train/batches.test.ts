import { strict as assert } from "assert";
import { createRng, gatherColumns, isColumnSelection, toMatrix, fromData } from "../../src/tensor";
import { createBatchSource } from "../../src/train/batches";

describe("train/createBatchSource", () => {
  const d = 4;
  const n = 10;
  const set = {
    X: fromData(
      d,
      n,
      Float64Array.from({ length: d * n }, (_, k) => k),
    ),
    y: Int32Array.from({ length: n }, (_, j) => j % 3),
  };

  it("shuffled batches without copy are column selections with the columns and labels the copy mode gathers", () => {
    const selected = createBatchSource(set, 3, { shuffle: true, rng: createRng("b"), copy: false });
    const copied = createBatchSource(set, 3, { shuffle: true, rng: createRng("b"), copy: true });
    for (let t = 0; t < 7; t++) {
      const a = selected.batch(t);
      const b = copied.batch(t);
      assert.ok(isColumnSelection(a.X) && !isColumnSelection(b.X), `step ${t}`);
      assert.deepEqual(toMatrix(a.X).data, toMatrix(b.X).data, `step ${t}`);
      assert.deepEqual(a.y, b.y, `step ${t}`);
      if (isColumnSelection(a.X)) assert.deepEqual(gatherColumns(set.X, a.X.index).data, toMatrix(b.X).data);
    }
  });

  it("without shuffling, batches are views in order", () => {
    const src = createBatchSource(set, 4, { shuffle: false, copy: false });
    const b = src.batch(1);
    assert.ok(!isColumnSelection(b.X));
    assert.deepEqual(toMatrix(b.X).data, set.X.data.subarray(16, 32));
    assert.deepEqual([...b.y], [1, 2, 0, 1]);
  });
});
