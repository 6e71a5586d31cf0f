import { Matrix } from "../tensor";
import { affineBackward } from "../layers/affine";
import { batchnormActivationBackward } from "../layers/batchnorm-activation";
import { dropoutBackward } from "../layers/dropout";
import { checkLabels, checkLambda } from "../layers/softmax-ce";
import { LayerImpls, ResolvedImpls, resolveImpls } from "./impls";
import { LayerGrads, MlpGrads, MlpParams } from "./params";
import { MlpCache, MlpLayerCache } from "./forward";
import { MlpWorkspace, Buf, wsBuffer } from "./workspace";
import { checkParams } from "./check";

/** Options of `mlpBackward`. */
export interface MlpBackwardOptions {
  readonly workspace?: MlpWorkspace;
  readonly impl?: Partial<LayerImpls>;
}

/** BN's parameter gradients of a hidden layer (absent without BN). */
export interface BnGrads {
  readonly dGamma?: Matrix;
  readonly dBeta?: Matrix;
}

/**
 * What the backward walker asks of each layer once G = ∂J/∂S_l is known: the layer's affine
 * backward (its gradients, or its update), returning dX = ∂J/∂X_l for l > 0 (ignored for l = 0).
 */
export type AffineStep = (l: number, G: Matrix, layer: MlpLayerCache, bn: BnGrads) => Matrix | undefined;

/**
 * The one backward walker of the MLP, shared by `mlpBackward` (gradients) and `mlpSgdStep` (fused
 * update): checks the inputs (errors name `caller`), forms G = ∂J/∂S at the softmax, then from the
 * last layer to the first runs the hidden layer's backward (dropout, activation, BN) and hands G
 * to `affineStep`, whose dX becomes the next layer's G.
 */
export function walkBackward(
  caller: string,
  params: MlpParams,
  cache: MlpCache,
  y: Int32Array,
  lambda: number,
  r: ResolvedImpls,
  ws: MlpWorkspace | undefined,
  affineStep: AffineStep,
): void {
  checkLambda(lambda, caller);
  checkParams(params, caller);
  const L = params.layers.length;
  if (cache.layers.length !== L) {
    throw new RangeError(`${caller}: the cache has ${cache.layers.length} layers but params has ${L}`);
  }
  const K = cache.P.rows;
  const n = cache.P.cols;
  checkLabels(y, K, n, caller);
  const bnAfter = params.spec.batchNorm === "after";
  let G = r.impls.softmaxCrossEntropyBackward(cache.P, y, wsBuffer(ws, L - 1, Buf.G, K, n));
  for (let l = L - 1; l >= 0; l--) {
    const c = cache.layers[l];
    let bn: BnGrads = {};
    if (l < L - 1) ({ dS: G, ...bn } = hiddenBackward(r, ws, l, c, G, bnAfter));
    const dX = affineStep(l, G, c, bn);
    if (l > 0) {
      if (!dX) throw new Error(`${caller}: the affine backward returned no dX for layer ${l}`);
      G = dX;
    }
  }
}

/**
 * The gradient of the cost J = (1/n)·Σ_j CE(P(:, j), y_j) + λ·Σ_l ‖W_l‖² for every parameter:
 * dW includes 2λW; b, γ, β are not regularized. `cache` comes from `mlpForward` on the same
 * params; y: n labels in 0 … K−1. The first layer's dX is never computed. With a workspace the
 * returned matrices live in it (overwritten by the next backward pass).
 */
export function mlpBackward(params: MlpParams, cache: MlpCache, y: Int32Array, lambda: number, opts: MlpBackwardOptions = {}): MlpGrads {
  const r = resolveImpls(opts.impl);
  const ws = opts.workspace;
  const grads: LayerGrads[] = new Array(params.layers.length);
  // the library's affineBackward folds 2λW into its matrix product; an override gets it added after
  const fold = r.impls.affineBackward === affineBackward;
  walkBackward("mlpBackward", params, cache, y, lambda, r, ws, (l, G, c, { dGamma, dBeta }) => {
    const p = params.layers[l];
    const a = r.impls.affineBackward(G, c.affine, {
      needDX: l > 0,
      dX: l > 0 ? wsBuffer(ws, l - 1, Buf.dH, p.W.cols, G.cols) : undefined,
      dW: wsBuffer(ws, l, Buf.dW, p.W.rows, p.W.cols),
      db: wsBuffer(ws, l, Buf.db, p.W.rows, 1),
      ...(fold ? { decay: 2 * lambda } : {}),
    });
    if (!fold) addWeightDecay(a.dW, p.W, lambda);
    grads[l] = dGamma && dBeta ? { dW: a.dW, db: a.db, dGamma, dBeta } : { dW: a.dW, db: a.db };
    return a.dX;
  });
  return { spec: params.spec, layers: grads };
}

/** dW += 2λ·W (the gradient of λ‖W‖²). */
function addWeightDecay(dW: Matrix, W: Matrix, lambda: number): void {
  if (lambda === 0) return;
  const s = 2 * lambda;
  for (let k = 0; k < dW.data.length; k++) dW.data[k] += s * W.data[k];
}

/**
 * From dH = ∂J/∂(layer output) back to dS = ∂J/∂S (and dγ, dβ with BN), in reverse order.
 * Internal (shared with `mlpSgdStep`), not re-exported.
 */
export function hiddenBackward(
  r: ResolvedImpls,
  ws: MlpWorkspace | undefined,
  l: number,
  c: MlpLayerCache,
  dHin: Matrix,
  bnAfter: boolean,
): { dS: Matrix; dGamma?: Matrix; dBeta?: Matrix } {
  const { impls } = r;
  const { rows: m, cols: n } = dHin;
  const buf = (role: number): Matrix | undefined => wsBuffer(ws, l, role, m, n);
  // dHin is ours (a fresh or workspace matrix), so dropout's backward may run in place
  const dH = c.dropout ? dropoutBackward(dHin, c.dropout, dHin) : dHin;
  const act = c.activation!;
  const bnBuffers = ws && { dGamma: ws.matrix(l, Buf.dGamma, m, 1), dBeta: ws.matrix(l, Buf.dBeta, m, 1) };
  if (!c.bn) return { dS: impls.activationBackward(dH, act, buf(Buf.dS)) };
  if (bnAfter) {
    // H = BN(f(S))
    const b = impls.batchnormBackward(dH, c.bn, { ...bnBuffers, dS: buf(Buf.dA) });
    return { dS: impls.activationBackward(b.dS, act, buf(Buf.dS)), dGamma: b.dGamma, dBeta: b.dBeta };
  }
  if (r.fuseBackward) return batchnormActivationBackward(dH, c.bn, act, { ...bnBuffers, dS: buf(Buf.dS) });
  const dSt = impls.activationBackward(dH, act, buf(Buf.dSt));
  return impls.batchnormBackward(dSt, c.bn, { ...bnBuffers, dS: buf(Buf.dS) });
}
