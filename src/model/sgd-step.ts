import { Matrix } from "../tensor";
import { affineBackwardDescend } from "../layers/affine";
import { MlpParams } from "./params";
import { MlpCache } from "./forward";
import { walkBackward } from "./backward";
import { resolveImpls } from "./impls";
import { hasBias } from "./spec";
import { MlpWorkspace, Buf, wsBuffer } from "./workspace";

/** Options of `mlpSgdStep`. */
export interface MlpSgdStepOptions {
  readonly workspace?: MlpWorkspace;
}

/**
 * One plain (momentum-free) gradient-descent step θ ← θ − η·∂J/∂θ for every trainable parameter,
 * applied IN PLACE during the backward pass, with J = (1/n)·Σ_j CE(P(:, j), y_j) + λ·Σ_l ‖W_l‖²
 * as in `mlpBackward` (the same walker, see `walkBackward`). Each layer's parameters are updated as
 * soon as its gradients are known and after everything that reads them (γ, β at once; then
 * `affineBackwardDescend`: dX = Wᵀ·G with the old W, then b and W, W's update folded into the
 * gradient's matrix product), so dW is never stored. Equal to `mlpBackward` followed by θ − η·g up
 * to floating-point reassociation. `cache` comes from `mlpForward` on the same params (library
 * layer implementations only); y: n labels in 0 … K−1. Biases are updated where the spec has them.
 */
export function mlpSgdStep(params: MlpParams, cache: MlpCache, y: Int32Array, lambda: number, eta: number, opts: MlpSgdStepOptions = {}): void {
  if (!Number.isFinite(eta)) throw new RangeError(`mlpSgdStep: eta must be a finite number, got ${eta}`);
  const ws = opts.workspace;
  walkBackward("mlpSgdStep", params, cache, y, lambda, resolveImpls(), ws, (l, G, c, { dGamma, dBeta }) => {
    const p = params.layers[l];
    if (dGamma && p.gamma) descend(p.gamma, dGamma, eta);
    if (dBeta && p.beta) descend(p.beta, dBeta, eta);
    const bias = hasBias(params.spec, l);
    return affineBackwardDescend(G, c.affine, {
      eta,
      lambda,
      needDX: l > 0,
      dX: l > 0 ? wsBuffer(ws, l - 1, Buf.dH, p.W.cols, G.cols) : undefined,
      ...(bias ? { b: p.b, db: wsBuffer(ws, l, Buf.db, p.W.rows, 1) } : {}),
    });
  });
}

/** θ ← θ − η·g for a small parameter vector. */
function descend(theta: Matrix, g: Matrix, eta: number): void {
  const t = theta.data;
  const d = g.data;
  for (let k = 0; k < t.length; k++) t[k] -= eta * d[k];
}
