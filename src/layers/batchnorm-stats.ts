import { Matrix, zeros, assertShape, shapeOf } from "../tensor";
import type { BatchnormOptions, BnStats } from "./batchnorm";
import { elementOpsFor } from "./native-ops";

/** Default weight of the old moving average: μ_av ← α·μ_av + (1 − α)·μ. */
export const DEFAULT_BN_ALPHA = 0.9;
/**
 * Default ε in (v + ε)^(−1/2). Small on purpose: the reports' initialization-sensitivity
 * experiment (σ = 1e-4) produces batch variances around 1e-7, which a larger ε (1e-5) would
 * swamp and so stop normalizing.
 */
export const DEFAULT_BN_EPS = 1e-10;

/** Statistics of one forward pass, shared by `batchnormForward` and the fused BN + activation. */
export interface BatchnormPrepared {
  readonly mu: Matrix;
  readonly v: Matrix;
  readonly invStd: Matrix;
  readonly eps: number;
  readonly nextStats: BnStats;
}

/** Validates shapes/options; computes μ, v (train: batch, biased 1/n; eval: moving averages). */
export function prepareBatchnorm(S: Matrix, gamma: Matrix, beta: Matrix, opts: BatchnormOptions): BatchnormPrepared {
  const m = S.rows;
  const n = S.cols;
  assertShape(gamma, m, 1, "batchnorm: gamma");
  assertShape(beta, m, 1, "batchnorm: beta");
  assertShape(opts.stats.muAv, m, 1, "batchnorm: stats.muAv");
  assertShape(opts.stats.vAv, m, 1, "batchnorm: stats.vAv");
  const alpha = opts.alpha ?? DEFAULT_BN_ALPHA;
  const eps = opts.eps ?? DEFAULT_BN_EPS;
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`batchnorm: alpha must be in [0, 1], got ${alpha}`);
  if (!(eps > 0 && Number.isFinite(eps))) throw new RangeError(`batchnorm: eps must be a positive number, got ${eps}`);
  if (opts.mode !== "train" && opts.mode !== "eval") throw new RangeError(`batchnorm: mode must be "train" or "eval", got ${opts.mode}`);
  const invStd = opts.buffers?.invStd ?? zeros(m, 1);
  assertShape(invStd, m, 1, "batchnorm: buffers.invStd");
  if (opts.mode === "eval") {
    const { muAv, vAv } = opts.stats;
    for (let i = 0; i < m; i++) invStd.data[i] = 1 / Math.sqrt(vAv.data[i] + eps);
    return { mu: muAv, v: vAv, invStd, eps, nextStats: opts.stats };
  }
  if (n === 0) throw new RangeError(`batchnorm: train mode needs at least one sample, got S of ${shapeOf(S)}`);
  const mu = opts.buffers?.mu ?? zeros(m, 1);
  const v = opts.buffers?.v ?? zeros(m, 1);
  assertShape(mu, m, 1, "batchnorm: buffers.mu");
  assertShape(v, m, 1, "batchnorm: buffers.v");
  const native = elementOpsFor([S.data], [mu.data, v.data]);
  if (native) native.bnRowStats(S.data, m, n, mu.data, v.data);
  else rowMeanAndVariance(S, mu.data, v.data);
  for (let i = 0; i < m; i++) invStd.data[i] = 1 / Math.sqrt(v.data[i] + eps);
  const { muAv, vAv } = opts.nextStatsOut ?? { muAv: zeros(m, 1), vAv: zeros(m, 1) };
  assertShape(muAv, m, 1, "batchnorm: nextStatsOut.muAv");
  assertShape(vAv, m, 1, "batchnorm: nextStatsOut.vAv");
  const ins = [opts.stats.muAv.data.buffer, opts.stats.vAv.data.buffer];
  if (ins.includes(muAv.data.buffer) || ins.includes(vAv.data.buffer)) {
    throw new RangeError("batchnorm: nextStatsOut must not share memory with stats (BatchNorm never mutates its input statistics)");
  }
  for (let i = 0; i < m; i++) {
    muAv.data[i] = alpha * opts.stats.muAv.data[i] + (1 - alpha) * mu.data[i];
    vAv.data[i] = alpha * opts.stats.vAv.data[i] + (1 - alpha) * v.data[i];
  }
  return { mu, v, invStd, eps, nextStats: { muAv, vAv } };
}

/**
 * Row means μ and biased row variances v = (1/n)·Σ_j (S_ij − μ_i)², in two passes over each row
 * (stride m): one-pass formulas (even shifted ones) measurably add rounding noise, which gradient
 * checks of deep BN nets feel.
 */
function rowMeanAndVariance(S: Matrix, mu: Float64Array, v: Float64Array): void {
  const m = S.rows;
  const n = S.cols;
  const end = m * n;
  const d = S.data;
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let k = i; k < end; k += m) sum += d[k];
    const mean = sum / n;
    let sq = 0;
    for (let k = i; k < end; k += m) {
      const c = d[k] - mean;
      sq += c * c;
    }
    mu[i] = mean;
    v[i] = sq / n;
  }
}
