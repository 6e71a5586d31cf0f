import { strict as assert } from "assert";
import { GemmKernel, naiveKernel, tsBlockedKernel, createRng } from "../../src";

/** Every kernel must agree with the naive triple loop to 1e-12 relative, for every transpose
 * combination, odd sizes, 1 × 1 and empty products, and honour alpha/beta. */
export function checkKernelAgainstNaive(kernel: GemmKernel): void {
  const rng = createRng("kernel-test");
  const shapes: [number, number, number][] = [
    [1, 1, 1], [0, 3, 4], [3, 0, 4], [3, 4, 0], [7, 5, 3], [13, 17, 19], [65, 3, 257], [100, 50, 300], [5, 600, 9],
  ];
  for (const [m, n, k] of shapes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const [alpha, beta] of [[1, 0], [0.5, 1], [-2, 0.25]]) {
          const A = Float64Array.from({ length: m * k }, () => rng.normal());
          const B = Float64Array.from({ length: k * n }, () => rng.normal());
          const C0 = Float64Array.from({ length: m * n }, () => rng.normal());
          const lda = Math.max(1, transA ? k : m);
          const ldb = Math.max(1, transB ? n : k);
          const want = C0.slice();
          naiveKernel.gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, want, Math.max(1, m));
          const got = C0.slice();
          kernel.gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, got, Math.max(1, m));
          for (let i = 0; i < want.length; i++) {
            const err = Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i]));
            assert.ok(err < 1e-12, `${kernel.name}: ${m}×${n}×${k} tA=${transA} tB=${transB} α=${alpha} β=${beta}: entry ${i} ${got[i]} vs ${want[i]}`);
          }
        }
      }
    }
  }
}

describe("tensor/kernel", () => {
  it("the blocked TypeScript kernel agrees with the naive oracle", () => checkKernelAgainstNaive(tsBlockedKernel));

  it("beta = 0 ignores NaN already in C", () => {
    const C = new Float64Array([NaN, NaN]);
    tsBlockedKernel.gemm(false, false, 2, 1, 1, 1, new Float64Array([1, 2]), 2, new Float64Array([3]), 1, 0, C, 2);
    assert.deepEqual(Array.from(C), [3, 6]);
  });
});
