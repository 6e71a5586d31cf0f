// Part of the kernel template (see gemm-impl.h): the register-blocked micro-kernel, which also
// prefetches the source of the next packing call while it computes.
#ifndef NNBOOK_GEMM_TILE_H
#define NNBOOK_GEMM_TILE_H

#include "gemm-simd.h"

namespace {

/**
 * `strips` runs of `len` bytes: the source of one packing call. Strip s starts at
 * base + s·stride bytes, or at base + index[s]·stride when `index` is given (columns picked by bCols).
 */
struct Region {
  const char* base;
  long len;
  long strips;
  long stride;
  const int* index;

  /** Cache lines (64 bytes) per strip. */
  long lines() const { return (len + 63) / 64; }
};

/** Walks the cache lines of a Region from a given line on, one line per call of next(). */
struct PrefetchCursor {
  const char* base = nullptr;
  const int* index = nullptr;
  long strip = 0;
  long offset = 0;
  long len = 0;
  long stride = 0;
  long remaining = 0;
  int perCall = 1;  // lines per next()

  /**
   * The lines first … first+count-1 of `r`, counted strip by strip, spread over `calls` calls of
   * next() (so a tile with fewer depth steps than lines still fetches all of its share).
   */
  static PrefetchCursor of(const Region& r, long first, long count, long calls) {
    PrefetchCursor c;
    const long lines = r.lines();
    if (lines == 0 || r.strips == 0) return c;
    const long total = lines * r.strips;
    if (first >= total) return c;
    c.base = r.base;
    c.index = r.index;
    c.strip = first / lines;
    c.offset = first % lines * 64;
    c.len = r.len;
    c.stride = r.stride;
    c.remaining = minL(count, total - first);
    c.perCall = (int)maxL(1, (c.remaining + calls - 1) / maxL(calls, 1));
    return c;
  }

  NNBOOK_INLINE void next() {
    for (int i = 0; i < perCall && remaining > 0; i++) {
      __builtin_prefetch(base + (index ? (long)index[strip] : strip) * stride + offset, 0, 3);
      offset += 64;
      if (offset >= len) {
        offset = 0;
        strip++;
      }
      remaining--;
    }
  }
};

/**
 * The depth loop of a tile over `kc` steps: runs of 4 steps with one prefetch of the cursor `pf`
 * each, then the remaining steps one by one; the braced statements after `pf` are one depth step.
 * A macro rather than a function taking the step as a lambda: through a lambda GCC 12 kept the 24
 * accumulators of the AVX-512 tile on the stack (measured: 10 % slower).
 */
#define NNBOOK_DEPTH_LOOP(kc, pf, ...)                                            \
  for (long p_ = 0, run_; (run_ = (kc) - p_ >= 4 ? 4 : (kc) - p_) > 0; p_ += run_) { \
    (pf).next();                                                                  \
    _Pragma("GCC unroll 4") for (long u_ = 0; u_ < run_; u_++) __VA_ARGS__        \
  }

/** Everything a micro-kernel call needs besides its tile shape. */
struct TileArgs {
  long kc;
  const double* a;  // packed A panel, kc deep
  const double* b;  // packed B panel, kc deep
  double alpha;
  double beta;
  double* C;  // the tile's top-left element
  long ldc;
  long rows;  // rows of the tile that exist in C
  PrefetchCursor prefetch;  // source of the next packing call, one line per 4 depth steps
  // The running sums of a product whose depth is split into several blocks: the first block
  // starts from 0, later ones continue from `sums`; every block but the last saves its sums
  // there instead of storing into C (MR × NR doubles per tile, nullptr when k is one block).
  double* sums;
  bool firstDepth;
  bool lastDepth;
};

/**
 * C ← alpha·acc + beta·C on the tile (only its first t.rows rows when it is cut off), as the
 * three rounded operations (alpha·acc) + (beta·C), or the one alpha·acc when beta = 0: the
 * arithmetic every kernel shares (see gemm-impl.h).
 */
template <int MVt, int NRt>
NNBOOK_INLINE void storeTile(const TileArgs& t, Vec (&acc)[MVt][NRt]) {
  const Vec al = splat(t.alpha);
  double* C = t.C;
  const long ldc = t.ldc;
  if (t.rows == MVt * W) {
    if (t.beta == 0) {
      for (int j = 0; j < NRt; j++) {
        for (int v = 0; v < MVt; v++) *(VecU*)(C + j * ldc + v * W) = al * acc[v][j];
      }
    } else {
      const Vec be = splat(t.beta);
      for (int j = 0; j < NRt; j++) {
        for (int v = 0; v < MVt; v++) {
          VecU* c = (VecU*)(C + j * ldc + v * W);
          *c = al * acc[v][j] + be * *c;
        }
      }
    }
    return;
  }
  double r[MVt * W * NRt];  // a partial tile goes through memory, element by element
  for (int j = 0; j < NRt; j++) {
    for (int v = 0; v < MVt; v++) *(VecU*)(r + j * MVt * W + v * W) = al * acc[v][j];
  }
  for (int j = 0; j < NRt; j++) {
    for (long i = 0; i < t.rows; i++) {
      double* c = C + j * ldc + i;
      *c = t.beta == 0 ? r[j * MVt * W + i] : r[j * MVt * W + i] + t.beta * *c;
    }
  }
}

/** Saves (or, with `load`, restores) the tile's running sums at t.sums, slot layout [j][v]. */
template <int MVt, int NRt>
NNBOOK_INLINE void moveSums(const TileArgs& t, Vec (&acc)[MVt][NRt], bool load) {
  for (int j = 0; j < NRt; j++) {
    for (int v = 0; v < MVt; v++) {
      VecU* s = (VecU*)(t.sums + (j * MVt + v) * W);
      if (load) acc[v][j] = *s;
      else *s = acc[v][j];
    }
  }
}

/** A tile's sums at the start of a depth block: 0 on the first block, else the saved running sums. */
template <int MVt, int NRt>
NNBOOK_INLINE void beginTile(const TileArgs& t, Vec (&acc)[MVt][NRt]) {
  if (t.firstDepth) {
    for (int j = 0; j < NRt; j++) {
      for (int v = 0; v < MVt; v++) acc[v][j] = splat(0.0);
    }
  } else {
    moveSums<MVt, NRt>(t, acc, true);
  }
}

/** A tile's end of a depth block: C updated on the last block, else the running sums saved. */
template <int MVt, int NRt>
NNBOOK_INLINE void endTile(const TileArgs& t, Vec (&acc)[MVt][NRt]) {
  if (t.lastDepth) storeTile<MVt, NRt>(t, acc);
  else moveSums<MVt, NRt>(t, acc, false);
}

/**
 * The micro-kernel: the (W·MVt) × NRt tile C ← alpha·Ã·B̃ + beta·C, where Ã is a packed panel of
 * width W·MVt and B̃ a packed panel of width NRt. Only the first `rows` rows of the tile exist in
 * C; beta = 0 overwrites C without reading it. Meanwhile it prefetches the lines of its cursors.
 *
 * Each lane of an accumulator is one element's sum s ← s + a·b over the depth, in depth order,
 * with a rounded product and a rounded sum (the file is compiled with -ffp-contract=off, so no
 * FMA): vectors run across output elements, never across the depth.
 */
template <int MVt, int NRt>
NNBOOK_INLINE void tile(const TileArgs& t) {
  const double* a = t.a;
  const double* b = t.b;
  PrefetchCursor pf = t.prefetch;
  Vec acc[MVt][NRt];
  beginTile<MVt, NRt>(t, acc);
  NNBOOK_DEPTH_LOOP(t.kc, pf, {
    Vec av[MVt];
    for (int v = 0; v < MVt; v++) av[v] = *(const Vec*)(a + v * W);
    for (int j = 0; j < NRt; j++) {
      const Vec bj = splat(b[j]);
      for (int v = 0; v < MVt; v++) acc[v][j] = acc[v][j] + av[v] * bj;
    }
    a += MVt * W;
    b += NRt;
  })
  endTile<MVt, NRt>(t, acc);
}

/**
 * The tile of a panel's last R < W rows (then Ã's panel is W wide, zero-padded), for a full B̃
 * panel: here vectors run across the tile's NR columns instead of its rows, so a depth step costs
 * one load of B̃'s row, R broadcasts of Ã and 2·R vector operations, where the row-vector tile
 * (one vector of W rows, most of them padding) costs NR broadcasts and 2·NR operations. The same
 * sums in the same order, so the same bits. Its running sums use the tile's slot as [row][column].
 */
template <int R>
NNBOOK_INLINE void rowTileLoad(const TileArgs& t, Vec (&acc)[R][NR / W]) {
  for (int r = 0; r < R; r++) {
    for (int v = 0; v < NR / W; v++) acc[r][v] = t.firstDepth ? splat(0.0) : *(const VecU*)(t.sums + r * NR + v * W);
  }
}

/** One depth step of rowTile's sums: B̃'s row at b, Ã's R values at a. */
template <int R>
NNBOOK_INLINE void rowTileStep(Vec (&acc)[R][NR / W], const double* a, const double* b) {
  constexpr int NV = NR / W;  // vectors per row of B̃
  Vec bv[NV];
  for (int v = 0; v < NV; v++) bv[v] = *(const Vec*)(b + v * W);
  for (int r = 0; r < R; r++) {
    const Vec ar = splat(a[r]);
    for (int v = 0; v < NV; v++) acc[r][v] = acc[r][v] + ar * bv[v];
  }
}

/** rowTile's end: saves the running sums, or on the last depth block C ← (alpha·s) + (beta·C). */
template <int R>
NNBOOK_INLINE void rowTileStore(const TileArgs& t, Vec (&acc)[R][NR / W]) {
  constexpr int NV = NR / W;
  if (!t.lastDepth) {
    for (int r = 0; r < R; r++) {
      for (int v = 0; v < NV; v++) *(VecU*)(t.sums + r * NR + v * W) = acc[r][v];
    }
    return;
  }
  // element by element, as storeTile does (alpha·s alone when beta = 0)
  double s[R * NR];
  const Vec al = splat(t.alpha);
  for (int r = 0; r < R; r++) {
    for (int v = 0; v < NV; v++) *(VecU*)(s + r * NR + v * W) = al * acc[r][v];
  }
  for (int j = 0; j < NR; j++) {
    double* c = t.C + j * t.ldc;
    for (int r = 0; r < R; r++) c[r] = t.beta == 0 ? s[r * NR + j] : s[r * NR + j] + t.beta * c[r];
  }
}

template <int R>
NNBOOK_INLINE void rowTile(const TileArgs& t) {
  const double* a = t.a;
  const double* b = t.b;
  PrefetchCursor pf = t.prefetch;
  Vec acc[R][NR / W];
  rowTileLoad<R>(t, acc);
  NNBOOK_DEPTH_LOOP(t.kc, pf, {
    rowTileStep<R>(acc, a, b);
    a += W;
    b += NR;
  })
  rowTileStore<R>(t, acc);
}

/** Two prefetch cursors advanced together (the two tiles of tileWithRows). */
struct CursorPair {
  PrefetchCursor first, second;
  NNBOOK_INLINE void next() {
    first.next();
    second.next();
  }
};

/**
 * A full MR × NR tile `t` and the R < W rows below it, `x` (rowTile's arguments: the panel's last
 * rows), in one pass over the depth. rowTile alone is bound by the latency of its R accumulation
 * chains (R = 2 for a 50-row layer: two dependent additions per depth step, the other units idle);
 * here those chains ride along the full tile's independent work. Each tile keeps its own sums,
 * operations and order (tile's and rowTile's), so the same bits.
 */
template <int R>
NNBOOK_INLINE void tileWithRows(const TileArgs& t, const TileArgs& x) {
  const double* a = t.a;
  const double* ax = x.a;
  const double* b = t.b;
  CursorPair pf = {t.prefetch, x.prefetch};
  Vec acc[MV][NR];
  Vec accx[R][NR / W];
  beginTile<MV, NR>(t, acc);
  rowTileLoad<R>(x, accx);
  NNBOOK_DEPTH_LOOP(t.kc, pf, {
    Vec av[MV];
    for (int v = 0; v < MV; v++) av[v] = *(const Vec*)(a + v * W);
    for (int j = 0; j < NR; j++) {
      const Vec bj = splat(b[j]);
      for (int v = 0; v < MV; v++) acc[v][j] = acc[v][j] + av[v] * bj;
    }
    rowTileStep<R>(accx, ax, b);
    a += MR;
    ax += W;
    b += NR;
  })
  endTile<MV, NR>(t, acc);
  rowTileStore<R>(x, accx);
}

/** rowTile with R = rows (1 ≤ rows < W) chosen at compile time; only where B̃'s rows are whole vectors. */
template <int R = W - 1>
void rowTiles(int rows, const TileArgs& t) {
  if constexpr (NR % W == 0) {
    if constexpr (R > 1) {
      if (rows < R) return rowTiles<R - 1>(rows, t);
    }
    rowTile<R>(t);
  }
}

/** Whether the tile of `rows` rows and `cols` columns goes to rowTile. */
NNBOOK_INLINE bool useRowTile(long rows, int cols) { return NR % W == 0 && rows < W && cols == NR; }

// tileWithRows holds MV·NR + R accumulators, MV vectors of Ã, B̃'s row and a product in registers:
// up to 3 rows below a full tile with AVX-512's 32 vector registers (measured in the compiled
// code: none spilled for R ≤ 3, more and more from 4 on), 1 with 16 (SSE2, the generic variant).
constexpr int kVectorRegisters = W == 8 ? 32 : 16;
constexpr int kMaxRiderRows = kVectorRegisters - MV * NR - MV - 2 * (NR / W);

/** Whether a panel's last `rows` rows below a full tile of `cols` columns go with it to tileWithRows. */
NNBOOK_INLINE bool useTileWithRows(long rows, int cols) { return useRowTile(rows, cols) && rows <= kMaxRiderRows; }

/** tileWithRows with R = x.rows (1 ≤ R ≤ kMaxRiderRows) chosen at compile time; only where rowTile exists. */
template <int R = (kMaxRiderRows < W - 1 ? kMaxRiderRows : W - 1)>
void tilesWithRows(int rows, const TileArgs& t, const TileArgs& x) {
  if constexpr (NR % W == 0) {
    if constexpr (R > 1) {
      if (rows < R) return tilesWithRows<R - 1>(rows, t, x);
    }
    tileWithRows<R>(t, x);
  }
}

/** Picks the tile with MVt vectors and `cols` (≤ NRt) columns at compile time. */
template <int MVt, int NRt>
void tileCols(int cols, const TileArgs& t) {
  if constexpr (NRt > 1) {
    if (cols < NRt) return tileCols<MVt, NRt - 1>(cols, t);
  }
  tile<MVt, NRt>(t);
}

/** Picks the tile with `vecs` (≤ MVt) vectors of rows. */
template <int MVt>
void tileRows(int vecs, int cols, const TileArgs& t) {
  if constexpr (MVt > 1) {
    if (vecs < MVt) return tileRows<MVt - 1>(vecs, cols, t);
  }
  tileCols<MVt, NR>(cols, t);
}

}  // namespace

#endif
