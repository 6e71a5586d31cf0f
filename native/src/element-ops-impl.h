// Part of the kernel template (see gemm-impl.h): the element-wise passes of element-ops.h, compiled
// with each variant's flags (so AVX-512 code runs them on an AVX-512 machine), in the anonymous
// namespace like the rest of the template. Every operation is the JavaScript one (each rounded, no
// FMA: -ffp-contract=off) in the same order, at every vector width, so every variant gives the same
// bits. The loops walk the data in memory order (columns outer, rows inner) with one running value
// per row, so each row's sums still run over j = 0 … n−1 in order while the compiler vectorizes
// across rows.
#ifndef NNBOOK_ELEMENT_OPS_IMPL_H
#define NNBOOK_ELEMENT_OPS_IMPL_H

#include "element-ops.h"
#include "gemm-simd.h"

namespace {

bool biasBnRelu(double* S, long m, long n, const double* bias, const double* mu, const double* inv, const double* gamma,
                const double* beta) {
  double bad = 0;
  for (long j = 0; j < n; j++) {
    double* col = S + j * m;
    for (long i = 0; i < m; i++) {
      const double s = col[i] + bias[i];
      bad += s - s;  // 0, or NaN once some s is NaN or ±∞
      const double v = gamma[i] * ((s - mu[i]) * inv[i]) + beta[i];
      col[i] = v > 0.0 ? v : (v != v ? v : 0.0);  // Math.max(v, 0)
    }
  }
  return bad == 0;
}

void bnRowStats(const double* __restrict S, long m, long n, double* __restrict mu, double* __restrict v) {
  for (long i = 0; i < m; i++) mu[i] = 0.0;
  for (long j = 0; j < n; j++) {
    const double* col = S + j * m;
    for (long i = 0; i < m; i++) mu[i] += col[i];
  }
  const double count = static_cast<double>(n);
  for (long i = 0; i < m; i++) {
    mu[i] = mu[i] / count;
    v[i] = 0.0;
  }
  for (long j = 0; j < n; j++) {
    const double* col = S + j * m;
    for (long i = 0; i < m; i++) {
      const double c = col[i] - mu[i];
      v[i] += c * c;
    }
  }
  for (long i = 0; i < m; i++) v[i] = v[i] / count;
}

void bnNormalize(const double* __restrict S, long m, long n, const double* __restrict mu, const double* __restrict inv,
                 const double* __restrict gamma, const double* __restrict beta, double* __restrict SHat,
                 double* __restrict out, double* __restrict H) {
  for (long j = 0; j < n; j++) {
    const long o = j * m;
    if (H) {
      for (long i = 0; i < m; i++) {
        const double sh = (S[o + i] - mu[i]) * inv[i];
        SHat[o + i] = sh;
        const double v = gamma[i] * sh + beta[i];
        out[o + i] = v;
        H[o + i] = v > 0.0 ? v : (v != v ? v : 0.0);  // Math.max(v, 0)
      }
    } else {
      for (long i = 0; i < m; i++) {
        const double sh = (S[o + i] - mu[i]) * inv[i];
        SHat[o + i] = sh;
        out[o + i] = gamma[i] * sh + beta[i];
      }
    }
  }
}

void bnReluBackward(const double* __restrict A, const double* dOut, const double* __restrict SHat,
                    const double* __restrict gamma, const double* __restrict inv, long m, long n, double* dS,
                    double* __restrict dGamma, double* __restrict dBeta) {
  for (long i = 0; i < m; i++) {
    dGamma[i] = 0.0;
    dBeta[i] = 0.0;
  }
  for (long j = 0; j < n; j++) {
    const long o = j * m;
    // dS may be dOut: each element is read before it is written at the same index, so no
    // iteration depends on another's store and the loop may be vectorized either way
#pragma GCC ivdep
    for (long i = 0; i < m; i++) {
      const double d = dOut[o + i];
      const double g = A[o + i] > 0.0 ? d : 0.0;
      dS[o + i] = g;
      dBeta[i] += g;
      dGamma[i] += g * SHat[o + i];
    }
  }
  const double invN = 1.0 / static_cast<double>(n);
  for (long j = 0; j < n; j++) {
    const long o = j * m;
    for (long i = 0; i < m; i++) {
      const double c = gamma[i] * inv[i];
      dS[o + i] = c * (dS[o + i] - dBeta[i] * invN - SHat[o + i] * (dGamma[i] * invN));
    }
  }
}

typedef int VecI32 __attribute__((vector_size(W * 4)));

// vector casts between types of the same size reinterpret the bits (GCC's vector extension)
NNBOOK_INLINE Vec bitsToVec(Mask bits) { return (Vec)bits; }
NNBOOK_INLINE Mask vecToBits(Vec v) { return (Mask)v; }
NNBOOK_INLINE Vec vecFromBits(long long bits) { return bitsToVec(bits - Mask{}); }

/**
 * JavaScript's Math.exp, bit for bit, W lanes at a time. V8 computes Math.exp with its port of
 * fdlibm's exp (Sun's freely distributable libm, 1993), so the native softmax uses the same
 * algorithm, written here from its description, to give the TypeScript kernel's bits:
 *
 *   reduce  x = k·ln2 + r, |r| ≤ ln2/2: k = 0 for |x| ≤ ln2/2, ±1 up to 1.5·ln2, else
 *           trunc(x/ln2 ± 1/2); r = hi − lo with ln2 split into a head (exact k·ln2_hi) and a tail;
 *   approx  c = r − r²·(P1 + r²·(P2 + … + r²·P5)), then e^r = 1 − ((lo − r·c/(2 − c)) − hi)
 *           (k = 0: 1 − (r·c/(c − 2) − r));
 *   scale   e^x = 2^k·e^r, 2^k built from its exponent bits;
 *   special NaN → x + x, x > 709.78… → +∞, x < −745.13… → +0, |x| < 2^−28 → 1 + x, and V8's
 *           one departure from fdlibm: e^1 is Math.E (the steps give it one ulp high).
 *
 * Every lane runs the general path with selects instead of branches, and the special cases replace
 * their lanes' results at the end. Two shortcuts, both exact: r·c/(c − 2) is −(r·c/(2 − c)), one
 * division for both forms (rounding to nearest is symmetric); and the scaling is (y·A)·B for every
 * lane, with B = 1 (an exact product) unless k < −1021 (A = 2^(k+1000), B = 2^−1000) or k = 1024
 * (A = 2, B = 2^1023), fdlibm's two-step products there. Each operation is rounded on its own
 * (-ffp-contract=off), as in V8's build. glibc's exp, correctly rounded more often, differs from
 * Math.exp in about 7 % of random arguments, so the C library could not be used.
 */
NNBOOK_INLINE Vec jsExpVec(Vec x) {
  const Vec ax = bitsToVec(vecToBits(x) & 0x7fffffffffffffffLL);
  const Mask negative = vecToBits(x) < 0;                  // the sign bit, as fdlibm's hx >> 31
  const Mask small = ax < vecFromBits(0x3fd62e4300000000LL);  // hx ≤ 0x3fd62e42: k = 0
  const Mask mid = ~small & (ax < vecFromBits(0x3ff0a2b200000000LL));  // hx < 0x3FF0A2B2: k = ±1
  const Vec safe = ax < 746.0 ? x : splat(0.0);             // keeps the conversion to int in range
  const Vec kGeneral = __builtin_convertvector(__builtin_convertvector(1.44269504088896338700e+00 * safe + (negative ? splat(-0.5) : splat(0.5)), VecI32), Vec);
  const Vec k = small ? splat(0.0) : mid ? (negative ? splat(-1.0) : splat(1.0)) : kGeneral;
  const Vec hi = x - k * 6.93147180369123816490e-01;
  const Vec lo = k * 1.90821492927058770002e-10;
  const Vec r = small ? x : hi - lo;
  const Vec t = r * r;
  const Vec c = r - t * (1.66666666666666019037e-01 +
                         t * (-2.77777777770155933842e-03 +
                              t * (6.61375632143793436117e-05 + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
  const Vec q = (r * c) / (2.0 - c);
  const Vec y = small ? 1.0 - (-q - r) : 1.0 - ((lo - q) - hi);
  // 2^k from k's bits: k + 1.5·2^52 holds k in its low mantissa bits (k is an integer, |k| < 2^31)
  const Mask kBits = vecToBits(k + 6755399441055744.0) - 0x4338000000000000LL;
  const Mask low = k < -1021.0;
  const Mask top = k > 1023.0;
  const Vec a = top ? splat(2.0) : bitsToVec((kBits + (low ? 1000 + Mask{} : Mask{}) + 1023) << 52);
  const Vec b = low ? vecFromBits(0x0170000000000000LL) : top ? vecFromBits(0x7fe0000000000000LL) : splat(1.0);
  Vec e = (y * a) * b;
  e = x == 1.0 ? splat(2.718281828459045) : e;
  e = ax < vecFromBits(0x3e30000000000000LL) ? 1.0 + x : e;
  e = x < -7.45133219101941108420e+02 ? splat(0.0) : e;
  e = x > 7.09782712893383973096e+02 ? splat(__builtin_inf()) : e;
  return x != x ? x + x : e;
}

/** Y = exp(X) over count values, W at a time (the last < W through a padded vector); Y may be X. */
void expValues(const double* X, long count, double* Y) {
  long k = 0;
  for (; k + W <= count; k += W) {
    const Vec e = jsExpVec(*reinterpret_cast<const VecU*>(X + k));
    *reinterpret_cast<VecU*>(Y + k) = e;
  }
  if (k < count) {
    Vec v = splat(0.0);
    for (long i = k; i < count; i++) v[i - k] = X[i];
    const Vec e = jsExpVec(v);
    for (long i = k; i < count; i++) Y[i] = e[i - k];
  }
}

void softmaxColumns(const double* S, long m, long n, double* P) {
  // per column, s − max into P (max first, so P may be S); then exp of all of P at once; then
  // each column's sum in order and the scaling, the operations of the TypeScript loop
  for (long j = 0; j < n; j++) {
    const double* s = S + j * m;
    double* p = P + j * m;
    double max = -__builtin_inf();
    for (long i = 0; i < m; i++) max = s[i] > max ? s[i] : max;
    for (long i = 0; i < m; i++) p[i] = s[i] - max;
  }
  expValues(P, m * n, P);
  for (long j = 0; j < n; j++) {
    double* p = P + j * m;
    double sum = 0.0;
    for (long i = 0; i < m; i++) sum += p[i];
    const double inv = 1.0 / sum;
    for (long i = 0; i < m; i++) p[i] *= inv;
  }
}

void expElements(const double* X, long m, long n, double* Y) { expValues(X, m * n, Y); }

const nnbook::ElementOps kElementOps = {&biasBnRelu, &bnRowStats, &bnNormalize, &bnReluBackward, &softmaxColumns, &expElements};

}  // namespace

#endif
