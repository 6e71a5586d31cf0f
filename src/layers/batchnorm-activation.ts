import { Matrix, zeros, assertShape } from "../tensor";
import {
  ActivationCache, ActivationSpec, activateRange, activationAlpha, activationGradRange, validateActivation,
} from "./activations";
import {
  BatchnormCache, BatchnormGradBuffers, BatchnormGrads, BatchnormOptions, BnStats,
  bnSums, applyBnBackward, batchnormCache, normalizeRows,
} from "./batchnorm";
import { prepareBatchnorm } from "./batchnorm-stats";

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
 * pass writes SHat and γ·SHat + β, the activation pass reads it back. (Loops fusing the two, per
 * element or per column, measured slower in V8 at these sizes, so the passes stay separate.)
 * Bit-identical to `batchnormForward` then `activationForward`.
 * S: m × n, gamma, beta: m × 1 → out: m × n (into `opts.out` if given).
 */
export function batchnormActivationForward(
  S: Matrix, gamma: Matrix, beta: Matrix, spec: ActivationSpec, opts: BatchnormActivationOptions,
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
  normalizeRows(S.data, SHat.data, bnOut.data, prep, gamma.data, beta.data, m, n);
  activateRange(spec.name, activationAlpha(spec), bnOut.data, H.data, 0, m * n);
  return {
    out: H,
    bn: batchnormCache(opts.mode, S, SHat, gamma, prep),
    activation: { spec, S: bnOut, out: H },
    nextStats: prep.nextStats,
  };
}

/**
 * Backward pass of BN followed by an activation: f′ ⊙ dOut written into dS, BN's row sums, then
 * the closed-form BN backward in place in dS (no intermediate buffer). Bit-identical to
 * `activationBackward` then `batchnormBackward`.
 * dOut: m × n → dS: m × n, dGamma, dBeta: m × 1 (into `out`'s buffers if given).
 */
export function batchnormActivationBackward(
  dOut: Matrix, bn: BatchnormCache, activation: ActivationCache, out: BatchnormGradBuffers = {},
): BatchnormGrads {
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
  activationGradRange(spec.name, activationAlpha(spec), A.data, H.data, dOut.data, dS.data, 0, m * n);
  bnSums(dS.data, bn.SHat.data, m, n, dGamma.data, dBeta.data);
  applyBnBackward(dS.data, bn, dGamma.data, dBeta.data, dS.data);
  return { dS, dGamma, dBeta };
}
