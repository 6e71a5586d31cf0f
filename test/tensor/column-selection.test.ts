import { strict as assert } from "assert";
import { availableKernels, createRng, gatherColumns, fromData, matmul, naiveKernel, selectColumns, tsBlockedKernel, zeros } from "../../src/tensor";
import { withKernel } from "./with-kernel";

/**
 * A product whose B is a column selection (bCols: B's stored column c is column bCols[c] of the
 * array) equals, bit for bit, the product with those columns gathered first — on every kernel,
 * both orientations of B, across cache blocks and the two-thread split.
 */
describe("tensor/column selections (bCols)", function () {
  this.timeout(60000);
  // [m, n, k]: op(B) is k × n; the stored B has `rows` rows and `cols` selected columns
  const SHAPES: readonly (readonly [number, number, number])[] = [
    [7, 5, 3],
    [50, 100, 300],
    [50, 3072, 100],
    [24, 600, 1000],
    [9, 4100, 3],
  ];

  for (const transB of [false, true]) {
    it(`every kernel gives the gathered product's bytes (transB = ${transB})`, () => {
      for (const [m, n, k] of SHAPES) {
        const rng = createRng(`bcols-${m}-${n}-${k}-${transB}`);
        const rows = transB ? n : k;
        const cols = transB ? k : n;
        const sourceCols = cols + 17;
        const source = Float64Array.from({ length: rows * sourceCols }, () => rng.normal());
        const index = rng.permutation(sourceCols).subarray(0, cols);
        const gathered = gatherColumns(fromData(rows, sourceCols, source), index).data;
        const A = Float64Array.from({ length: m * k }, () => rng.normal());
        const C0 = Float64Array.from({ length: m * n }, () => rng.normal());
        const want = C0.slice();
        naiveKernel.gemm(false, transB, m, n, k, -0.7, A, m, gathered, rows, 1.1, want, m);
        for (const kernel of availableKernels()) {
          const C = C0.slice();
          kernel.gemm(false, transB, m, n, k, -0.7, A, m, source, rows, 1.1, C, m, index);
          assert.ok(Buffer.from(C.buffer).equals(Buffer.from(want.buffer)), `${kernel.name} ${m} × ${n} × ${k}`);
        }
      }
    });
  }

  it("matmul reads a ColumnSelection in place: the bits of the gathered matrix", () => {
    const rng = createRng("bcols-matmul");
    const X = fromData(
      30,
      40,
      Float64Array.from({ length: 1200 }, () => rng.normal()),
    );
    const W = fromData(
      5,
      30,
      Float64Array.from({ length: 150 }, () => rng.normal()),
    );
    const sel = selectColumns(X, Int32Array.from([39, 0, 7, 7, 12]));
    const a = matmul(W, sel);
    const b = matmul(W, gatherColumns(X, sel.index));
    assert.deepEqual(a.data, b.data);
    const G = fromData(
      5,
      5,
      Float64Array.from({ length: 25 }, () => rng.normal()),
    );
    assert.deepEqual(matmul(G, sel, { transB: true }).data, matmul(G, gatherColumns(X, sel.index), { transB: true }).data);
  });

  it("an index outside B is refused (selectColumns, the TypeScript kernel, the native addon)", () => {
    const X = zeros(4, 3);
    assert.throws(() => selectColumns(X, Int32Array.from([0, 3])), /selectColumns: column 3 out of range for 4 × 3/);
    const C = new Float64Array(4);
    for (const kernel of availableKernels()) {
      assert.throws(
        () => kernel.gemm(false, false, 2, 2, 4, 1, new Float64Array(8), 2, X.data, 4, 0, C, 2, Int32Array.from([0, 3])),
        /bCols\[1\] = 3 is outside B/,
        kernel.name,
      );
      assert.throws(
        () => kernel.gemm(false, false, 2, 2, 4, 1, new Float64Array(8), 2, X.data, 4, 0, C, 2, Int32Array.from([0])),
        /bCols has 1 indices for the 2 stored columns of B/,
        kernel.name,
      );
    }
    withKernel(tsBlockedKernel, () =>
      assert.throws(() => matmul(zeros(2, 4), { rows: 4, cols: 1, source: X, index: Int32Array.from([-1]) }), /bCols\[0\] = -1/),
    );
  });
});
