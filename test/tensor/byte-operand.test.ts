import { strict as assert } from "assert";
import {
  Matrix,
  availableKernels,
  byteMatrix,
  columnsView,
  createRng,
  fromData,
  gatherColumns,
  isDecoded,
  matmul,
  naiveKernel,
  reviveMatrix,
  selectColumns,
  tsBlockedKernel,
} from "../../src/tensor";

/** Standardization-like decoding of `rows` byte rows: v·(1/(255·std)) − mean/std. */
function decoding(rows: number, seed: string): { scale: Float64Array; shift: Float64Array } {
  const rng = createRng(seed);
  const scale = new Float64Array(rows);
  const shift = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const std = 0.2 + 0.1 * rng.uniform();
    const mean = 0.4 + 0.2 * rng.uniform();
    scale[r] = 1 / 255 / std;
    shift[r] = -mean / std;
  }
  return { scale, shift };
}

function randomBytes(length: number, seed: string): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length }, () => rng.int(256));
}

/** The float64 form, element by element: v·scale[r] + shift[r]. */
function decodeAll(bytes: Uint8Array, rows: number, scale: Float64Array, shift: Float64Array): Float64Array {
  return Float64Array.from(bytes, (v, k) => v * scale[k % rows] + shift[k % rows]);
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/**
 * A product whose B is kept as bytes (decoded while packing: v·scale[r] + shift[r] for stored row
 * r) equals, bit for bit, the product with B decoded to float64 first — on every kernel, both
 * orientations of B, with and without a column selection, across cache blocks and the two-thread
 * split. This is what lets a CIFAR-10 run keep its images as bytes (150 MB instead of 1.2 GB).
 */
describe("tensor/byte operands (data sets kept as bytes)", function () {
  this.timeout(60000);
  // [m, n, k]: op(B) is k × n
  const SHAPES: readonly (readonly [number, number, number])[] = [
    [7, 5, 3],
    [50, 100, 3072],
    [50, 2000, 300],
    [24, 600, 1000],
    [9, 4100, 3],
    [3, 50, 100],
  ];

  for (const transB of [false, true]) {
    for (const selected of [false, true]) {
      it(`every kernel gives the decoded product's bits (transB = ${transB}, ${selected ? "column selection" : "whole B"})`, () => {
        for (const [m, n, k] of SHAPES) {
          const seed = `bytes-${m}-${n}-${k}-${transB}-${selected}`;
          const rng = createRng(seed);
          const rows = transB ? n : k;
          const cols = transB ? k : n;
          const storedCols = selected ? cols + 11 : cols;
          const bytes = randomBytes(rows * storedCols, seed);
          const { scale, shift } = decoding(rows, seed);
          const decoded = decodeAll(bytes, rows, scale, shift);
          const index = selected ? rng.permutation(storedCols).subarray(0, cols) : undefined;
          const B = index ? gatherColumns(fromData(rows, storedCols, decoded), index).data : decoded;
          const A = Float64Array.from({ length: m * k }, () => rng.normal());
          const C0 = Float64Array.from({ length: m * n }, () => rng.normal());
          const want = C0.slice();
          naiveKernel.gemm(false, transB, m, n, k, -0.7, A, m, B, rows, 1.1, want, m);
          const fromBytes = C0.slice();
          naiveKernel.gemm(false, transB, m, n, k, -0.7, A, m, bytes, rows, 1.1, fromBytes, m, index, { scale, shift });
          assert.ok(sameBits(fromBytes, want), `naive ${m} × ${n} × ${k}`);
          for (const kernel of availableKernels()) {
            const C = C0.slice();
            kernel.gemm(false, transB, m, n, k, -0.7, A, m, bytes, rows, 1.1, C, m, index, { scale, shift });
            assert.ok(sameBits(C, want), `${kernel.name} ${m} × ${n} × ${k}`);
          }
        }
      });
    }
  }

  it("bytes without a decoding, a decoding without bytes, or too short a decoding are refused by every kernel", () => {
    const bytes = new Uint8Array(8);
    const A = new Float64Array(8);
    const C = new Float64Array(4);
    const two = { scale: new Float64Array(2), shift: new Float64Array(2) };
    for (const kernel of [naiveKernel, ...availableKernels()]) {
      assert.throws(() => kernel.gemm(false, false, 2, 2, 4, 1, A, 2, bytes, 4, 0, C, 2), /B is a Uint8Array but no/, kernel.name);
      assert.throws(
        () =>
          kernel.gemm(false, false, 2, 2, 4, 1, A, 2, new Float64Array(8), 4, 0, C, 2, undefined, { scale: new Float64Array(4), shift: new Float64Array(4) }),
        /but B is not a Uint8Array/,
        kernel.name,
      );
      assert.throws(
        () => kernel.gemm(false, false, 2, 2, 4, 1, A, 2, bytes, 4, 0, C, 2, undefined, two),
        /one value per stored row of B \(4\), got 2 and 2/,
        kernel.name,
      );
    }
  });

  describe("byteMatrix", () => {
    const rows = 12;
    const cols = 9;
    const bytes = randomBytes(rows * cols, "byte-matrix");
    const { scale, shift } = decoding(rows, "byte-matrix");
    const decoded = decodeAll(bytes, rows, scale, shift);

    it("decodes `data` only when something reads it, once, with the element-by-element bits", () => {
      const X = byteMatrix(rows, cols, { bytes, scale, shift });
      assert.equal(isDecoded(X), false);
      const first = X.data;
      assert.equal(isDecoded(X), true);
      assert.ok(sameBits(first, decoded));
      assert.equal(X.data, first, "decoded once, then kept");
    });

    it("matmul, columnsView, selectColumns and gatherColumns work on the bytes without decoding the matrix", () => {
      const X = byteMatrix(rows, cols, { bytes, scale, shift });
      const plain = fromData(rows, cols, decoded);
      const rng = createRng("byte-matrix-ops");
      const W = fromData(
        4,
        rows,
        Float64Array.from({ length: 4 * rows }, () => rng.normal()),
      );
      const G = fromData(
        4,
        3,
        Float64Array.from({ length: 12 }, () => rng.normal()),
      );
      const index = Int32Array.from([8, 0, 3]);
      assert.ok(sameBits(matmul(W, X).data, matmul(W, plain).data));
      assert.ok(sameBits(matmul(W, selectColumns(X, index)).data, matmul(W, selectColumns(plain, index)).data));
      assert.ok(sameBits(matmul(G, selectColumns(X, index), { transB: true }).data, matmul(G, gatherColumns(plain, index), { transB: true }).data));
      const view = columnsView(X, 2, 5);
      assert.ok(view.encoded, "a view of bytes is bytes");
      assert.ok(sameBits(matmul(W, view).data, matmul(W, columnsView(plain, 2, 5)).data));
      assert.ok(sameBits(gatherColumns(X, index).data, gatherColumns(plain, index).data));
      assert.ok(sameBits(view.data, columnsView(plain, 2, 5).data), "a view decodes its own columns");
      assert.equal(isDecoded(X), false, "none of these decoded the whole matrix");
    });

    it("crosses a thread boundary as bytes (structured clone) and is made whole by reviveMatrix", () => {
      const X = byteMatrix(rows, cols, { bytes, scale, shift });
      const copy = structuredClone(X) as Matrix;
      assert.equal((copy as { data?: unknown }).data, undefined, "the clone carries no decoded float64 copy");
      const revived = reviveMatrix(copy);
      assert.equal(isDecoded(revived), false);
      assert.ok(sameBits(revived.data, decoded));
      const plain = fromData(rows, cols, decoded);
      assert.equal(reviveMatrix(plain), plain, "a plain matrix is returned as is");
    });

    it("refuses bytes or decodings of the wrong length, naming the shape", () => {
      assert.throws(() => byteMatrix(rows, cols, { bytes: bytes.subarray(1), scale, shift }), /byteMatrix: 12 × 9 needs 108 bytes, got 107/);
      assert.throws(() => byteMatrix(rows, cols, { bytes, scale: scale.subarray(1), shift }), /scale and shift need 12 values \(one per row\), got 11 and 12/);
    });

    it("the TypeScript kernel gives the native kernels' bits on a byte data set's mini-batch products", () => {
      const X = byteMatrix(rows, cols, { bytes, scale, shift });
      const rng = createRng("byte-kernels");
      const W = Float64Array.from({ length: 5 * rows }, () => rng.normal());
      const index = Int32Array.from([1, 4, 4, 7]);
      const want = new Float64Array(20);
      tsBlockedKernel.gemm(false, false, 5, 4, rows, 1, W, 5, X.encoded!.bytes, rows, 0, want, 5, index, X.encoded);
      for (const kernel of availableKernels()) {
        const C = new Float64Array(20);
        kernel.gemm(false, false, 5, 4, rows, 1, W, 5, X.encoded!.bytes, rows, 0, C, 5, index, X.encoded);
        assert.ok(sameBits(C, want), kernel.name);
      }
    });
  });
});
