import { strict as assert } from "assert";
import { GemmKernel, naiveKernel, createRng } from "../../src";

/** Shapes [m, n, k] every kernel is checked on: 1 × 1, empty, odd sizes, several cache blocks. */
export const CHECK_SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [0, 3, 4],
  [3, 0, 4],
  [3, 4, 0],
  [7, 5, 3],
  [13, 17, 19],
  [65, 3, 257],
  [100, 50, 300],
  [5, 600, 9],
];

/**
 * Every kernel must give exactly the bits of the naive triple loop (the arithmetic every kernel
 * shares: sequential k-order, no FMA; see `naiveKernel`), for every transpose combination and the
 * given shapes, and honour alpha/beta. `ldPad` rows are added to every leading dimension; the
 * padding rows of C must come back untouched.
 */
export function checkKernelAgainstNaive(kernel: GemmKernel, shapes: readonly (readonly [number, number, number])[] = CHECK_SHAPES, ldPad = 0): void {
  checkKernelsAgainstNaive([kernel], shapes, ldPad);
}

/** `checkKernelAgainstNaive` for several kernels at once (the oracle runs once per case). */
export function checkKernelsAgainstNaive(
  kernels: readonly GemmKernel[],
  shapes: readonly (readonly [number, number, number])[] = CHECK_SHAPES,
  ldPad = 0,
): void {
  const rng = createRng(`kernel-test-${ldPad}`);
  for (const [m, n, k] of shapes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const [alpha, beta] of [
          [1, 0],
          [0.5, 1],
          [-2, 0.25],
        ]) {
          const lda = Math.max(1, transA ? k : m) + ldPad;
          const ldb = Math.max(1, transB ? n : k) + ldPad;
          const ldc = Math.max(1, m) + ldPad;
          const A = Float64Array.from({ length: lda * (transA ? m : k) }, () => rng.normal());
          const B = Float64Array.from({ length: ldb * (transB ? k : n) }, () => rng.normal());
          const C0 = Float64Array.from({ length: ldc * n }, () => rng.normal());
          const want = C0.slice();
          naiveKernel.gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, want, ldc);
          for (const kernel of kernels) {
            const got = C0.slice();
            kernel.gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, got, ldc);
            for (let i = 0; i < want.length; i++) {
              if (!Object.is(got[i], want[i])) {
                assert.fail(
                  `${kernel.name}: ${m}×${n}×${k} tA=${transA} tB=${transB} α=${alpha} β=${beta} ld+${ldPad}: entry ${i} ${got[i]} vs ${want[i]} (not the same bits)`,
                );
              }
            }
          }
        }
      }
    }
  }
}
