// Runtime CPU dispatch, packing workspaces and the optional two-thread split.
// Compiled with the baseline flags of the platform: nothing here may use AVX.
#include "dispatch.h"

#include <algorithm>
#include <cstdlib>

#include "worker.h"

namespace nnbook {

namespace {

bool cpuHasAvx2Fma() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

bool cpuHasAvx512f() {
#if defined(__x86_64__)
  __builtin_cpu_init();  // libgcc also checks that the OS saves the AVX-512 registers
  return __builtin_cpu_supports("avx512f");
#else
  return false;
#endif
}

struct VariantList {
  const Variant* items[4];
  int count = 0;
};

VariantList detectVariants() {
  VariantList list;
#if defined(__x86_64__) && defined(NNBOOK_X86_VARIANTS)
  const bool avx2 = cpuHasAvx2Fma();
  if (avx2 && cpuHasAvx512f()) list.items[list.count++] = &kVariantAvx512;
  if (avx2) list.items[list.count++] = &kVariantAvx2;
#endif
  list.items[list.count++] = &kVariantGeneric;
#if defined(__x86_64__) && defined(NNBOOK_X86_VARIANTS)
  if (avx2) list.items[list.count++] = &kVariantAvx2W8;  // test-only, listed last
#endif
  return list;
}

/** 64-byte-aligned packing and running-sum buffers, one set per thread, grown on demand and kept. */
struct Workspace {
  double* buffers[3] = {nullptr, nullptr, nullptr};
  size_t sizes[3] = {0, 0, 0};
  ~Workspace() {
    for (double* b : buffers) std::free(b);
  }
};

thread_local Workspace tlsWorkspace;

bool ensure(double*& buffer, size_t& size, size_t needed) {
  if (size >= needed) return true;
  std::free(buffer);
  const size_t bytes = (std::max<size_t>(needed, 1) * sizeof(double) + 63) / 64 * 64;
  buffer = static_cast<double*>(std::aligned_alloc(64, bytes));
  size = buffer ? needed : 0;
  return buffer != nullptr;
}

long roundUp(long a, long b) { return (a + b - 1) / b * b; }

/** Runs the product on the calling thread; false if the buffers could not be allocated. */
bool runOnThisThread(const Variant& v, const GemmArgs& g) {
  Workspace& ws = tlsWorkspace;
  long needed[3];
  v.sizes(g, &needed[0], &needed[1], &needed[2]);
  for (int i = 0; i < 3; i++) {
    if (!ensure(ws.buffers[i], ws.sizes[i], static_cast<size_t>(needed[i]))) return false;
  }
  v.run(g, ws.buffers[0], ws.buffers[1], ws.buffers[2]);
  return true;
}

/** C ← beta·C (beta = 0 clears C, so NaN there does not leak through). */
void scaleC(const GemmArgs& g) {
  if (g.beta == 1) return;
  for (long j = 0; j < g.n; j++) {
    double* c = g.C + j * g.ldc;
    if (g.beta == 0) std::fill(c, c + g.m, 0.0);
    else for (long i = 0; i < g.m; i++) c[i] *= g.beta;
  }
}

/** Splits the product into two halves along its longer side of C, on whole register tiles. */
void splitInTwo(const Variant& v, const GemmArgs& g, GemmArgs& first, GemmArgs& second) {
  first = g;
  second = g;
  if (g.n >= g.m) {
    const long n1 = std::min(g.n, roundUp((g.n + 1) / 2, v.nr));
    first.n = n1;
    second.n = g.n - n1;
    if (g.transB) {  // op(B)'s columns are B's rows (and so are the byte decoding's)
      if (g.Bu8) {
        second.Bu8 = g.Bu8 + n1;
        second.bScale = g.bScale + n1;
        second.bShift = g.bShift + n1;
      } else {
        second.B = g.B + n1;
      }
    } else if (g.bCols) {
      second.bCols = g.bCols + n1;
    } else if (g.Bu8) {
      second.Bu8 = g.Bu8 + n1 * g.ldb;
    } else {
      second.B = g.B + n1 * g.ldb;
    }
    second.C = g.C + n1 * g.ldc;
  } else {
    const long m1 = std::min(g.m, roundUp((g.m + 1) / 2, v.mr));
    first.m = m1;
    second.m = g.m - m1;
    second.A = g.transA ? g.A + m1 * g.lda : g.A + m1;
    second.C = g.C + m1;
  }
}

/** The half of a product that runs on the helper thread. */
struct HalfJob {
  const Variant* variant;
  GemmArgs args;
  bool ok;
};

void runHalf(void* context) {
  HalfJob* job = static_cast<HalfJob*>(context);
  job->ok = runOnThisThread(*job->variant, job->args);
}

/** One part of a depth-pipelined product (see Variant::runPart), run on either thread. */
struct PartJob {
  const Variant* variant;
  const GemmArgs* args;
  long p0, p1;
  double* sums;
  int* ready;
  long panels;
  bool ok;
};

/** Runs a part with this thread's packing buffers; a first part that cannot allocate them still
 * marks every panel (the result is then wrong, but the other part does not wait forever, and the
 * caller reports the failure). */
bool runPartHere(PartJob& job) {
  Workspace& ws = tlsWorkspace;
  long packA, packB;
  job.variant->partSizes(*job.args, job.p0, job.p1, &packA, &packB);
  if (!ensure(ws.buffers[0], ws.sizes[0], static_cast<size_t>(packA)) ||
      !ensure(ws.buffers[1], ws.sizes[1], static_cast<size_t>(packB))) {
    if (job.p0 == 0) {
      for (long i = 0; i < job.panels; i++) __atomic_store_n(&job.ready[i], 1, __ATOMIC_RELEASE);
    }
    return false;
  }
  job.variant->runPart(*job.args, job.p0, job.p1, ws.buffers[0], ws.buffers[1], job.sums, job.ready);
  return true;
}

void runPartJob(void* context) {
  PartJob* job = static_cast<PartJob*>(context);
  job->ok = runPartHere(*job);
}

/** The running sums and panel flags a pipelined product shares between its parts (the caller's). */
struct PipeBuffers {
  double* sums = nullptr;
  size_t sumsSize = 0;
  int* ready = nullptr;
  size_t readySize = 0;
  ~PipeBuffers() {
    std::free(sums);
    std::free(ready);
  }
};

thread_local PipeBuffers tlsPipe;

/**
 * A two-thread product as a depth pipeline: this thread takes the first half of the depth, the
 * helper thread the second, one column panel behind. The split point is where `splitInTwo` would
 * split a product with k columns (the gradient product of the same weights), so each thread reads
 * the weight columns it also updates. Without the helper (busy), both parts run here in turn.
 */
bool runPipelined(const Variant& v, const GemmArgs& g) {
  const long k1 = std::min(g.k, roundUp((g.k + 1) / 2, v.nr));
  const long panels = (g.n + v.nr - 1) / v.nr;
  PipeBuffers& pipe = tlsPipe;
  const size_t sumsNeeded = static_cast<size_t>(roundUp(g.m, v.mr) * roundUp(g.n, v.nr));
  if (!ensure(pipe.sums, pipe.sumsSize, sumsNeeded)) return false;
  if (pipe.readySize < static_cast<size_t>(panels)) {
    std::free(pipe.ready);
    pipe.ready = static_cast<int*>(std::malloc(static_cast<size_t>(panels) * sizeof(int)));
    pipe.readySize = pipe.ready ? static_cast<size_t>(panels) : 0;
    if (!pipe.ready) return false;
  }
  std::fill(pipe.ready, pipe.ready + panels, 0);
  PartJob first{&v, &g, 0, k1, pipe.sums, pipe.ready, panels, false};
  PartJob second{&v, &g, k1, g.k, pipe.sums, pipe.ready, panels, false};
  const bool handed = startOnWorker(&runPartJob, &second);
  first.ok = runPartHere(first);
  if (handed) waitForWorker();
  else runPartJob(&second);
  return first.ok && second.ok;
}

// Below this many multiply-adds the hand-over to the second thread costs more than it saves.
constexpr double kMinTwoThreadWork = 1 << 20;

}  // namespace

const Variant* const* supportedVariants(int* count) {
  static const VariantList list = detectVariants();
  *count = list.count;
  return list.items;
}

bool gemm(const Variant& v, int threads, const GemmArgs& g) {
  if (g.m <= 0 || g.n <= 0) return true;
  if (g.k <= 0 || g.alpha == 0) {
    scaleC(g);
    return true;
  }
  const double work = static_cast<double>(g.m) * static_cast<double>(g.n) * static_cast<double>(g.k);
  if (threads < 2 || work < kMinTwoThreadWork || std::max(g.m, g.n) < 2 * std::max(v.mr, v.nr)) {
    return runOnThisThread(v, g);
  }
  if (v.pipelined(g)) return runPipelined(v, g);
  HalfJob second{&v, {}, false};
  GemmArgs first;
  splitInTwo(v, g, first, second.args);
  const bool handed = startOnWorker(&runHalf, &second);
  const bool firstOk = runOnThisThread(v, first);
  if (handed) waitForWorker();
  else runHalf(&second);
  return firstOk && second.ok;
}

}  // namespace nnbook
