// Part of the kernel template (see gemm-impl.h): the compile-time configuration, the vector types
// and an in-register transpose. Like the rest of the template it lives in an anonymous namespace
// and reads the NNBOOK_* macros of the one translation unit that includes it.
#ifndef NNBOOK_GEMM_SIMD_H
#define NNBOOK_GEMM_SIMD_H

#include "gemm.h"

namespace {

using nnbook::GemmArgs;

constexpr int W = NNBOOK_W;
constexpr int MV = NNBOOK_MV;
constexpr int MR = W * MV;
constexpr int NR = NNBOOK_NR;
constexpr long MC = NNBOOK_MC;
constexpr long KC = NNBOOK_KC;
constexpr long NC = NNBOOK_NC;
static_assert(MC % MR == 0 && NC % NR == 0, "cache blocks must hold whole tiles");

typedef double Vec __attribute__((vector_size(W * 8)));
typedef double VecU __attribute__((vector_size(W * 8), aligned(8)));  // unaligned access

#define NNBOOK_INLINE __attribute__((always_inline)) inline

NNBOOK_INLINE long minL(long a, long b) { return a < b ? a : b; }
NNBOOK_INLINE long maxL(long a, long b) { return a > b ? a : b; }
NNBOOK_INLINE long roundUp(long a, long b) { return (a + b - 1) / b * b; }

// x − 0 is exactly x (also for −0), so this is a plain broadcast that the compiler can fold into
// a broadcast load; a lane-by-lane loop instead makes GCC build the vector with shuffles.
NNBOOK_INLINE Vec splat(double x) { return x - Vec{}; }

typedef long long Mask __attribute__((vector_size(W * 8)));

/** Shuffle masks of one transpose stage: swaps the off-diagonal H × H blocks of row pairs (i, i+H). */
template <int H>
NNBOOK_INLINE Mask lowMask() {
  Mask m;
  for (int e = 0; e < W; e++) m[e] = (e & H) == 0 ? e : W + e - H;
  return m;
}
template <int H>
NNBOOK_INLINE Mask highMask() {
  Mask m;
  for (int e = 0; e < W; e++) m[e] = (e & H) == 0 ? e + H : W + e;
  return m;
}

/** Transposes the W × W block held as W vectors r[0..W) in registers (log2 W shuffle stages). */
template <int H = W / 2>
NNBOOK_INLINE void transposeBlock(Vec* r) {
  const Mask lo = lowMask<H>();
  const Mask hi = highMask<H>();
  for (int i = 0; i < W; i++) {
    if ((i & H) == 0) {
      const Vec a = r[i];
      const Vec b = r[i + H];
      r[i] = __builtin_shuffle(a, b, lo);
      r[i + H] = __builtin_shuffle(a, b, hi);
    }
  }
  if constexpr (H > 1) transposeBlock<H / 2>(r);
}

}  // namespace

#endif
