import { ColumnSelection, Matrix, Rng } from "../tensor";
import { AffineCache } from "../layers/affine";
import { ActivationCache } from "../layers/activations";
import { BatchnormCache, BnMode, BnStats, BatchnormOptions } from "../layers/batchnorm";
import { batchnormActivationForward } from "../layers/batchnorm-activation";
import { DropoutCache, dropoutForward } from "../layers/dropout";
import { softmax } from "../layers/softmax-ce";
import { LayerImpls, ResolvedImpls, resolveImpls } from "./impls";
import { LayerParams, MlpParams, MlpStats } from "./params";
import { MlpWorkspace, Buf, wsBuffer } from "./workspace";
import { checkParams, checkStats, checkInput, checkFiniteInput } from "./check";

/** Options of `mlpForward`. */
export interface MlpForwardOptions {
  readonly mode: BnMode;
  /** BN moving averages (empty without BN) */
  readonly stats: MlpStats;
  /** needed in train mode when the spec has dropout */
  readonly rng?: Rng;
  readonly workspace?: MlpWorkspace;
  readonly impl?: Partial<LayerImpls>;
  /**
   * preallocated buffers for nextStats (train mode), shaped like `stats` and not sharing memory
   * with it: e.g. two sets used alternately make a training step allocation-free; default fresh
   */
  readonly statsOut?: MlpStats;
}

/** The caches of one layer (hidden layers have an activation; BN/dropout when used). */
export interface MlpLayerCache {
  readonly affine: AffineCache;
  readonly bn?: BatchnormCache;
  readonly activation?: ActivationCache;
  readonly dropout?: DropoutCache;
}

/** Everything `mlpBackward` needs; X must stay unchanged until then. */
export interface MlpCache {
  readonly mode: BnMode;
  /** the input (a plain matrix or a column selection, see `mlpForward`) */
  readonly X: Matrix | ColumnSelection;
  /** K × n class probabilities */
  readonly P: Matrix;
  readonly layers: readonly MlpLayerCache[];
}

/** Result of `mlpForward`. */
export interface MlpForwardResult {
  /** K × n softmax probabilities, one column per sample */
  readonly P: Matrix;
  readonly cache: MlpCache;
  /** the updated BN moving averages (train mode), else `opts.stats` */
  readonly nextStats: MlpStats;
}

interface Ctx {
  readonly params: MlpParams;
  readonly opts: MlpForwardOptions;
  readonly r: ResolvedImpls;
  readonly ws?: MlpWorkspace;
  readonly dropout: number;
}

/**
 * The forward pass: for each hidden layer S = W·H + b, then BN and activation in the spec's order
 * (BN "before": H = f(BN(S)); "after": H = BN(f(S))), then inverted dropout in train mode; the
 * output layer gives P = softmax(W·H + b). X: d × n (one sample per column) → P: K × n.
 * X may be a `ColumnSelection` (a mini-batch read in place; a teaching override of the affine
 * layer gets it copied out). Allocates no Float64Array with a warmed-up workspace and `statsOut`
 * (see `MlpWorkspace`).
 * Non-finite values in X raise an error naming the entry (see `checkFiniteInput`).
 */
export function mlpForward(params: MlpParams, X: Matrix | ColumnSelection, opts: MlpForwardOptions): MlpForwardResult {
  checkParams(params, "mlpForward");
  checkInput(params, X, "mlpForward");
  checkStats(params, opts.stats, "mlpForward");
  if (opts.statsOut) checkStats(params, opts.statsOut, "mlpForward: statsOut");
  const dropout = opts.mode === "train" ? (params.spec.dropout ?? 0) : 0;
  if (dropout > 0 && !opts.rng) {
    throw new RangeError(`mlpForward: spec.dropout = ${dropout} needs opts.rng in train mode`);
  }
  const ctx: Ctx = { params, opts, r: resolveImpls(opts.impl), ws: opts.workspace, dropout };
  const L = params.layers.length;
  const caches: MlpLayerCache[] = [];
  const nextStats: BnStats[] = [];
  let H: Matrix | ColumnSelection = X;
  for (let l = 0; l < L - 1; l++) {
    const res = hiddenForward(ctx, l, H);
    caches.push(res.cache);
    if (res.nextStats) nextStats.push(res.nextStats);
    H = res.out;
  }
  const p = params.layers[L - 1];
  const n = X.cols;
  const aff = ctx.r.affine(H, p.W, p.b, wsBuffer(ctx.ws, L - 1, Buf.S, p.W.rows, n));
  if (L === 1) checkFiniteInput(aff.out, X, "mlpForward");
  caches.push({ affine: aff.cache });
  const P = softmax(aff.out, wsBuffer(ctx.ws, L - 1, Buf.P, p.W.rows, n));
  return { P, cache: { mode: opts.mode, X, P, layers: caches }, nextStats: opts.mode === "train" ? nextStats : opts.stats };
}

function bnOptions(ctx: Ctx, l: number, m: number, n: number, out?: Matrix): BatchnormOptions {
  const { spec } = ctx.params;
  return {
    mode: ctx.opts.mode,
    stats: ctx.opts.stats[l],
    alpha: spec.bnAlpha,
    eps: spec.bnEps,
    out,
    nextStatsOut: ctx.opts.statsOut?.[l],
    buffers: ctx.ws && {
      SHat: ctx.ws.matrix(l, Buf.SHat, m, n),
      mu: ctx.ws.matrix(l, Buf.mu, m, 1),
      v: ctx.ws.matrix(l, Buf.v, m, 1),
      invStd: ctx.ws.matrix(l, Buf.invStd, m, 1),
    },
  };
}

/** BN (if any) and the activation of hidden layer l, in the spec's order. */
interface Stage {
  readonly out: Matrix;
  readonly activation: ActivationCache;
  readonly bn?: BatchnormCache;
  readonly nextStats?: BnStats;
}

function bnAndActivation(ctx: Ctx, l: number, S: Matrix, buf: (role: number) => Matrix | undefined): Stage {
  const { spec } = ctx.params;
  const { impls } = ctx.r;
  const p = ctx.params.layers[l];
  const { rows: m, cols: n } = S;
  if (spec.batchNorm === "before" && ctx.r.fuseForward) {
    const r = batchnormActivationForward(S, p.gamma!, p.beta!, spec.activation, {
      ...bnOptions(ctx, l, m, n, buf(Buf.H)),
      bnOut: buf(Buf.bnOut),
    });
    return { out: r.out, activation: r.activation, bn: r.bn, nextStats: r.nextStats };
  }
  if (spec.batchNorm === "before") {
    const b = impls.batchnormForward(S, p.gamma!, p.beta!, bnOptions(ctx, l, m, n, buf(Buf.bnOut)));
    const a = impls.activationForward(b.out, spec.activation, buf(Buf.H));
    return { out: a.out, activation: a.cache, bn: b.cache, nextStats: b.nextStats };
  }
  if (spec.batchNorm === "after") {
    const a = impls.activationForward(S, spec.activation, buf(Buf.A));
    const b = impls.batchnormForward(a.out, p.gamma!, p.beta!, bnOptions(ctx, l, m, n, buf(Buf.H)));
    return { out: b.out, activation: a.cache, bn: b.cache, nextStats: b.nextStats };
  }
  const a = impls.activationForward(S, spec.activation, buf(Buf.H));
  return { out: a.out, activation: a.cache };
}

/** One hidden layer: affine, BN/activation in the spec's order, then dropout (train mode). */
function hiddenForward(ctx: Ctx, l: number, Hin: Matrix | ColumnSelection): { out: Matrix; cache: MlpLayerCache; nextStats?: BnStats } {
  const p: LayerParams = ctx.params.layers[l];
  const m = p.W.rows;
  const n = Hin.cols;
  const buf = (role: number): Matrix | undefined => wsBuffer(ctx.ws, l, role, m, n);
  const aff = ctx.r.affine(Hin, p.W, p.b, buf(Buf.S));
  if (l === 0) checkFiniteInput(aff.out, Hin, "mlpForward");
  const st = bnAndActivation(ctx, l, aff.out, buf);
  if (ctx.dropout === 0) {
    return { out: st.out, cache: { affine: aff.cache, bn: st.bn, activation: st.activation }, nextStats: st.nextStats };
  }
  const d = dropoutForward(st.out, ctx.dropout, ctx.opts.rng!, buf(Buf.Hd), buf(Buf.mask), ctx.params.spec.dropoutScaling);
  return {
    out: d.out,
    cache: { affine: aff.cache, bn: st.bn, activation: st.activation, dropout: d.cache },
    nextStats: st.nextStats,
  };
}
