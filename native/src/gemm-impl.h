// The blocked matrix product, written once and compiled once per instruction set.
//
// A translation unit defines NNBOOK_W (doubles per vector), NNBOOK_MV (vectors per tile column,
// so the tile has MR = W·MV rows), NNBOOK_NR (tile columns), NNBOOK_MC / NNBOOK_KC / NNBOOK_NC
// (cache blocks) and NNBOOK_VARIANT / NNBOOK_VARIANT_NAME, then includes this file. Everything
// here and in gemm-simd.h, gemm-pack.h and gemm-tile.h lives in an anonymous namespace so that no
// function compiled with one instruction set can be merged by the linker into code run on a CPU
// that lacks it; for the same reason these files use no standard-library header (only the
// compiler's <immintrin.h>, whose functions are always inlined) and the variant needs no dynamic
// initialisation.
//
// Scheme (the classic one for cache-blocked products): for each block of NC columns of op(B) and
// KC of depth, op(B) is packed into panels of NR columns (kept in L2/L3); for each block of MC rows
// of op(A), op(A) is packed into panels of MR rows (kept in L2); then every MR × NR tile of C is
// updated by a register-blocked micro-kernel that streams one A panel and one B panel (in L1).
// When all rows fit in one block (m ≤ MC, the common case in an MLP), each B panel is instead
// packed right before its tiles use it and the next panel's source is prefetched meanwhile.
//
// The arithmetic is fixed, so that every variant, thread count and blocking gives the same bits
// (and the TypeScript kernel too): element (i, j) is s ← 0; s ← s + op(A)(i,p)·op(B)(p,j) for
// p = 0, 1, …, k−1 (each product and each sum rounded; no FMA), then C ← alpha·s (beta = 0) or
// (alpha·s) + (beta·C). A depth split into blocks of KC carries each tile's running sums from one
// block to the next in a scratch buffer, so the blocking never reorders the sum; for that the
// loops run columns → rows → depth, and the column block shrinks until the sums fit in L2.
#include "element-ops-impl.h"
#include "gemm-pack.h"
#include "gemm-tile.h"

namespace {

/** One block of the product: rows ic…ic+mc of C, columns jc…jc+nc, depth pc…pc+kc. */
struct Block {
  long ic, mc, jc, nc, pc, kc;
  bool firstDepth, lastDepth;  // pc = 0; pc + kc = k
};

/** The block steps of a product: balanced blocks of at most MC rows, KC depth and NC columns. */
struct Steps {
  long mc, kc, nc;
  bool lazyB;  // one block of rows: every panel of B̃ is used once, packed right before use
  bool split;  // several depth blocks: tiles carry running sums in the scratch buffer
};

/** The source of packB(g, p0, kc, j0, nc, ·): columns of B (no transB) or rows of depth, in bytes. */
Region sourceB(const GemmArgs& g, long p0, long kc, long j0, long nc) {
  const char* B = g.Bu8 ? (const char*)g.Bu8 : (const char*)g.B;
  const long size = g.Bu8 ? 1 : 8;  // bytes per element
  if (nc <= 0 || kc <= 0) return Region{B, 0, 0, 0, nullptr};
  if (!g.transB) {
    if (g.bCols) return Region{B + p0 * size, kc * size, nc, g.ldb * size, g.bCols + j0};
    return Region{B + (p0 + j0 * g.ldb) * size, kc * size, nc, g.ldb * size, nullptr};
  }
  if (g.bCols) return Region{B + j0 * size, nc * size, kc, g.ldb * size, g.bCols + p0};
  return Region{B + (j0 + p0 * g.ldb) * size, nc * size, kc, g.ldb * size, nullptr};
}

/**
 * The tiles of one packed B̃ panel (`cols` ≤ NR columns, C's column jc on) over rows ic … ic+mc−1
 * and one depth block (kc deep, Ã packed at `pa`), sharing the prefetching of `next` (the source of
 * the next packing call). `panelSums`: the running sums of this panel's tiles, one after the other
 * (nullptr when the depth is one block).
 */
void panelTiles(const GemmArgs& g, long ic, long mc, long jc, int cols, long kc, const double* pa, const double* b,
                const Region& next, double* panelSums, bool firstDepth, bool lastDepth) {
  const long tiles = (mc + MR - 1) / MR;
  const long share = (next.lines() * next.strips + tiles - 1) / tiles;
  const auto args = [&](long ir, long t) {
    return TileArgs{kc, pa + ir * kc, b, g.alpha, g.beta, g.C + (ic + ir) + jc * g.ldc, g.ldc, minL(MR, mc - ir),
                    PrefetchCursor::of(next, t * share, share, (kc + 3) / 4),
                    panelSums ? panelSums + t * (MR * NR) : nullptr, firstDepth, lastDepth};
  };
  for (long ir = 0, t = 0; ir < mc; ir += MR, t++) {
    const long rows = minL(MR, mc - ir);
    const long below = mc - ir - rows;
    if (below > 0 && useTileWithRows(below, cols)) {
      // the last full tile also runs the panel's last rows (fewer than a vector) below it
      tilesWithRows((int)below, args(ir, t), args(ir + MR, t + 1));
      return;
    }
    if (useRowTile(rows, cols)) rowTiles((int)rows, args(ir, t));
    else tileRows<MV>((int)((rows + W - 1) / W), cols, args(ir, t));
  }
}

/**
 * Updates block `k` of C from packed Ã (mc × kc) and B̃ (kc × nc), tile by tile. With `lazyB`,
 * B̃ is not packed yet: each panel of NR columns is packed into the start of `pb` just before
 * its tiles use it, so it stays in L1 (worth it when this block is the only one using B̃), while
 * the tiles share the prefetching of the next panel's source.
 */
void macroKernel(const GemmArgs& g, const Block& k, const double* pa, double* pb, bool lazyB,
                 double* sums) {
  const long tiles = (k.mc + MR - 1) / MR;
  for (long jr = 0; jr < k.nc; jr += NR) {
    const int cols = (int)minL(NR, k.nc - jr);
    const double* b = pb + jr * k.kc;
    Region next = Region{nullptr, 0, 0, 0, nullptr};
    if (lazyB) {
      packB(g, k.pc, k.kc, k.jc + jr, cols, pb);
      b = pb;
      next = sourceB(g, k.pc, k.kc, k.jc + jr + NR, minL(NR, k.nc - jr - NR));
    }
    double* panelSums = sums ? sums + jr / NR * tiles * (MR * NR) : nullptr;
    panelTiles(g, k.ic, k.mc, k.jc + jr, cols, k.kc, pa, b, next, panelSums, k.firstDepth, k.lastDepth);
  }
}

/** Splits `total` into the fewest blocks of at most `block`, of nearly equal size (a multiple of `unit`). */
long balancedBlock(long total, long block, long unit) {
  const long count = (total + block - 1) / block;
  return minL(block, roundUp((total + count - 1) / count, unit));
}

// Running sums of one block of rows × columns, in doubles: 32 K doubles (256 KB) stay in L2.
constexpr long kSumsBudget = 32 * 1024;

Steps steps(const GemmArgs& g) {
  Steps s;
  s.kc = balancedBlock(g.k, KC, 1);
  s.mc = balancedBlock(g.m, MC, MR);
  s.lazyB = g.m <= s.mc;
  s.split = g.k > s.kc;
  const long ncMax = s.split ? maxL(NR, kSumsBudget / roundUp(s.mc, MR) / NR * NR) : NC;
  s.nc = balancedBlock(g.n, minL(NC, ncMax), NR);
  return s;
}

/** Doubles of packing and scratch space `run` needs (see Variant). */
void sizes(const GemmArgs& g, long* packA, long* packB, long* sums) {
  const Steps s = steps(g);
  *packA = roundUp(s.mc, MR) * s.kc;
  *packB = roundUp(s.nc, NR) * s.kc;
  *sums = s.split ? roundUp(s.mc, MR) * roundUp(s.nc, NR) : 0;
}

void run(const GemmArgs& g, double* packedA, double* packedB, double* sums) {
  const Steps s = steps(g);
  for (long jc = 0; jc < g.n; jc += s.nc) {
    const long nc = minL(s.nc, g.n - jc);
    // One depth block: B̃ is packed once for all row blocks; split depth: once per row block.
    if (!s.lazyB && !s.split) packB(g, 0, g.k, jc, nc, packedB);
    for (long ic = 0; ic < g.m; ic += s.mc) {
      const long mc = minL(s.mc, g.m - ic);
      for (long pc = 0; pc < g.k; pc += s.kc) {
        const long kc = minL(s.kc, g.k - pc);
        if (!s.lazyB && s.split) packB(g, pc, kc, jc, nc, packedB);
        packA(g, ic, mc, pc, kc, packedA);
        const Block block = {ic, mc, jc, nc, pc, kc, pc == 0, pc + kc == g.k};
        macroKernel(g, block, packedA, packedB, s.lazyB, s.split ? sums : nullptr);
      }
    }
  }
}

/**
 * Whether a two-thread product runs as a depth pipeline (see runPart): one block of rows (m ≤ MC),
 * a deep product (at least two depth blocks), and a mini-batch of columns: enough panels for the
 * pipeline to fill, at most kPipelineCols. Measured side by side on the first layer of a CIFAR-10
 * MLP (50 × 3,072 weights, batch 100, AVX-512, 2 cores): the forward product followed by the
 * gradient product that updates the same weights, 0.78 → 0.62 ms, as neither core reads the weight
 * columns the other one just wrote; the 2,000-column blocks of an evaluation pass are ≈ 4 % faster
 * split by columns.
 */
constexpr long kPipelineCols = 512;
bool pipelined(const GemmArgs& g) { return g.m <= MC && g.k >= 2 * KC && g.n >= 4 * NR && g.n <= kPipelineCols; }

/** Doubles of packing space `runPart` needs for depth p0…p1: all of Ã's range, one B̃ panel. */
void partSizes(const GemmArgs& g, long p0, long p1, long* packA, long* packB) {
  *packA = roundUp(g.m, MR) * roundUp(p1 - p0, KC);
  *packB = NR * KC;
}

/**
 * One half of a depth-pipelined product: every row and column of C, depth p0 … p1−1. The first
 * half (p0 = 0) starts each tile's sums from 0 and leaves them in `sums`, then marks the column
 * panel in `ready`; the second half (p1 = k) waits for each panel's mark, continues those sums
 * over the rest of the depth and stores C. The sums run over p = 0 … k−1 in order as in `run`, so
 * the bits are the same. Each thread packs only its own range of op(A) once (a layer's weights:
 * the columns its thread also updates in the gradient product, which splits its columns at the
 * same place) and decodes only its own rows of B.
 */
void runPart(const GemmArgs& g, long p0, long p1, double* packedA, double* packedB, double* sums, int* ready) {
  const long rowsPacked = roundUp(g.m, MR);
  const long tiles = rowsPacked / MR;
  for (long pc = p0, b = 0; pc < p1; pc += KC, b++) packA(g, 0, g.m, pc, minL(KC, p1 - pc), packedA + b * rowsPacked * KC);
  for (long jr = 0; jr < g.n; jr += NR) {
    const int cols = (int)minL(NR, g.n - jr);
    if (p0 > 0) {
      while (__atomic_load_n(&ready[jr / NR], __ATOMIC_ACQUIRE) == 0) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
      }
    }
    for (long pc = p0, b = 0; pc < p1; pc += KC, b++) {
      const long kc = minL(KC, p1 - pc);
      packB(g, pc, kc, jr, cols, packedB);
      // prefetch the source of the next packing call: the next depth block, else the next panel
      const long nextPc = pc + kc < p1 ? pc + kc : p0;
      const long nextJr = pc + kc < p1 ? jr : jr + NR;
      const Region next = sourceB(g, nextPc, minL(KC, p1 - nextPc), nextJr, minL(NR, g.n - nextJr));
      panelTiles(g, 0, g.m, jr, cols, kc, packedA + b * rowsPacked * KC, packedB, next,
                 sums + jr / NR * tiles * (MR * NR), pc == 0, pc + kc == g.k);
    }
    if (p1 < g.k) __atomic_store_n(&ready[jr / NR], 1, __ATOMIC_RELEASE);
  }
}

}  // namespace

namespace nnbook {
extern const Variant NNBOOK_VARIANT = {NNBOOK_VARIANT_NAME, MR, NR, &sizes, &run, &kElementOps,
                                       &pipelined, &partSizes, &runPart};
}  // namespace nnbook
