import { Matrix, zeros, assertShape } from "../tensor";
import { ActivationName, ActivationSpec, activationSpecSchema, parseWith } from "../schema";

export type { ActivationName, ActivationSpec } from "../schema";
export { ACTIVATION_NAMES } from "../schema";

/** What `activationBackward` needs: the input S and the output H = f(S), both m × n. */
export interface ActivationCache {
  readonly spec: ActivationSpec;
  readonly S: Matrix;
  readonly out: Matrix;
}

/** One activation: f and f′ over flat ranges of column-major data, and its properties. */
interface ActivationImpl {
  /** alpha when the spec gives none */
  readonly defaultAlpha: number;
  /** f has a kink at 0 (the gradient check leaves out differences that straddle it) */
  readonly kinked: boolean;
  /** H[k] = f(S[k]) for k in [start, end); H may be S itself */
  forward(alpha: number, S: Float64Array, H: Float64Array, start: number, end: number): void;
  /** dS[k] = f′(S[k])·dOut[k], f′ from the input S or the output H; dS may be dOut itself */
  backward(alpha: number, S: Float64Array, H: Float64Array, dOut: Float64Array, dS: Float64Array, start: number, end: number): void;
}

/** LeCun's "improved sigmoid" f(x) = A·tanh(B·x) with A = 1.7159, B = 2/3. */
const IMPROVED_A = 1.7159;
const IMPROVED_B = 2 / 3;

/**
 * The implementation of every activation, keyed by the schema's names (src/schema/activation.ts):
 * a name added there is refused by the compiler until it has an entry here. NaN propagates through
 * every activation (ReLU uses Math.max, which keeps NaN). At the kink 0 the ReLU family uses the
 * left derivative (0 for ReLU, alpha for leaky ReLU).
 */
const ACTIVATIONS: { readonly [N in ActivationName]: ActivationImpl } = {
  relu: {
    defaultAlpha: 0,
    kinked: true,
    forward(_a, S, H, start, end) {
      for (let k = start; k < end; k++) H[k] = Math.max(S[k], 0);
    },
    backward(_a, S, _H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) dS[k] = S[k] > 0 ? dOut[k] : 0;
    },
  },
  leakyRelu: {
    defaultAlpha: 0.01,
    kinked: true,
    forward(alpha, S, H, start, end) {
      for (let k = start; k < end; k++) {
        const s = S[k];
        H[k] = s > 0 ? s : alpha * s;
      }
    },
    backward(alpha, S, _H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) dS[k] = S[k] > 0 ? dOut[k] : alpha * dOut[k];
    },
  },
  elu: {
    defaultAlpha: 1,
    kinked: true,
    forward(alpha, S, H, start, end) {
      for (let k = start; k < end; k++) {
        const s = S[k];
        H[k] = s > 0 ? s : alpha * Math.expm1(s);
      }
    },
    backward(alpha, S, H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) dS[k] = S[k] > 0 ? dOut[k] : (H[k] + alpha) * dOut[k];
    },
  },
  sigmoid: {
    defaultAlpha: 0,
    kinked: false,
    forward(_a, S, H, start, end) {
      for (let k = start; k < end; k++) H[k] = 1 / (1 + Math.exp(-S[k]));
    },
    backward(_a, _S, H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) {
        const h = H[k];
        dS[k] = h * (1 - h) * dOut[k];
      }
    },
  },
  tanh: {
    defaultAlpha: 0,
    kinked: false,
    forward(_a, S, H, start, end) {
      for (let k = start; k < end; k++) H[k] = Math.tanh(S[k]);
    },
    backward(_a, _S, H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) {
        const h = H[k];
        dS[k] = (1 - h * h) * dOut[k];
      }
    },
  },
  improvedSigmoid: {
    defaultAlpha: 0,
    kinked: false,
    forward(_a, S, H, start, end) {
      for (let k = start; k < end; k++) H[k] = IMPROVED_A * Math.tanh(IMPROVED_B * S[k]);
    },
    backward(_a, _S, H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) {
        const t = H[k] / IMPROVED_A;
        dS[k] = IMPROVED_A * IMPROVED_B * (1 - t * t) * dOut[k];
      }
    },
  },
  linear: {
    defaultAlpha: 0,
    kinked: false,
    forward(_a, S, H, start, end) {
      if (H !== S) H.set(S.subarray(start, end), start);
    },
    backward(_a, _S, _H, dOut, dS, start, end) {
      if (dS !== dOut) dS.set(dOut.subarray(start, end), start);
    },
  },
};

/** The alpha actually used: the given one, else the activation's default (0.01 leakyRelu, 1 elu, 0 others). */
export function activationAlpha(spec: ActivationSpec): number {
  return spec.alpha ?? ACTIVATIONS[spec.name].defaultAlpha;
}

/** Whether the activation has a kink at 0 (ReLU, leaky ReLU, ELU). */
export function isKinkedActivation(name: ActivationName): boolean {
  return ACTIVATIONS[name].kinked;
}

/** Throws a `ConfigError` naming `what` unless `spec` is a known activation with a finite alpha ≥ 0. */
export function validateActivation(spec: ActivationSpec, what: string): void {
  if (spec && Object.prototype.hasOwnProperty.call(ACTIVATIONS, spec.name) && spec.alpha === undefined) return;
  parseWith(activationSpecSchema, spec, what);
}

/** H[k] = f(S[k]) for k in [start, end) (flat column-major indices); H may be S itself. */
export function activateRange(name: ActivationName, alpha: number, S: Float64Array, H: Float64Array, start: number, end: number): void {
  ACTIVATIONS[name].forward(alpha, S, H, start, end);
}

/**
 * dS[k] = f′(S[k])·dOut[k] for k in [start, end), with f′ taken from the input S (ReLU family,
 * ELU) or the output H (sigmoid family); dS may be dOut itself.
 */
export function activationGradRange(
  name: ActivationName,
  alpha: number,
  S: Float64Array,
  H: Float64Array,
  dOut: Float64Array,
  dS: Float64Array,
  start: number,
  end: number,
): void {
  ACTIVATIONS[name].backward(alpha, S, H, dOut, dS, start, end);
}

/**
 * H = f(S) element-wise. S: m × n → out: m × n (written into `out` if given; may be S itself,
 * but then the cache's S is overwritten, which breaks the backward pass of the ReLU family).
 */
export function activationForward(S: Matrix, spec: ActivationSpec, out?: Matrix): { readonly out: Matrix; readonly cache: ActivationCache } {
  validateActivation(spec, "activationForward");
  const H = out ?? zeros(S.rows, S.cols);
  assertShape(H, S.rows, S.cols, "activationForward: out");
  activateRange(spec.name, activationAlpha(spec), S.data, H.data, 0, S.data.length);
  return { out: H, cache: { spec, S, out: H } };
}

/** dS = f′(S) ⊙ dOut. dOut: m × n → m × n (into `out` if given; may be dOut itself). */
export function activationBackward(dOut: Matrix, cache: ActivationCache, out?: Matrix): Matrix {
  const { spec, S, out: H } = cache;
  assertShape(dOut, S.rows, S.cols, "activationBackward: dOut");
  const dS = out ?? zeros(S.rows, S.cols);
  assertShape(dS, S.rows, S.cols, "activationBackward: out");
  activationGradRange(spec.name, activationAlpha(spec), S.data, H.data, dOut.data, dS.data, 0, dS.data.length);
  return dS;
}
