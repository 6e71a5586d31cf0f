import { Matrix, zeros, assertShape } from "../tensor";
import { BatchnormPrepared, prepareBatchnorm } from "./batchnorm-stats";
import { elementOpsFor } from "./native-ops";

export { DEFAULT_BN_ALPHA, DEFAULT_BN_EPS } from "./batchnorm-stats";

/** Moving averages of the batch mean and variance (m × 1 each) that eval mode normalizes with. */
export interface BnStats {
  readonly muAv: Matrix;
  readonly vAv: Matrix;
}

/** "train" normalizes with the batch statistics, "eval" with the moving averages. */
export type BnMode = "train" | "eval";

/** Preallocated buffers for `batchnormForward` (each optional). */
export interface BatchnormBuffers {
  /** m × n */
  readonly SHat?: Matrix;
  /** m × 1 each */
  readonly mu?: Matrix;
  readonly v?: Matrix;
  readonly invStd?: Matrix;
}

/** Options of `batchnormForward`. */
export interface BatchnormOptions {
  readonly mode: BnMode;
  readonly stats: BnStats;
  /** moving-average weight, default 0.9 */
  readonly alpha?: number;
  /** default DEFAULT_BN_EPS */
  readonly eps?: number;
  /** preallocated m × n output */
  readonly out?: Matrix;
  readonly buffers?: BatchnormBuffers;
  /**
   * preallocated m × 1 buffers for nextStats in train mode (no allocation per step); they must
   * not share memory with `stats`, which stays untouched
   */
  readonly nextStatsOut?: BnStats;
}

/** What the backward passes need (references; m × n or m × 1 as noted). */
export interface BatchnormCache {
  readonly mode: BnMode;
  /** the input S, m × n */
  readonly S: Matrix;
  /** (S − μ)/√(v + ε), m × n */
  readonly SHat: Matrix;
  readonly gamma: Matrix;
  /** the mean and variance used (batch ones in train mode, moving averages in eval), m × 1 */
  readonly mu: Matrix;
  readonly v: Matrix;
  /** (v + ε)^(−1/2), m × 1 */
  readonly invStd: Matrix;
  readonly eps: number;
}

/** Result of `batchnormForward`. */
export interface BatchnormResult {
  /** γ ⊙ SHat + β, m × n */
  readonly out: Matrix;
  readonly cache: BatchnormCache;
  /** the updated moving averages (fresh m × 1 matrices in train mode; `stats` itself in eval) */
  readonly nextStats: BnStats;
}

/** Gradients of a BatchNorm backward pass. */
export interface BatchnormGrads {
  /** m × n */
  readonly dS: Matrix;
  /** m × 1 each */
  readonly dGamma: Matrix;
  readonly dBeta: Matrix;
}

/** Preallocated outputs of `batchnormBackward` (dS may be dOut itself). */
export interface BatchnormGradBuffers {
  readonly dS?: Matrix;
  readonly dGamma?: Matrix;
  readonly dBeta?: Matrix;
}

/**
 * Batch normalization (pure: never mutates `opts.stats`).
 * S: m × n, gamma, beta: m × 1 → out = γ ⊙ SHat + β (m × n) with SHat = (S − μ)/√(v + ε).
 * Train mode: μ, v are the batch mean and biased variance, and
 * nextStats = { muAv: α·muAv + (1−α)·μ, vAv: α·vAv + (1−α)·v } (fresh, or in `nextStatsOut`). Eval mode: μ, v = the moving
 * averages in `opts.stats`, and nextStats = opts.stats.
 */
export function batchnormForward(S: Matrix, gamma: Matrix, beta: Matrix, opts: BatchnormOptions): BatchnormResult {
  const prep = prepareBatchnorm(S, gamma, beta, opts);
  const m = S.rows;
  const SHat = opts.buffers?.SHat ?? zeros(m, S.cols);
  const out = opts.out ?? zeros(m, S.cols);
  assertShape(SHat, m, S.cols, "batchnormForward: buffers.SHat");
  assertShape(out, m, S.cols, "batchnormForward: out");
  normalizeRows(S.data, SHat.data, out.data, prep, gamma.data, beta.data, m, S.cols);
  return { out, cache: batchnormCache(opts.mode, S, SHat, gamma, prep), nextStats: prep.nextStats };
}

/*
 * The loops below walk the matrix row by row (stride m through the column-major data) so that
 * each row's μ, invStd, γ, β and running sums stay in registers: about twice as fast in V8 as
 * column-by-column loops that update per-row arrays. Sums still run over j = 0 … n−1 in order.
 */

/**
 * SHat = (S − μ)·invStd and out = γ·SHat + β, S: m × n (flat column-major arrays); natively
 * (`ElementOps.bnNormalize`, the same bits) when the kernel has it.
 */
export function normalizeRows(
  S: Float64Array,
  SHat: Float64Array,
  out: Float64Array,
  prep: BatchnormPrepared,
  gamma: Float64Array,
  beta: Float64Array,
  m: number,
  n: number,
): void {
  const mus = prep.mu.data;
  const invs = prep.invStd.data;
  const native = elementOpsFor([S, mus, invs, gamma, beta], [SHat, out]);
  if (native) return native.bnNormalize(S, m, n, mus, invs, gamma, beta, SHat, out, null);
  const end = m * n;
  for (let i = 0; i < m; i++) {
    const mu = prep.mu.data[i];
    const inv = prep.invStd.data[i];
    const g = gamma[i];
    const b = beta[i];
    for (let k = i; k < end; k += m) {
      const sh = (S[k] - mu) * inv;
      SHat[k] = sh;
      out[k] = g * sh + b;
    }
  }
}

/** Assembles the cache object. */
export function batchnormCache(mode: BnMode, S: Matrix, SHat: Matrix, gamma: Matrix, prep: BatchnormPrepared): BatchnormCache {
  return { mode, S, SHat, gamma, mu: prep.mu, v: prep.v, invStd: prep.invStd, eps: prep.eps };
}

/** dBeta_i = Σ_j g_ij and dGamma_i = Σ_j g_ij·SHat_ij (g, SHat: m × n). */
export function bnSums(g: Float64Array, SHat: Float64Array, m: number, n: number, dGamma: Float64Array, dBeta: Float64Array): void {
  const end = m * n;
  for (let i = 0; i < m; i++) {
    let sumBeta = 0;
    let sumGamma = 0;
    for (let k = i; k < end; k += m) {
      const gk = g[k];
      sumBeta += gk;
      sumGamma += gk * SHat[k];
    }
    dBeta[i] = sumBeta;
    dGamma[i] = sumGamma;
  }
}

/**
 * dS from g = ∂J/∂out and the sums dGamma, dBeta. Train mode (closed form):
 * dS = γ ⊙ invStd ⊙ (g − dBeta/n − SHat ⊙ dGamma/n), which is the assignment's BatchNormBackPass
 * (G1 − mean(G1) − D ⊙ (G2 ⊙ D)·1/n with G1 = γg·σ1, G2 = γg·σ2) rewritten with SHat = D·σ1.
 * Eval mode: dS = γ ⊙ invStd ⊙ g. dS may be g itself.
 */
export function applyBnBackward(g: Float64Array, cache: BatchnormCache, dGamma: Float64Array, dBeta: Float64Array, dS: Float64Array): void {
  const m = cache.S.rows;
  const end = m * cache.S.cols;
  const invN = 1 / cache.S.cols;
  const train = cache.mode === "train";
  const SHat = cache.SHat.data;
  for (let i = 0; i < m; i++) {
    const c = cache.gamma.data[i] * cache.invStd.data[i];
    if (!train) {
      for (let k = i; k < end; k += m) dS[k] = c * g[k];
      continue;
    }
    const meanBeta = dBeta[i] * invN;
    const meanGamma = dGamma[i] * invN;
    for (let k = i; k < end; k += m) dS[k] = c * (g[k] - meanBeta - SHat[k] * meanGamma);
  }
}

/**
 * Closed-form backward pass (the assignment's BatchNormBackPass). dOut: m × n → dS: m × n,
 * dGamma = Σ_j dOut ⊙ SHat, dBeta = Σ_j dOut (m × 1). Works for both train and eval caches.
 */
export function batchnormBackward(dOut: Matrix, cache: BatchnormCache, out: BatchnormGradBuffers = {}): BatchnormGrads {
  const m = cache.S.rows;
  const n = cache.S.cols;
  assertShape(dOut, m, n, "batchnormBackward: dOut");
  const dS = out.dS ?? zeros(m, n);
  const dGamma = out.dGamma ?? zeros(m, 1);
  const dBeta = out.dBeta ?? zeros(m, 1);
  assertShape(dS, m, n, "batchnormBackward: dS");
  assertShape(dGamma, m, 1, "batchnormBackward: dGamma");
  assertShape(dBeta, m, 1, "batchnormBackward: dBeta");
  bnSums(dOut.data, cache.SHat.data, m, n, dGamma.data, dBeta.data);
  applyBnBackward(dOut.data, cache, dGamma.data, dBeta.data, dS.data);
  return { dS, dGamma, dBeta };
}
