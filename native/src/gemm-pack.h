// Part of the kernel template (see gemm-impl.h): packing blocks of op(A) and op(B) into the
// panel layout the micro-kernel streams through.
#ifndef NNBOOK_GEMM_PACK_H
#define NNBOOK_GEMM_PACK_H

#include "gemm-simd.h"

namespace {

/**
 * dst[p·ldDst + c] = src[p + c·ldSrc] for p < kc and c < COLS: turns COLS strips that are
 * contiguous along p into rows of width COLS, W × W blocks at a time through registers.
 */
template <int COLS>
NNBOOK_INLINE void packTransposed(const double* src, long ldSrc, long kc, double* dst) {
  constexpr int full = COLS / W * W;
  long p = 0;
  for (; p + W <= kc; p += W) {
    for (int c0 = 0; c0 < full; c0 += W) {
      Vec r[W];
      for (int q = 0; q < W; q++) r[q] = *(const VecU*)(src + p + (c0 + q) * ldSrc);
      transposeBlock(r);
      for (int q = 0; q < W; q++) *(VecU*)(dst + (p + q) * COLS + c0) = r[q];
    }
    for (int c = full; c < COLS; c++) {
      for (int q = 0; q < W; q++) dst[(p + q) * COLS + c] = src[p + q + c * ldSrc];
    }
  }
  for (; p < kc; p++) {
    for (int c = 0; c < COLS; c++) dst[p * COLS + c] = src[p + c * ldSrc];
  }
}

/** dst[p·COLS + c] = src[p·ldSrc + c] for p < kc and c < COLS: copies rows of width COLS. */
template <int COLS>
NNBOOK_INLINE void packCopied(const double* src, long ldSrc, long kc, double* dst) {
  constexpr int full = COLS / W * W;
  for (long p = 0; p < kc; p++) {
    for (int c = 0; c < full; c += W) *(VecU*)(dst + p * COLS + c) = *(const VecU*)(src + p * ldSrc + c);
    for (int c = full; c < COLS; c++) dst[p * COLS + c] = src[p * ldSrc + c];
  }
}

/**
 * Packs op(A)[i0 : i0+mc, p0 : p0+kc] into panels of MR rows; the last panel holds the remaining
 * rows, rounded up to whole vectors and zero-padded. Panel q starts at q·MR·kc; inside a panel of
 * width w, op(A)(row r, depth p) sits at p·w + r.
 */
void packA(const GemmArgs& g, long i0, long mc, long p0, long kc, double* dst) {
  const long lda = g.lda;
  for (long ir = 0; ir < mc; ir += MR) {
    const long rows = minL(MR, mc - ir);
    const long w = rows == MR ? MR : roundUp(rows, W);
    const long i = i0 + ir;
    if (!g.transA) {  // op(A)(i, p) = A[i + p·lda]: each depth step is a contiguous run of rows
      const double* src = g.A + i + p0 * lda;
      if (rows == MR) {
        packCopied<MR>(src, lda, kc, dst);
      } else {
        for (long p = 0; p < kc; p++) {
          for (long r = 0; r < rows; r++) dst[p * w + r] = src[p * lda + r];
          for (long r = rows; r < w; r++) dst[p * w + r] = 0;
        }
      }
    } else if (rows == MR) {  // op(A)(i, p) = A[p + i·lda]: each row is a contiguous run of depth
      packTransposed<MR>(g.A + p0 + i * lda, lda, kc, dst);
    } else {
      for (long r = 0; r < rows; r++) {
        const double* src = g.A + p0 + (i + r) * lda;
        for (long p = 0; p < kc; p++) dst[p * w + r] = src[p];
      }
      for (long r = rows; r < w; r++) {
        for (long p = 0; p < kc; p++) dst[p * w + r] = 0;
      }
    }
    dst += w * kc;
  }
}

/**
 * Packs op(B)[p0 : p0+kc, j0 : j0+nc] into panels of NR columns; the last panel holds exactly the
 * remaining columns. Panel q starts at q·NR·kc; inside a panel of width w, op(B)(p, c) sits at
 * p·w + c.
 */
void packB(const GemmArgs& g, long p0, long kc, long j0, long nc, double* dst) {
  const long ldb = g.ldb;
  for (long jr = 0; jr < nc; jr += NR) {
    const long cols = minL(NR, nc - jr);
    const long j = j0 + jr;
    if (!g.transB) {  // op(B)(p, j) = B[p + j·ldb]: each column is a contiguous run of depth
      const double* src = g.B + p0 + j * ldb;
      if (cols == NR) {
        packTransposed<NR>(src, ldb, kc, dst);
      } else {
        for (long p = 0; p < kc; p++) {
          for (long c = 0; c < cols; c++) dst[p * cols + c] = src[p + c * ldb];
        }
      }
    } else {  // op(B)(p, j) = B[j + p·ldb]: each depth step is a contiguous run of columns
      const double* src = g.B + j + p0 * ldb;
      if (cols == NR) {
        packCopied<NR>(src, ldb, kc, dst);
      } else {
        for (long p = 0; p < kc; p++) {
          for (long c = 0; c < cols; c++) dst[p * cols + c] = src[p * ldb + c];
        }
      }
    }
    dst += cols * kc;
  }
}

}  // namespace

#endif
