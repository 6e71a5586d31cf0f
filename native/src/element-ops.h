// Element-wise passes of the forward and backward passes that are worth native code. Each kernel
// variant compiles them with its own flags (element-ops-impl.h) and carries them in its Variant.
// Every matrix is column-major m × n (one sample per column); every per-row vector has m values.
// Outputs must not overlap each other or the inputs, except where noted.
#ifndef NNBOOK_ELEMENT_OPS_H
#define NNBOOK_ELEMENT_OPS_H

namespace nnbook {

struct ElementOps {
  /**
   * S ← max(γ·((S + b − μ)·inv) + β, 0) on S, in place, with one b, μ, inv, γ, β per row: the
   * operations of src/model/infer.ts's `biasBnRelu` in the same order (each rounded; no FMA), max
   * as JavaScript's Math.max(v, 0) (NaN stays NaN, −0 becomes +0; a NaN's payload is not fixed,
   * as it is not in V8, whose interpreter and optimized code give different NaN bits for
   * Math.max(NaN, 0)). Returns false if some S + b is NaN or ±∞.
   */
  bool (*biasBnRelu)(double* S, long m, long n, const double* bias, const double* mu, const double* inv,
                     const double* gamma, const double* beta);

  /**
   * BatchNorm's batch statistics (src/layers/batchnorm-stats.ts's `rowMeanAndVariance`): per row,
   * μ = (Σ_j S_ij)/n and v = (Σ_j (S_ij − μ)²)/n, each sum taken over j = 0 … n−1 in order, from 0.
   */
  void (*bnRowStats)(const double* S, long m, long n, double* mu, double* v);

  /**
   * SHat = (S − μ)·inv and out = γ·SHat + β; with H (may be null) also H = max(out, 0) as
   * Math.max computes it (src/layers/batchnorm.ts's `normalizeRows`, batchnorm-activation.ts's
   * `normalizeRowsRelu`).
   */
  void (*bnNormalize)(const double* S, long m, long n, const double* mu, const double* inv, const double* gamma,
                      const double* beta, double* SHat, double* out, double* H);

  /**
   * The train-mode backward pass of BN followed by ReLU (src/layers/batchnorm-activation.ts's
   * `reluGradSums`, then batchnorm.ts's `applyBnBackward`): g = A > 0 ? dOut : 0,
   * dβ = Σ_j g, dγ = Σ_j g·SHat (in order, from 0), then
   * dS = (γ·inv)·((g − dβ·(1/n)) − SHat·(dγ·(1/n))). dS may be dOut itself.
   */
  void (*bnReluBackward)(const double* A, const double* dOut, const double* SHat, const double* gamma, const double* inv,
                         long m, long n, double* dS, double* dGamma, double* dBeta);

  /**
   * The softmax of each column of S (m classes × n samples) into P (src/layers/softmax-ce.ts's
   * `softmax`): max over the column (s > max ? s : max, from −∞), e_i = exp(s_i − max) with
   * JavaScript's exp (`jsExpVec` in element-ops-impl.h), sum = Σ_i e_i in order from 0, p_i = e_i·(1/sum). P may be S.
   */
  void (*softmax)(const double* S, long m, long n, double* P);

  /** Y = exp(X) element by element, as JavaScript's Math.exp (`jsExpVec`); Y may be X. */
  void (*exp)(const double* X, long m, long n, double* Y);
};

}  // namespace nnbook

#endif
