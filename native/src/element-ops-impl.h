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
#include "js-exp.h"

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

void softmaxColumns(const double* S, long m, long n, double* P) {
  for (long j = 0; j < n; j++) {
    const double* s = S + j * m;
    double* p = P + j * m;
    double max = -__builtin_inf();
    for (long i = 0; i < m; i++) max = s[i] > max ? s[i] : max;
    double sum = 0.0;
    for (long i = 0; i < m; i++) {
      const double e = nnbook::jsExp(s[i] - max);
      p[i] = e;
      sum += e;
    }
    const double inv = 1.0 / sum;
    for (long i = 0; i < m; i++) p[i] *= inv;
  }
}

void expElements(const double* X, long m, long n, double* Y) {
  const long count = m * n;
  for (long k = 0; k < count; k++) Y[k] = nnbook::jsExp(X[k]);
}

const nnbook::ElementOps kElementOps = {&biasBnRelu, &bnRowStats, &bnNormalize, &bnReluBackward, &softmaxColumns, &expElements};

}  // namespace

#endif
