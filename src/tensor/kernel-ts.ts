import { GemmKernel } from "./kernel";

/**
 * The reference kernel: plain TypeScript, cache-blocked, with packed panels and a 4 × 4
 * register-blocked micro-kernel (≈ 3–5 GFLOP/s on one core here, against ≈ 1 for naive loops).
 * Column-major, BLAS semantics (see `GemmKernel`).
 */
const MC = 64; // rows of op(A) per packed block
const KC = 256; // depth per packed block
const NC = 512; // columns of op(B) per packed block

const packA = new Float64Array(MC * KC);
const packB = new Float64Array(KC * NC);
const edge = new Float64Array(16);

/** Packs op(A)[i0:i0+mc, p0:p0+kc] into groups of 4 rows, zero-padded: packA[g*kc*4 + p*4 + r]. */
function packPanelA(
  transA: boolean, A: Float64Array, lda: number, m: number, i0: number, p0: number, mc: number, kc: number,
): void {
  const groups = (mc + 3) >> 2;
  for (let g = 0; g < groups; g++) {
    const base = g * kc * 4;
    for (let r = 0; r < 4; r++) {
      const i = i0 + g * 4 + r;
      if (i >= m || g * 4 + r >= mc) {
        for (let p = 0; p < kc; p++) packA[base + p * 4 + r] = 0;
      } else if (transA) {
        const off = i * lda + p0; // A stored k × m: op(A)(i, p) = A[p + i*lda]
        for (let p = 0; p < kc; p++) packA[base + p * 4 + r] = A[off + p];
      } else {
        for (let p = 0; p < kc; p++) packA[base + p * 4 + r] = A[i + (p0 + p) * lda];
      }
    }
  }
}

/** Packs op(B)[p0:p0+kc, j0:j0+nc] into groups of 4 columns, zero-padded: packB[g*kc*4 + p*4 + c]. */
function packPanelB(
  transB: boolean, B: Float64Array, ldb: number, n: number, p0: number, j0: number, kc: number, nc: number,
): void {
  const groups = (nc + 3) >> 2;
  for (let g = 0; g < groups; g++) {
    const base = g * kc * 4;
    for (let c = 0; c < 4; c++) {
      const j = j0 + g * 4 + c;
      if (j >= n || g * 4 + c >= nc) {
        for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = 0;
      } else if (transB) {
        for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = B[j + (p0 + p) * ldb];
      } else {
        const off = j * ldb + p0;
        for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = B[off + p];
      }
    }
  }
}

/** C[i0.., j0..] += alpha · (4 × 4 block of packA group ga times packB group gb), clipped to mr × nr. */
function microKernel(
  ga: number, gb: number, kc: number, alpha: number, C: Float64Array, ldc: number,
  i0: number, j0: number, mr: number, nr: number,
): void {
  const pa = packA;
  const pb = packB;
  let a = ga * kc * 4;
  let b = gb * kc * 4;
  let c00 = 0, c10 = 0, c20 = 0, c30 = 0, c01 = 0, c11 = 0, c21 = 0, c31 = 0;
  let c02 = 0, c12 = 0, c22 = 0, c32 = 0, c03 = 0, c13 = 0, c23 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, a += 4, b += 4) {
    const a0 = pa[a], a1 = pa[a + 1], a2 = pa[a + 2], a3 = pa[a + 3];
    const b0 = pb[b], b1 = pb[b + 1], b2 = pb[b + 2], b3 = pb[b + 3];
    c00 += a0 * b0; c10 += a1 * b0; c20 += a2 * b0; c30 += a3 * b0;
    c01 += a0 * b1; c11 += a1 * b1; c21 += a2 * b1; c31 += a3 * b1;
    c02 += a0 * b2; c12 += a1 * b2; c22 += a2 * b2; c32 += a3 * b2;
    c03 += a0 * b3; c13 += a1 * b3; c23 += a2 * b3; c33 += a3 * b3;
  }
  if (mr === 4 && nr === 4) {
    let o = i0 + j0 * ldc;
    C[o] += alpha * c00; C[o + 1] += alpha * c10; C[o + 2] += alpha * c20; C[o + 3] += alpha * c30;
    o += ldc;
    C[o] += alpha * c01; C[o + 1] += alpha * c11; C[o + 2] += alpha * c21; C[o + 3] += alpha * c31;
    o += ldc;
    C[o] += alpha * c02; C[o + 1] += alpha * c12; C[o + 2] += alpha * c22; C[o + 3] += alpha * c32;
    o += ldc;
    C[o] += alpha * c03; C[o + 1] += alpha * c13; C[o + 2] += alpha * c23; C[o + 3] += alpha * c33;
    return;
  }
  const t = edge;
  t[0] = c00; t[1] = c10; t[2] = c20; t[3] = c30; t[4] = c01; t[5] = c11; t[6] = c21; t[7] = c31;
  t[8] = c02; t[9] = c12; t[10] = c22; t[11] = c32; t[12] = c03; t[13] = c13; t[14] = c23; t[15] = c33;
  for (let c = 0; c < nr; c++) {
    for (let r = 0; r < mr; r++) C[i0 + r + (j0 + c) * ldc] += alpha * t[c * 4 + r];
  }
}

/** C ← beta·C on the m × n block (beta = 0 clears, so NaN in C does not leak through). */
function scaleC(C: Float64Array, ldc: number, m: number, n: number, beta: number): void {
  if (beta === 1) return;
  for (let j = 0; j < n; j++) {
    const o = j * ldc;
    if (beta === 0) C.fill(0, o, o + m);
    else for (let i = 0; i < m; i++) C[o + i] *= beta;
  }
}

function gemmBlocked(
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  A: Float64Array, lda: number, B: Float64Array, ldb: number, beta: number, C: Float64Array, ldc: number,
): void {
  scaleC(C, ldc, m, n, beta);
  if (m === 0 || n === 0 || k === 0 || alpha === 0) return;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packPanelB(transB, B, ldb, n, p0, j0, kc, nc);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packPanelA(transA, A, lda, m, i0, p0, mc, kc);
        for (let gb = 0; gb * 4 < nc; gb++) {
          const nr = Math.min(4, nc - gb * 4);
          for (let ga = 0; ga * 4 < mc; ga++) {
            const mr = Math.min(4, mc - ga * 4);
            microKernel(ga, gb, kc, alpha, C, ldc, i0 + ga * 4, j0 + gb * 4, mr, nr);
          }
        }
      }
    }
  }
}

/** The cache-blocked TypeScript kernel. */
export const tsBlockedKernel: GemmKernel = { name: "ts-blocked", gemm: gemmBlocked };

/**
 * The naive triple loop: the oracle the tests compare every other kernel against.
 * Slow (≈ 1 GFLOP/s); never used on the hot path.
 */
export const naiveKernel: GemmKernel = {
  name: "naive",
  gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const a = transA ? A[p + i * lda] : A[i + p * lda];
          const b = transB ? B[j + p * ldb] : B[p + j * ldb];
          s += a * b;
        }
        const prev = beta === 0 ? 0 : beta * C[i + j * ldc];
        C[i + j * ldc] = prev + alpha * s;
      }
    }
  },
};
