import { Matrix, createRng, Rng, zeros } from "../tensor";
import { isKinkedActivation } from "../layers/activations";
import { MlpParams, MlpStats, ParamEntry, ParamName, paramEntries, gradEntries } from "../model/params";
import { MlpSpec, layerSizes } from "../model/spec";
import { LayerImpls } from "../model/impls";
import { MlpCache, mlpForward } from "../model/forward";
import { mlpBackward } from "../model/backward";
import { crossEntropyLoss, l2Penalty } from "../layers/softmax-ce";
import { MlpWorkspace, createWorkspace } from "../model/workspace";
import { centeredDifference } from "./numerical";
import { NumericalGradientFn, userNumericalEntry } from "./user-gradient";
import { DEFAULT_GRADCHECK_FLOOR, compareGradients } from "./relative-error";

/** Default centered-difference step (see DEFAULT_GRADCHECK_FLOOR for the error it leaves). */
export const DEFAULT_GRADCHECK_STEP = 1e-5;
/** Default pass threshold on the maximum relative error. */
export const DEFAULT_GRADCHECK_TOLERANCE = 1e-6;

/** Options of `gradientCheck`. */
export interface GradCheckOptions {
  /** step h, default 1e-5 */
  readonly h?: number;
  /** denominator floor, default DEFAULT_GRADCHECK_FLOOR */
  readonly floor?: number;
  /** `pass` means maxRelativeError < tolerance (default 1e-6) */
  readonly tolerance?: number;
  /** seed of the dropout mask, fixed across all evaluations (spec.dropout > 0), default "gradcheck" */
  readonly dropoutSeed?: number | string;
  readonly impl?: Partial<LayerImpls>;
  /** a numerical gradient to use instead of the library's centered differences (teaching walkthroughs) */
  readonly numericalGradient?: NumericalGradientFn;
}

/** One row per parameter matrix, in `paramEntries` order. */
export interface GradCheckRow {
  /** 0-based layer index (tables print layer + 1) */
  readonly layer: number;
  readonly param: ParamName;
  /** [rows, cols] of the parameter */
  readonly shape: readonly [number, number];
  /** over the compared entries (all but the kink crossings) */
  readonly maxRelativeError: number;
  readonly maxAbsoluteError: number;
  /**
   * Entries left out because perturbing them by ±h flipped the sign of some input of a kinked
   * activation (ReLU, leaky ReLU, ELU): there the difference quotient straddles the kink and says
   * nothing about the derivative. Always 0 for smooth activations.
   */
  readonly kinkCrossings: number;
  /** maxRelativeError < tolerance, and at least one entry compared */
  readonly pass: boolean;
}

/** The inputs of kinked activations in a forward cache (empty for smooth activations). */
function kinkInputs(cache: MlpCache): Matrix[] {
  const out: Matrix[] = [];
  for (const c of cache.layers) if (c.activation && isKinkedActivation(c.activation.spec.name)) out.push(c.activation.S);
  return out;
}

/**
 * Compares `mlpBackward`'s analytic gradients with centered differences of the cost
 * J = mean CE + λ·Σ‖W‖² (train mode: BN with batch statistics) for every W, b, γ, β of every
 * layer. X: d × n, y: n labels. Parameters are perturbed in place and restored exactly. Use a
 * reduced problem (`reducedProblem`: d = 10, n = 20): the cost is evaluated 2× per parameter.
 * Perturbing layer l cannot change layers before it, so each evaluation runs the network from
 * layer l on, fed with layer l's input from the unperturbed pass (the same numbers, less work).
 * Kinks: see `GradCheckRow.kinkCrossings`.
 */
export function gradientCheck(params: MlpParams, stats: MlpStats, X: Matrix, y: Int32Array, lambda: number, opts: GradCheckOptions = {}): GradCheckRow[] {
  const h = opts.h ?? DEFAULT_GRADCHECK_STEP;
  const floor = opts.floor ?? DEFAULT_GRADCHECK_FLOOR;
  const tolerance = opts.tolerance ?? DEFAULT_GRADCHECK_TOLERANCE;
  for (const [name, v] of [
    ["h", h],
    ["floor", floor],
    ["tolerance", tolerance],
  ] as const) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`gradientCheck: ${name} must be a positive number, got ${v}`);
  }
  const dropoutRng = (l: number): Rng | undefined => dropoutRngFrom(params, X.cols, l, opts.dropoutSeed);
  const base = mlpForward(params, X, { mode: "train", stats, rng: dropoutRng(0), impl: opts.impl });
  const analytic = gradEntries(mlpBackward(params, base.cache, y, lambda, { impl: opts.impl }));
  const baseSigns = kinkInputs(base.cache).map((S) => Uint8Array.from(S.data, (s) => (s > 0 ? 1 : 0)));
  const suffixes = params.layers.map((_, l) => suffixNet(params, stats, l));
  return paramEntries(params).map((entry, i) => {
    const l = entry.layer;
    const { net, netStats, statsOut, workspace } = suffixes[l];
    const Xl = base.cache.layers[l].affine.X;
    const signs = baseSigns.slice(l);
    const tracker = { crossed: false };
    const loss = (): number => {
      const f = mlpForward(net, Xl, { mode: "train", stats: netStats, rng: dropoutRng(l), workspace, statsOut, impl: opts.impl });
      if (!tracker.crossed) tracker.crossed = signsChanged(kinkInputs(f.cache), signs);
      return crossEntropyLoss(f.P, y);
    };
    const { numeric, skip, kinkCrossings } = opts.numericalGradient
      ? userNumericalEntry(entry, h, lambda, loss, tracker, opts.numericalGradient)
      : numericalEntry(entry, h, lambda, loss, tracker);
    const { maxRelativeError, maxAbsoluteError } = compareGradients(analytic[i].value, numeric, floor, skip);
    return {
      layer: l,
      param: entry.name,
      shape: [entry.value.rows, entry.value.cols] as const,
      maxRelativeError,
      maxAbsoluteError,
      kinkCrossings,
      pass: maxRelativeError < tolerance && kinkCrossings < entry.value.data.length,
    };
  });
}

/**
 * Centered differences of J = loss + λ·Σ‖W‖² for every entry of one parameter. Differences are
 * linear, so the loss and the L2 term are differenced apart (each keeps its rounding at its own
 * scale) and the L2 difference needs only the perturbed matrix's ‖W‖². Entries during whose
 * evaluations `tracker.crossed` was set (a kink crossing) are marked in `skip`.
 */
function numericalEntry(
  entry: ParamEntry,
  h: number,
  lambda: number,
  loss: () => number,
  tracker: { crossed: boolean },
): { numeric: Matrix; skip: Uint8Array; kinkCrossings: number } {
  const { value } = entry;
  const ownSq = (): number => (entry.name === "W" && lambda > 0 ? l2Penalty([value], 1) : 0);
  const numeric = zeros(value.rows, value.cols);
  const skip = new Uint8Array(value.data.length);
  let kinkCrossings = 0;
  for (let k = 0; k < value.data.length; k++) {
    tracker.crossed = false;
    numeric.data[k] = centeredDifference(loss, value.data, k, h) + lambda * centeredDifference(ownSq, value.data, k, h);
    if (tracker.crossed) {
      skip[k] = 1;
      kinkCrossings++;
    }
  }
  return { numeric, skip, kinkCrossings };
}

/** Layers l… of the network as a network of their own, sharing the parameter matrices. */
function suffixNet(params: MlpParams, stats: MlpStats, l: number): { net: MlpParams; netStats: MlpStats; statsOut: MlpStats; workspace: MlpWorkspace } {
  const { spec } = params;
  const sub: MlpSpec = { ...spec, inputSize: layerSizes(spec)[l], hidden: spec.hidden.slice(l) };
  const netStats = stats.slice(l);
  return {
    net: { spec: sub, layers: params.layers.slice(l) },
    netStats,
    workspace: createWorkspace(sub, 1),
    statsOut: netStats.map((s) => ({ muAv: zeros(s.muAv.rows, 1), vAv: zeros(s.vAv.rows, 1) })),
  };
}

/**
 * The dropout generator positioned where layer l's masks begin (undefined without dropout): the
 * same seed every time, advanced past the n·m_k draws of hidden layers k < l, so every evaluation
 * sees the same masks as the unperturbed pass.
 */
function dropoutRngFrom(params: MlpParams, n: number, l: number, seed?: number | string): Rng | undefined {
  if (!params.spec.dropout) return undefined;
  const rng = createRng(seed ?? "gradcheck");
  for (let k = 0; k < l; k++) for (let t = 0; t < params.spec.hidden[k] * n; t++) rng.uniform();
  return rng;
}

/** Whether any input of a kinked activation is on the other side of 0 than at the base point. */
function signsChanged(inputs: readonly Matrix[], base: readonly Uint8Array[]): boolean {
  for (let i = 0; i < inputs.length; i++) {
    const d = inputs[i].data;
    const b = base[i];
    for (let k = 0; k < d.length; k++) if ((d[k] > 0 ? 1 : 0) !== b[k]) return true;
  }
  return false;
}
