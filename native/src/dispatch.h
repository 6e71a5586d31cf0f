// Choosing a kernel variant for this CPU and running a product on one or two threads.
#ifndef NNBOOK_DISPATCH_H
#define NNBOOK_DISPATCH_H

#include "gemm.h"

namespace nnbook {

/** The variants this CPU can run, fastest first; `count` receives their number. */
const Variant* const* supportedVariants(int* count);

/**
 * C ← alpha·op(A)·op(B) + beta·C with variant `v` on `threads` (1 or 2) threads. Handles every
 * shape, empty ones included; beta = 0 ignores C's previous contents. Arguments must already be
 * validated (dimensions ≥ 0, leading dimensions and array lengths large enough). Returns false
 * when the packing buffers (a few megabytes) could not be allocated.
 */
bool gemm(const Variant& v, int threads, const GemmArgs& g);

}  // namespace nnbook

#endif
