// Part of the kernel template (see gemm-impl.h): packing blocks of op(A) and op(B) into the
// panel layout the micro-kernel streams through.
#ifndef NNBOOK_GEMM_PACK_H
#define NNBOOK_GEMM_PACK_H

#include "gemm-simd.h"

#if defined(__x86_64__) && defined(__AVX2__)
#include <immintrin.h>  // compiler intrinsics only: always inlined, nothing for the linker to merge
#endif

namespace {

/**
 * dst[p·COLS + c] = strip[c][p] for p < kc and c < COLS: turns COLS strips that are contiguous
 * along p into rows of width COLS, W × W blocks at a time through registers.
 */
template <int COLS>
NNBOOK_INLINE void packTransposed(const double* const (&strip)[COLS], long kc, double* dst) {
  constexpr int full = COLS / W * W;
  long p = 0;
  for (; p + W <= kc; p += W) {
    for (int c0 = 0; c0 < full; c0 += W) {
      Vec r[W];
      for (int q = 0; q < W; q++) r[q] = *(const VecU*)(strip[c0 + q] + p);
      transposeBlock(r);
      for (int q = 0; q < W; q++) *(VecU*)(dst + (p + q) * COLS + c0) = r[q];
    }
    for (int c = full; c < COLS; c++) {
      for (int q = 0; q < W; q++) dst[(p + q) * COLS + c] = strip[c][p + q];
    }
  }
  for (; p < kc; p++) {
    for (int c = 0; c < COLS; c++) dst[p * COLS + c] = strip[c][p];
  }
}

/** strip[c] = src + c·ldSrc for c < COLS. */
template <int COLS>
NNBOOK_INLINE void evenStrips(const double* src, long ldSrc, const double* (&strip)[COLS]) {
  for (int c = 0; c < COLS; c++) strip[c] = src + c * ldSrc;
}

/** dst[c] = src[c] for c < COLS, whole vectors first. */
template <int COLS>
NNBOOK_INLINE void copyRow(const double* src, double* dst) {
  constexpr int full = COLS / W * W;
  for (int c = 0; c < full; c += W) *(VecU*)(dst + c) = *(const VecU*)(src + c);
  for (int c = full; c < COLS; c++) dst[c] = src[c];
}

/** dst[p·COLS + c] = src[p·ldSrc + c] for p < kc and c < COLS: copies rows of width COLS. */
template <int COLS>
NNBOOK_INLINE void packCopied(const double* src, long ldSrc, long kc, double* dst) {
  for (long p = 0; p < kc; p++) copyRow<COLS>(src + p * ldSrc, dst + p * COLS);
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
      const double* strip[MR];
      evenStrips<MR>(g.A + p0 + i * lda, lda, strip);
      packTransposed<MR>(strip, kc, dst);
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

/** Where B's stored column c starts, in elements (see GemmArgs::bCols). */
NNBOOK_INLINE long columnStartB(const GemmArgs& g, long c) {
  return (g.bCols ? (long)g.bCols[c] : c) * g.ldb;
}

/** B's stored column c (see GemmArgs::bCols). */
NNBOOK_INLINE const double* columnB(const GemmArgs& g, long c) {
  return g.B + columnStartB(g, c);
}

typedef unsigned char ByteVecU __attribute__((vector_size(W), aligned(1)));  // W bytes, unaligned

/**
 * W bytes from `src` as W doubles (exact). GCC 12 turns __builtin_convertvector from bytes into
 * one scalar conversion per lane plus inserts (a third of the time of packing a byte operand went
 * there), so the x86 variants widen the bytes to 32-bit integers and convert those in two
 * instructions.
 */
NNBOOK_INLINE Vec bytesToDoubles(const unsigned char* src) {
#if defined(__AVX512F__) && NNBOOK_W == 8
  return (Vec)_mm512_cvtepi32_pd(_mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i*)src)));
#elif defined(__AVX2__) && (NNBOOK_W == 4 || NNBOOK_W == 8)
  int four[NNBOOK_W / 4];
  __builtin_memcpy(four, src, NNBOOK_W);
  Vec v;
  for (int h = 0; h < NNBOOK_W / 4; h++) {
    const __m256d part = _mm256_cvtepi32_pd(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(four[h])));
    __builtin_memcpy((double*)&v + 4 * h, &part, sizeof part);
  }
  return v;
#else
  return __builtin_convertvector(*(const ByteVecU*)src, Vec);
#endif
}

/** W bytes from `src` decoded as v·scale + shift, lane by lane (a product, then a sum: no FMA). */
NNBOOK_INLINE Vec decodeBytes(const unsigned char* src, Vec scale, Vec shift) {
  return bytesToDoubles(src) * scale + shift;
}

/**
 * packTransposed for byte strips: dst[p·COLS + c] = strip[c][p]·scale[p] + shift[p], W × W blocks
 * decoded (W bytes → W doubles) and transposed in registers.
 */
template <int COLS>
NNBOOK_INLINE void packTransposedBytes(const unsigned char* const (&strip)[COLS], long kc, const double* scale, const double* shift,
                                       double* dst) {
  constexpr int full = COLS / W * W;
  long p = 0;
  for (; p + W <= kc; p += W) {
    const Vec s = *(const VecU*)(scale + p);
    const Vec h = *(const VecU*)(shift + p);
    for (int c0 = 0; c0 < full; c0 += W) {
      Vec r[W];
      for (int q = 0; q < W; q++) r[q] = decodeBytes(strip[c0 + q] + p, s, h);
      transposeBlock(r);
      for (int q = 0; q < W; q++) *(VecU*)(dst + (p + q) * COLS + c0) = r[q];
    }
    for (int c = full; c < COLS; c++) {
      for (int q = 0; q < W; q++) dst[(p + q) * COLS + c] = (double)strip[c][p + q] * scale[p + q] + shift[p + q];
    }
  }
  for (; p < kc; p++) {
    for (int c = 0; c < COLS; c++) dst[p * COLS + c] = (double)strip[c][p] * scale[p] + shift[p];
  }
}

/**
 * packB for bytes (GemmArgs::Bu8): the same panels, each element decoded as v·scale + shift of its
 * stored row of B, the product and the sum rounded separately (the file is compiled with
 * -ffp-contract=off), which are the bits of the float64 data set.
 */
void packBBytes(const GemmArgs& g, long p0, long kc, long j0, long nc, double* dst) {
  for (long jr = 0; jr < nc; jr += NR) {
    const long cols = minL(NR, nc - jr);
    const long j = j0 + jr;
    if (!g.transB) {  // op(B)(p, j) = byte p of column j: stored row p
      const unsigned char* strip[NR];
      for (long c = 0; c < NR; c++) strip[c] = c < cols ? g.Bu8 + columnStartB(g, j + c) + p0 : nullptr;
      const double* scale = g.bScale + p0;
      const double* shift = g.bShift + p0;
      if (cols == NR) {
        packTransposedBytes<NR>(strip, kc, scale, shift, dst);
      } else {
        for (long p = 0; p < kc; p++) {
          for (long c = 0; c < cols; c++) dst[p * cols + c] = (double)strip[c][p] * scale[p] + shift[p];
        }
      }
    } else {  // op(B)(p, j) = byte j of column p: stored row j
      const double* scale = g.bScale + j;
      const double* shift = g.bShift + j;
      for (long p = 0; p < kc; p++) {
        const unsigned char* src = g.Bu8 + columnStartB(g, p0 + p) + j;
        if (cols == NR) {
          constexpr int full = NR / W * W;
          for (int c = 0; c < full; c += W) *(VecU*)(dst + p * NR + c) = decodeBytes(src + c, *(const VecU*)(scale + c), *(const VecU*)(shift + c));
          for (int c = full; c < NR; c++) dst[p * NR + c] = (double)src[c] * scale[c] + shift[c];
        } else {
          for (long c = 0; c < cols; c++) dst[p * cols + c] = (double)src[c] * scale[c] + shift[c];
        }
      }
    }
    dst += cols * kc;
  }
}

/**
 * Packs op(B)[p0 : p0+kc, j0 : j0+nc] into panels of NR columns; the last panel holds exactly the
 * remaining columns. Panel q starts at q·NR·kc; inside a panel of width w, op(B)(p, c) sits at
 * p·w + c.
 */
void packB(const GemmArgs& g, long p0, long kc, long j0, long nc, double* dst) {
  if (g.Bu8) return packBBytes(g, p0, kc, j0, nc, dst);
  for (long jr = 0; jr < nc; jr += NR) {
    const long cols = minL(NR, nc - jr);
    const long j = j0 + jr;
    if (!g.transB) {  // op(B)(p, j) = column j of B at p: each column is a contiguous run of depth
      const double* strip[NR];
      for (long c = 0; c < NR; c++) strip[c] = c < cols ? columnB(g, j + c) + p0 : nullptr;
      if (cols == NR) {
        packTransposed<NR>(strip, kc, dst);
      } else {
        for (long p = 0; p < kc; p++) {
          for (long c = 0; c < cols; c++) dst[p * cols + c] = strip[c][p];
        }
      }
    } else {  // op(B)(p, j) = column p of B at j: each depth step is a contiguous run of columns
      for (long p = 0; p < kc; p++) {
        const double* src = columnB(g, p0 + p) + j;
        if (cols == NR) {
          copyRow<NR>(src, dst + p * NR);
        } else {
          for (long c = 0; c < cols; c++) dst[p * cols + c] = src[c];
        }
      }
    }
    dst += cols * kc;
  }
}

}  // namespace

#endif
