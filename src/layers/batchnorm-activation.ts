import { Matrix, zeros, assertShape } from "../tensor";
import { ActivationCache, ActivationSpec, activateRange, activationAlpha, activationGradRange, validateActivation } from "./activations";
import {
  BatchnormCache,
  BatchnormGradBuffers,
  BatchnormGrads,
  BatchnormOptions,
  BnStats,
  bnSums,
  applyBnBackward,
  batchnormCache,
  normalizeRows,
} from "./batchnorm";
import { BatchnormPrepared, prepareBatchnorm } from "./batchnorm-stats";
import { elementOpsFor } from "./native-ops";

/** Options of the fused BN + activation forward pass: BN's options plus the BN output buffer. */
export interface BatchnormActivationOptions extends BatchnormOptions {
  /** preallocated m × n buffer for the BN output (= the activation's input) */
  readonly bnOut?: Matrix;
}

/** Result of `batchnormActivationForward`: H and the two caches the unfused layers would give. */
export interface BatchnormActivationResult {
  /** H = f(γ ⊙ SHat + β), m × n */
  readonly out: Matrix;
  readonly bn: BatchnormCache;
  readonly activation: ActivationCache;
  readonly nextStats: BnStats;
}

/**
 * BatchNorm followed by an activation, as one layer for the MLP's hot path: the normalization
 * pass writes SHat and γ·SHat + β, and for ReLU also max(·, 0) in the same row loop (about 20 %
 * faster than a second pass, measured on 50 × 100 and 10 × 100); other activations read it back
 * in a second pass. Bit-identical to `batchnormForward` then `activationForward`.
 * S: m × n, gamma, beta: m × 1 → out: m × n (into `opts.out` if given).
 */
export function batchnormActivationForward(
  S: Matrix,
  gamma: Matrix,
  beta: Matrix,
  spec: ActivationSpec,
  opts: BatchnormActivationOptions,
): BatchnormActivationResult {
  validateActivation(spec, "batchnormActivationForward");
  const prep = prepareBatchnorm(S, gamma, beta, opts);
  const m = S.rows;
  const n = S.cols;
  const SHat = opts.buffers?.SHat ?? zeros(m, n);
  const bnOut = opts.bnOut ?? zeros(m, n);
  const H = opts.out ?? zeros(m, n);
  assertShape(SHat, m, n, "batchnormActivationForward: buffers.SHat");
  assertShape(bnOut, m, n, "batchnormActivationForward: bnOut");
  assertShape(H, m, n, "batchnormActivationForward: out");
  if (spec.name === "relu") {
    normalizeRowsRelu(S.data, SHat.data, bnOut.data, H.data, prep, gamma.data, beta.data, m, n);
  } else {
    normalizeRows(S.data, SHat.data, bnOut.data, prep, gamma.data, beta.data, m, n);
    activateRange(spec.name, activationAlpha(spec), bnOut.data, H.data, 0, m * n);
  }
  return {
    out: H,
    bn: batchnormCache(opts.mode, S, SHat, gamma, prep),
    activation: { spec, S: bnOut, out: H },
    nextStats: prep.nextStats,
  };
}

/**
 * Backward pass of BN followed by an activation: f′ ⊙ dOut written into dS, BN's row sums (for
 * ReLU in the same row loop), then the closed-form BN backward in place in dS (no intermediate
 * buffer). Bit-identical to `activationBackward` then `batchnormBackward`. ReLU in train mode
 * runs natively (`ElementOps.bnReluBackward`, the same bits) when the kernel has it.
 * dOut: m × n → dS: m × n, dGamma, dBeta: m × 1 (into `out`'s buffers if given).
 */
export function batchnormActivationBackward(dOut: Matrix, bn: BatchnormCache, activation: ActivationCache, out: BatchnormGradBuffers = {}): BatchnormGrads {
  const m = bn.S.rows;
  const n = bn.S.cols;
  assertShape(dOut, m, n, "batchnormActivationBackward: dOut");
  const dS = out.dS ?? zeros(m, n);
  const dGamma = out.dGamma ?? zeros(m, 1);
  const dBeta = out.dBeta ?? zeros(m, 1);
  assertShape(dS, m, n, "batchnormActivationBackward: dS");
  assertShape(dGamma, m, 1, "batchnormActivationBackward: dGamma");
  assertShape(dBeta, m, 1, "batchnormActivationBackward: dBeta");
  const { spec, S: A, out: H } = activation;
  if (spec.name === "relu" && bn.mode === "train") {
    // dS may be dOut (in place) but no other overlap
    const inputs = [A.data, bn.SHat.data, bn.gamma.data, bn.invStd.data];
    const native = elementOpsFor(dS.data === dOut.data ? inputs : [...inputs, dOut.data], [dS.data, dGamma.data, dBeta.data]);
    if (native) {
      native.bnReluBackward(A.data, dOut.data, bn.SHat.data, bn.gamma.data, bn.invStd.data, m, n, dS.data, dGamma.data, dBeta.data);
      return { dS, dGamma, dBeta };
    }
  }
  if (spec.name === "relu") {
    reluGradSums(A.data, dOut.data, dS.data, bn.SHat.data, m, n, dGamma.data, dBeta.data);
  } else {
    activationGradRange(spec.name, activationAlpha(spec), A.data, H.data, dOut.data, dS.data, 0, m * n);
    bnSums(dS.data, bn.SHat.data, m, n, dGamma.data, dBeta.data);
  }
  applyBnBackward(dS.data, bn, dGamma.data, dBeta.data, dS.data);
  return { dS, dGamma, dBeta };
}

/**
 * `normalizeRows` and H = max(out, 0) (as `activateRange` computes ReLU) in one row loop; natively
 * (`ElementOps.bnNormalize`, the same bits) when the kernel has it.
 */
function normalizeRowsRelu(
  S: Float64Array,
  SHat: Float64Array,
  out: Float64Array,
  H: Float64Array,
  prep: BatchnormPrepared,
  gamma: Float64Array,
  beta: Float64Array,
  m: number,
  n: number,
): void {
  const mus = prep.mu.data;
  const invs = prep.invStd.data;
  const native = elementOpsFor([S, mus, invs, gamma, beta], [SHat, out, H]);
  if (native) return native.bnNormalize(S, m, n, mus, invs, gamma, beta, SHat, out, H);
  const end = m * n;
  for (let i = 0; i < m; i++) {
    const mu = mus[i];
    const inv = invs[i];
    const g = gamma[i];
    const b = beta[i];
    for (let k = i; k < end; k += m) {
      const sh = (S[k] - mu) * inv;
      SHat[k] = sh;
      const o = g * sh + b;
      out[k] = o;
      H[k] = Math.max(o, 0);
    }
  }
}

/** dS = ReLU′(A) ⊙ dOut (as `activationGradRange` computes it) and `bnSums` of dS, in one row loop. */
function reluGradSums(
  A: Float64Array,
  dOut: Float64Array,
  dS: Float64Array,
  SHat: Float64Array,
  m: number,
  n: number,
  dGamma: Float64Array,
  dBeta: Float64Array,
): void {
  const end = m * n;
  for (let i = 0; i < m; i++) {
    let sumBeta = 0;
    let sumGamma = 0;
    for (let k = i; k < end; k += m) {
      const g = A[k] > 0 ? dOut[k] : 0;
      dS[k] = g;
      sumBeta += g;
      sumGamma += g * SHat[k];
    }
    dBeta[i] = sumBeta;
    dGamma[i] = sumGamma;
  }
}
