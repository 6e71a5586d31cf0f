// Shared declarations of the native matrix-product kernel (see gemm-impl.h for the algorithm).
//
// Everything here is plain data: the per-instruction-set translation units include this header
// while compiled with AVX-512/AVX2 flags, so it must not define any inline function or template
// that the linker could merge with a copy compiled for another instruction set.
#ifndef NNBOOK_GEMM_H
#define NNBOOK_GEMM_H

#include "element-ops.h"

namespace nnbook {

/**
 * C ← alpha·op(A)·op(B) + beta·C, column-major; op(A) is m × k, op(B) is k × n, C is m × n.
 * With `bCols`, B's stored column c is column bCols[c] of the array at B (a mini-batch of a data
 * set's columns, used without copying them); nullptr: column c is column c.
 * With `Bu8` (then B is nullptr), B's elements are bytes, each standing for the double
 * Bu8[r + c·ldb]·bScale[r] + bShift[r] of its stored row r (rounded after the product and after the
 * sum, no FMA: the bits a data set's float64 conversion gives); the packing decodes them.
 */
struct GemmArgs {
  bool transA;
  bool transB;
  long m;
  long n;
  long k;
  double alpha;
  const double* A;
  long lda;
  const double* B;
  long ldb;
  const int* bCols;
  const unsigned char* Bu8;
  const double* bScale;
  const double* bShift;
  double beta;
  double* C;
  long ldc;
};

/**
 * One compiled variant of the kernel. `run` needs m, n, k ≥ 1 and alpha ≠ 0 (the dispatcher
 * handles the rest) and buffers of at least the sizes `sizes` gives (in doubles), 64-byte aligned:
 * two for packing, and one for the running sums when the depth is split (size 0 otherwise).
 */
struct Variant {
  const char* name;
  int mr;  // rows of the register tile
  int nr;  // columns of the register tile
  void (*sizes)(const GemmArgs& g, long* packA, long* packB, long* sums);
  void (*run)(const GemmArgs& g, double* packA, double* packB, double* sums);
  const ElementOps* elementOps;  // the element-wise passes, compiled with the same flags
  // The depth pipeline of two threads (see gemm-impl.h's runPart): whether a product takes it, the
  // packing space of one part, and one part: depth p0 … p1−1, with `sums` of
  // roundUp(m, mr)·roundUp(n, nr) doubles and one `ready` flag per nr columns (zeroed) shared by both.
  bool (*pipelined)(const GemmArgs& g);
  void (*partSizes)(const GemmArgs& g, long p0, long p1, long* packA, long* packB);
  void (*runPart)(const GemmArgs& g, long p0, long p1, double* packA, double* packB, double* sums, int* ready);
};

extern const Variant kVariantGeneric;  // 2 doubles per vector: SSE2 on x86-64, NEON on arm64
#if defined(__x86_64__) && defined(NNBOOK_X86_VARIANTS)
extern const Variant kVariantAvx2;     // AVX2 + FMA, 8 × 6 tiles
extern const Variant kVariantAvx512;   // AVX-512F, 24 × 8 tiles
extern const Variant kVariantAvx2W8;   // the AVX-512 blocking compiled for AVX2: tests only
#endif

}  // namespace nnbook

#endif
