import { Matrix, matmul, fromData, assertFinite, getKernel } from "../tensor";
import { activateRange, activationAlpha, validateActivation } from "../layers/activations";
import { DEFAULT_BN_EPS } from "../layers/batchnorm";
import { MlpParams, MlpStats } from "./params";
import { layerSizes } from "./spec";

/** Two ping-pong buffers for the hidden layers and one for the scores, sized for `chunk` columns. */
export interface InferBuffers {
  readonly chunk: number;
  readonly hidden: readonly [Float64Array, Float64Array];
  readonly scores: Float64Array;
}

/** Buffers for `inferScores` on chunks of up to `chunk` columns. */
export function createInferBuffers(params: MlpParams, chunk: number): InferBuffers {
  const sizes = layerSizes(params.spec);
  const widest = Math.max(0, ...sizes.slice(1, -1));
  return {
    chunk,
    hidden: [new Float64Array(widest * chunk), new Float64Array(widest * chunk)],
    scores: new Float64Array(sizes[sizes.length - 1] * chunk),
  };
}

/**
 * The eval-mode forward pass up to the output layer's scores S_L = W_L·H + b_L (K × n), for
 * evaluation loops: no caches, and each hidden layer's bias, BN (moving averages) and activation
 * in one pass, in place. Bit-identical to `mlpForward` in eval mode with the library's layers
 * (the product gives s, then s + b as the broadcast-then-accumulate product does, then the same
 * BN and activation operations in the same order). X: d × n, n ≤ bufs.chunk; non-finite X raises
 * the error `mlpForward` raises. The result lives in `bufs.scores`.
 */
export function inferScores(params: MlpParams, stats: MlpStats, X: Matrix, bufs: InferBuffers, what: string): Matrix {
  const { spec, layers } = params;
  validateActivation(spec.activation, what);
  const n = X.cols;
  const L = layers.length;
  let H = X;
  for (let l = 0; l < L; l++) {
    const p = layers[l];
    const m = p.W.rows;
    const data = l === L - 1 ? bufs.scores : bufs.hidden[l % 2];
    const S = fromData(m, n, data.length === m * n ? data : data.subarray(0, m * n));
    matmul(p.W, H, { out: S });
    const finite = l < L - 1 ? hiddenPass(params, stats, l, S) : addBias(S.data, p.b.data, m, n);
    if (l === 0 && !finite) assertFinite(X, `${what}: input X`);
    H = S;
  }
  return H;
}

/** S ← S + b·1ᵀ; false if some entry is NaN/±∞. Column by column: S is read in memory order. */
function addBias(S: Float64Array, b: Float64Array, m: number, n: number): boolean {
  const end = m * n;
  let bad = 0;
  for (let o = 0; o < end; o += m) {
    for (let i = 0; i < m; i++) {
      const s = S[o + i] + b[i];
      bad += s - s;
      S[o + i] = s;
    }
  }
  return bad === 0;
}

/** Hidden layer l on S = W·H (in place): bias, then BN and the activation in the spec's order. */
function hiddenPass(params: MlpParams, stats: MlpStats, l: number, S: Matrix): boolean {
  const { spec } = params;
  const p = params.layers[l];
  const { rows: m, cols: n } = S;
  const act = spec.activation;
  if (spec.batchNorm === "before" && act.name === "relu") {
    return biasBnRelu(S.data, p.b.data, stats[l], p.gamma!.data, p.beta!.data, spec.bnEps ?? DEFAULT_BN_EPS, m, n);
  }
  const finite = addBias(S.data, p.b.data, m, n);
  const eps = spec.bnEps ?? DEFAULT_BN_EPS;
  if (spec.batchNorm === "before") bnEval(S.data, stats[l], p.gamma!.data, p.beta!.data, eps, m, n);
  activateRange(act.name, activationAlpha(act), S.data, S.data, 0, m * n);
  if (spec.batchNorm === "after") bnEval(S.data, stats[l], p.gamma!.data, p.beta!.data, eps, m, n);
  return finite;
}

/** 1 / √(v_av + ε) per row, computed as `batchnormForward` computes it. */
function invStd(st: MlpStats[number], eps: number, m: number): Float64Array {
  const inv = new Float64Array(m);
  for (let i = 0; i < m; i++) inv[i] = 1 / Math.sqrt(st.vAv.data[i] + eps);
  return inv;
}

/**
 * BN in eval mode, in place: S ← γ·((S − μ_av)·(v_av + ε)^(−1/2)) + β, as `batchnormForward`
 * computes it; column by column (memory order), the per-row constants computed once.
 */
function bnEval(S: Float64Array, st: MlpStats[number], gamma: Float64Array, beta: Float64Array, eps: number, m: number, n: number): void {
  const end = m * n;
  const mu = st.muAv.data;
  const inv = invStd(st, eps, m);
  for (let o = 0; o < end; o += m) {
    for (let i = 0; i < m; i++) S[o + i] = gamma[i] * ((S[o + i] - mu[i]) * inv[i]) + beta[i];
  }
}

/**
 * The common case in one pass: S ← max(γ·((S + b − μ_av)·invStd) + β, 0); false if S + b has a
 * NaN/±∞. Column by column (memory order); natively when the kernel offers it (this pass was 8 %
 * of a benchmark run's time in JavaScript; the native code has the same operations and bits).
 */
function biasBnRelu(
  S: Float64Array,
  bias: Float64Array,
  st: MlpStats[number],
  gamma: Float64Array,
  beta: Float64Array,
  eps: number,
  m: number,
  n: number,
): boolean {
  const end = m * n;
  const mu = st.muAv.data;
  const inv = invStd(st, eps, m);
  const native = getKernel().elementOps;
  if (native) return native.biasBnRelu(S, m, n, bias, mu, inv, gamma, beta);
  let bad = 0;
  for (let o = 0; o < end; o += m) {
    for (let i = 0; i < m; i++) {
      const s = S[o + i] + bias[i];
      bad += s - s;
      S[o + i] = Math.max(gamma[i] * ((s - mu[i]) * inv[i]) + beta[i], 0);
    }
  }
  return bad === 0;
}
