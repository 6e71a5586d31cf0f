import { Matrix, zeros, zipWith, rowSums, assertShape } from "../tensor";
import { BatchnormCache, BatchnormGrads } from "./batchnorm";

/** out(i, j) = f(M(i, j), v(i)) for a matrix M (m × n) and a column vector v (m × 1). */
function withColumn(M: Matrix, v: Matrix, f: (x: number, vi: number) => number): Matrix {
  const out = zeros(M.rows, M.cols);
  for (let j = 0; j < M.cols; j++) {
    for (let i = 0; i < M.rows; i++) out.data[i + j * M.rows] = f(M.data[i + j * M.rows], v.data[i]);
  }
  return out;
}

/**
 * Staged backward pass of batch normalization: the chain rule applied step by step through the
 * forward graph μ = mean(S), D = S − μ, v = mean(D²), invStd = (v + ε)^(−1/2), SHat = D ⊙ invStd,
 * out = γ ⊙ SHat + β. Allocates freely; it is the readable oracle for the closed form
 * (`batchnormBackward`), which it must match. dOut: m × n → dS: m × n, dGamma, dBeta: m × 1.
 */
export function batchnormBackwardStaged(dOut: Matrix, cache: BatchnormCache): BatchnormGrads {
  const { S, SHat, gamma, mu, v, invStd, eps } = cache;
  const n = S.cols;
  assertShape(dOut, S.rows, n, "batchnormBackwardStaged: dOut");
  // out = γ ⊙ SHat + β
  const dBeta = rowSums(dOut);
  const dGamma = rowSums(zipWith(dOut, SHat, (g, sh) => g * sh));
  const dSHat = withColumn(dOut, gamma, (g, gi) => g * gi);
  if (cache.mode === "eval") {
    // μ and v are constants in eval mode: SHat = (S − μ) ⊙ invStd
    return { dS: withColumn(dSHat, invStd, (g, s) => g * s), dGamma, dBeta };
  }
  const D = withColumn(S, mu, (s, m) => s - m);
  // SHat = D ⊙ invStd: two paths, to D directly and to invStd
  const dD = withColumn(dSHat, invStd, (g, s) => g * s);
  const dInvStd = rowSums(zipWith(dSHat, D, (g, d) => g * d));
  // invStd = (v + ε)^(−1/2)
  const dv = withColumn(dInvStd, v, (g, vi) => g * -0.5 * Math.pow(vi + eps, -1.5));
  // v = (1/n)·Σ_j D²
  const dDtotal = zipWith(
    dD,
    withColumn(D, dv, (d, g) => (2 / n) * d * g),
    (a, b) => a + b,
  );
  // D = S − μ and μ = (1/n)·Σ_j S
  const dMu = rowSums(dDtotal, -1);
  const dS = withColumn(dDtotal, dMu, (g, gm) => g + gm / n);
  return { dS, dGamma, dBeta };
}
