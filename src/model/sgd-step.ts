import { Matrix, matmul, rowSums } from "../tensor";
import { checkLabels, checkLambda, softmaxCrossEntropyBackward } from "../layers/softmax-ce";
import { MlpParams } from "./params";
import { MlpCache } from "./forward";
import { hiddenBackward } from "./backward";
import { resolveImpls } from "./impls";
import { hasBias } from "./spec";
import { MlpWorkspace, Buf, wsBuffer } from "./workspace";
import { checkParams } from "./check";

/** Options of `mlpSgdStep`. */
export interface MlpSgdStepOptions {
  readonly workspace?: MlpWorkspace;
}

/**
 * One plain (momentum-free) gradient-descent step θ ← θ − η·∂J/∂θ for every trainable parameter,
 * applied IN PLACE during the backward pass, with J = (1/n)·Σ_j CE(P(:, j), y_j) + λ·Σ_l ‖W_l‖²
 * as in `mlpBackward`. Each layer's parameters are updated as soon as its gradients are known and
 * after everything that reads them (dX = Wᵀ·G is formed first), and W's update is folded into the
 * gradient's matrix product, W ← (1 − 2λη)·W − η·G·Xᵀ, so dW is never stored and the weights are
 * read and written once. Equal to `mlpBackward` followed by θ − η·g up to floating-point
 * reassociation. `cache` comes from `mlpForward` on the same params (library layer implementations
 * only); y: n labels in 0 … K−1. Biases are updated only where the spec has them (`hasBias`).
 */
export function mlpSgdStep(
  params: MlpParams, cache: MlpCache, y: Int32Array, lambda: number, eta: number, opts: MlpSgdStepOptions = {},
): void {
  checkLambda(lambda, "mlpSgdStep");
  if (!Number.isFinite(eta)) throw new RangeError(`mlpSgdStep: eta must be a finite number, got ${eta}`);
  checkParams(params, "mlpSgdStep");
  const L = params.layers.length;
  if (cache.layers.length !== L) {
    throw new RangeError(`mlpSgdStep: the cache has ${cache.layers.length} layers but params has ${L}`);
  }
  const K = cache.P.rows;
  const n = cache.P.cols;
  checkLabels(y, K, n, "mlpSgdStep");
  const r = resolveImpls();
  const ws = opts.workspace;
  const bnAfter = params.spec.batchNorm === "after";
  let G = softmaxCrossEntropyBackward(cache.P, y, wsBuffer(ws, L - 1, Buf.G, K, n));
  for (let l = L - 1; l >= 0; l--) {
    const c = cache.layers[l];
    const p = params.layers[l];
    if (l < L - 1) {
      const h = hiddenBackward(r, ws, l, c, G, bnAfter);
      G = h.dS;
      if (h.dGamma && p.gamma) descend(p.gamma, h.dGamma, eta);
      if (h.dBeta && p.beta) descend(p.beta, h.dBeta, eta);
    }
    const dX = l > 0 ? matmul(p.W, G, { transA: true, out: wsBuffer(ws, l - 1, Buf.dH, p.W.cols, n) }) : undefined;
    if (hasBias(params.spec, l)) descend(p.b, rowSums(G, 1, wsBuffer(ws, l, Buf.db, p.W.rows, 1)), eta);
    matmul(G, c.affine.X, { transB: true, out: p.W, alpha: -eta, beta: 1 - 2 * lambda * eta });
    if (dX) G = dX;
  }
}

/** θ ← θ − η·g for a small parameter vector. */
function descend(theta: Matrix, g: Matrix, eta: number): void {
  const t = theta.data;
  const d = g.data;
  for (let k = 0; k < t.length; k++) t[k] -= eta * d[k];
}
