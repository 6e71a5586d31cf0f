import { ByteDecoding, GemmKernel, OperandB, checkOperandB } from "./kernel";

/**
 * The reference kernel: plain TypeScript, cache-blocked, with packed panels and a 4 × 4
 * register-blocked micro-kernel (≈ 3–5 GFLOP/s on one core here, against ≈ 1 for naive loops).
 * Column-major, BLAS semantics (see `GemmKernel`), and bit for bit the arithmetic of `naiveKernel`.
 */
const MC = 64; // rows of op(A) per packed block
const KC = 256; // depth per packed block
const NC = 512; // columns of op(B) per packed block

const packA = new Float64Array(MC * KC);
const packB = new Float64Array(KC * NC);

/** Packs op(A)[i0:i0+mc, p0:p0+kc] into groups of 4 rows, zero-padded: packA[g*kc*4 + p*4 + r]. */
function packPanelA(transA: boolean, A: Float64Array, lda: number, m: number, i0: number, p0: number, mc: number, kc: number): void {
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

/** Where B's stored column c starts: c·ldb, or bCols[c]·ldb (see `GemmKernel`). */
function columnStart(bCols: Int32Array | undefined, c: number, ldb: number): number {
  return (bCols ? bCols[c] : c) * ldb;
}

/**
 * Packs op(B)[p0:p0+kc, j0:j0+nc] into groups of 4 columns, zero-padded: packB[g*kc*4 + p*4 + c].
 * A byte B (`decode`) is packed decoded: element v of stored row r as v·scale[r] + shift[r].
 */
function packPanelB(
  transB: boolean,
  B: OperandB,
  ldb: number,
  bCols: Int32Array | undefined,
  n: number,
  p0: number,
  j0: number,
  kc: number,
  nc: number,
  decode: ByteDecoding | undefined,
): void {
  const groups = (nc + 3) >> 2;
  for (let g = 0; g < groups; g++) {
    const base = g * kc * 4;
    for (let c = 0; c < 4; c++) {
      const j = j0 + g * 4 + c;
      if (j >= n || g * 4 + c >= nc) {
        for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = 0;
      } else if (transB) {
        if (decode) {
          const s = decode.scale[j]; // stored row j of B: one scale and shift for the whole strip
          const h = decode.shift[j];
          for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = B[j + columnStart(bCols, p0 + p, ldb)] * s + h;
        } else for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = B[j + columnStart(bCols, p0 + p, ldb)];
      } else {
        const off = columnStart(bCols, j, ldb) + p0;
        if (decode) for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = B[off + p] * decode.scale[p0 + p] + decode.shift[p0 + p];
        else for (let p = 0; p < kc; p++) packB[base + p * 4 + c] = B[off + p];
      }
    }
  }
}

/** Where one micro-kernel call reads and writes: its tile of C and its slot of running sums. */
interface TileTarget {
  alpha: number;
  beta: number;
  C: Float64Array;
  ldc: number;
  firstDepth: boolean; // start the sums at 0 (else continue from `sums`)
  lastDepth: boolean; // store into C (else save the sums for the next depth block)
}

const tileSums = new Float64Array(MC * NC); // running sums of one MC × NC block, 16 per tile

/**
 * The 4 × 4 tile at (i0, j0), clipped to mr × nr: each element's s ← s + a·b over the depth
 * block in order (JavaScript has no FMA: every product and sum is rounded, as in the native
 * kernel), then C ← alpha·s or (alpha·s) + (beta·C) on the last depth block.
 */
function microKernel(ga: number, gb: number, kc: number, t: TileTarget, slot: number, i0: number, j0: number, mr: number, nr: number): void {
  const pa = packA;
  const pb = packB;
  const s = tileSums;
  let a = ga * kc * 4;
  let b = gb * kc * 4;
  let c00 = 0,
    c10 = 0,
    c20 = 0,
    c30 = 0,
    c01 = 0,
    c11 = 0,
    c21 = 0,
    c31 = 0;
  let c02 = 0,
    c12 = 0,
    c22 = 0,
    c32 = 0,
    c03 = 0,
    c13 = 0,
    c23 = 0,
    c33 = 0;
  if (!t.firstDepth) {
    c00 = s[slot];
    c10 = s[slot + 1];
    c20 = s[slot + 2];
    c30 = s[slot + 3];
    c01 = s[slot + 4];
    c11 = s[slot + 5];
    c21 = s[slot + 6];
    c31 = s[slot + 7];
    c02 = s[slot + 8];
    c12 = s[slot + 9];
    c22 = s[slot + 10];
    c32 = s[slot + 11];
    c03 = s[slot + 12];
    c13 = s[slot + 13];
    c23 = s[slot + 14];
    c33 = s[slot + 15];
  }
  for (let p = 0; p < kc; p++, a += 4, b += 4) {
    const a0 = pa[a],
      a1 = pa[a + 1],
      a2 = pa[a + 2],
      a3 = pa[a + 3];
    const b0 = pb[b],
      b1 = pb[b + 1],
      b2 = pb[b + 2],
      b3 = pb[b + 3];
    c00 += a0 * b0;
    c10 += a1 * b0;
    c20 += a2 * b0;
    c30 += a3 * b0;
    c01 += a0 * b1;
    c11 += a1 * b1;
    c21 += a2 * b1;
    c31 += a3 * b1;
    c02 += a0 * b2;
    c12 += a1 * b2;
    c22 += a2 * b2;
    c32 += a3 * b2;
    c03 += a0 * b3;
    c13 += a1 * b3;
    c23 += a2 * b3;
    c33 += a3 * b3;
  }
  s[slot] = c00;
  s[slot + 1] = c10;
  s[slot + 2] = c20;
  s[slot + 3] = c30;
  s[slot + 4] = c01;
  s[slot + 5] = c11;
  s[slot + 6] = c21;
  s[slot + 7] = c31;
  s[slot + 8] = c02;
  s[slot + 9] = c12;
  s[slot + 10] = c22;
  s[slot + 11] = c32;
  s[slot + 12] = c03;
  s[slot + 13] = c13;
  s[slot + 14] = c23;
  s[slot + 15] = c33;
  if (t.lastDepth) storeTile(t, slot, i0, j0, mr, nr);
}

/** C ← alpha·s (beta = 0) or (alpha·s) + (beta·C) on the tile's mr × nr elements. */
function storeTile(t: TileTarget, slot: number, i0: number, j0: number, mr: number, nr: number): void {
  const { alpha, beta, C, ldc } = t;
  const s = tileSums;
  for (let c = 0; c < nr; c++) {
    const o = i0 + (j0 + c) * ldc;
    for (let r = 0; r < mr; r++) {
      const v = alpha * s[slot + c * 4 + r];
      C[o + r] = beta === 0 ? v : v + beta * C[o + r];
    }
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

/** The tiles of one block (rows i0…i0+mc, columns j0…j0+nc) over one depth block. */
function blockTiles(t: TileTarget, i0: number, j0: number, mc: number, nc: number, kc: number): void {
  const groupsA = (mc + 3) >> 2;
  for (let gb = 0; gb * 4 < nc; gb++) {
    const nr = Math.min(4, nc - gb * 4);
    for (let ga = 0; ga < groupsA; ga++) {
      const mr = Math.min(4, mc - ga * 4);
      microKernel(ga, gb, kc, t, (gb * groupsA + ga) * 16, i0 + ga * 4, j0 + gb * 4, mr, nr);
    }
  }
}

/**
 * The blocked product with the shared arithmetic (see native/src/gemm-impl.h): columns → rows →
 * depth, the running sums carried from one depth block to the next, so the blocking never
 * reorders the sum over k and every element gets the bits of `naiveKernel`.
 */
function gemmBlocked(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: Float64Array,
  lda: number,
  B: OperandB,
  ldb: number,
  beta: number,
  C: Float64Array,
  ldc: number,
  bCols?: Int32Array,
  decode?: ByteDecoding,
): void {
  if (m === 0 || n === 0) return;
  checkOperandB(B, decode, transB ? n : k);
  if (bCols) checkColumns(bCols, transB ? k : n, transB ? n : k, ldb, B.length);
  if (k === 0 || alpha === 0) return scaleC(C, ldc, m, n, beta);
  const split = k > KC;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    if (!split) packPanelB(transB, B, ldb, bCols, n, 0, j0, k, nc, decode);
    for (let i0 = 0; i0 < m; i0 += MC) {
      const mc = Math.min(MC, m - i0);
      for (let p0 = 0; p0 < k; p0 += KC) {
        const kc = Math.min(KC, k - p0);
        if (split) packPanelB(transB, B, ldb, bCols, n, p0, j0, kc, nc, decode);
        packPanelA(transA, A, lda, m, i0, p0, mc, kc);
        const target = { alpha, beta, C, ldc, firstDepth: p0 === 0, lastDepth: p0 + kc === k };
        blockTiles(target, i0, j0, mc, nc, kc);
      }
    }
  }
}

/** Throws unless bCols names `count` columns of `rows` elements that lie inside B. */
function checkColumns(bCols: Int32Array, count: number, rows: number, ldb: number, length: number): void {
  if (bCols.length < count) throw new RangeError(`gemm: bCols has ${bCols.length} indices for the ${count} stored columns of B`);
  for (let c = 0; c < count && rows > 0; c++) {
    if (!(bCols[c] >= 0 && bCols[c] * ldb + rows <= length)) {
      throw new RangeError(`gemm: bCols[${c}] = ${bCols[c]} is outside B (${length} elements, ldB = ${ldb})`);
    }
  }
}

/** The cache-blocked TypeScript kernel. */
export const tsBlockedKernel: GemmKernel = { name: "ts-blocked", gemm: gemmBlocked };

/**
 * The specification every kernel must match bit for bit (the naive triple loop): element (i, j) is
 * s ← 0; s ← s + op(A)(i,p)·op(B)(p,j) for p = 0 … k−1, then C ← alpha·s (beta = 0) or
 * (alpha·s) + (beta·C); with k = 0 or alpha = 0, C ← 0 (beta = 0) or beta·C.
 * Slow (≈ 1 GFLOP/s); never used on the hot path.
 */
export const naiveKernel: GemmKernel = {
  name: "naive",
  gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, bCols, decode) {
    checkOperandB(B, decode, transB ? n : k);
    const col = (c: number): number => (bCols ? bCols[c] : c) * ldb;
    const value = (r: number, o: number): number => (decode ? B[o] * decode.scale[r] + decode.shift[r] : B[o]);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        const o = i + j * ldc;
        if (k === 0 || alpha === 0) {
          C[o] = beta === 0 ? 0 : beta * C[o];
          continue;
        }
        let s = 0;
        for (let p = 0; p < k; p++) {
          const a = transA ? A[p + i * lda] : A[i + p * lda];
          const b = transB ? value(j, j + col(p)) : value(p, p + col(j));
          s += a * b;
        }
        C[o] = beta === 0 ? alpha * s : alpha * s + beta * C[o];
      }
    }
  },
};
