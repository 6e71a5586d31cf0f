import { Matrix, zeros, assertShape } from "../tensor";

/** The element-wise activations the reports use ("linear" = identity, for tests and ablations). */
export type ActivationName = "relu" | "leakyRelu" | "elu" | "sigmoid" | "tanh" | "improvedSigmoid" | "linear";

/** Every activation name, in a fixed order (tests loop over it). */
export const ACTIVATION_NAMES: readonly ActivationName[] = [
  "relu", "leakyRelu", "elu", "sigmoid", "tanh", "improvedSigmoid", "linear",
];

/** An activation and its parameter: alpha = leaky-ReLU slope (default 0.01) or ELU α (default 1). */
export interface ActivationSpec {
  readonly name: ActivationName;
  readonly alpha?: number;
}

/** What `activationBackward` needs: the input S and the output H = f(S), both m × n. */
export interface ActivationCache {
  readonly spec: ActivationSpec;
  readonly S: Matrix;
  readonly out: Matrix;
}

/** LeCun's "improved sigmoid" f(x) = A·tanh(B·x) with A = 1.7159, B = 2/3. */
const IMPROVED_A = 1.7159;
const IMPROVED_B = 2 / 3;

/** The alpha actually used: the given one, else 0.01 (leakyRelu), 1 (elu), 0 (others). */
export function activationAlpha(spec: ActivationSpec): number {
  if (spec.alpha !== undefined) return spec.alpha;
  return spec.name === "leakyRelu" ? 0.01 : spec.name === "elu" ? 1 : 0;
}

/** Throws naming `what` unless `spec` is a known activation with a finite alpha. */
export function validateActivation(spec: ActivationSpec, what: string): void {
  if (!spec || !ACTIVATION_NAMES.includes(spec.name)) {
    throw new RangeError(`${what}: unknown activation "${spec?.name}" (expected one of ${ACTIVATION_NAMES.join(", ")})`);
  }
  if (spec.alpha !== undefined && !Number.isFinite(spec.alpha)) {
    throw new RangeError(`${what}: activation ${spec.name} alpha must be a finite number, got ${spec.alpha}`);
  }
}

/**
 * H[k] = f(S[k]) for k in [start, end) (flat column-major indices); H may be S itself.
 * NaN propagates through every activation (ReLU uses Math.max, which keeps NaN).
 */
export function activateRange(
  name: ActivationName, alpha: number, S: Float64Array, H: Float64Array, start: number, end: number,
): void {
  switch (name) {
    case "relu": for (let k = start; k < end; k++) H[k] = Math.max(S[k], 0); break;
    case "leakyRelu": for (let k = start; k < end; k++) { const s = S[k]; H[k] = s > 0 ? s : alpha * s; } break;
    case "elu": for (let k = start; k < end; k++) { const s = S[k]; H[k] = s > 0 ? s : alpha * Math.expm1(s); } break;
    case "sigmoid": for (let k = start; k < end; k++) H[k] = 1 / (1 + Math.exp(-S[k])); break;
    case "tanh": for (let k = start; k < end; k++) H[k] = Math.tanh(S[k]); break;
    case "improvedSigmoid": for (let k = start; k < end; k++) H[k] = IMPROVED_A * Math.tanh(IMPROVED_B * S[k]); break;
    case "linear": if (H !== S) H.set(S.subarray(start, end), start); break;
  }
}

/**
 * dS[k] = f′(S[k])·dOut[k] for k in [start, end), with f′ taken from the input S (ReLU family,
 * ELU) or the output H (sigmoid family); dS may be dOut itself. At the kink 0 the ReLU family
 * uses the left derivative (0 for ReLU, alpha for leaky ReLU).
 */
export function activationGradRange(
  name: ActivationName, alpha: number, S: Float64Array, H: Float64Array,
  dOut: Float64Array, dS: Float64Array, start: number, end: number,
): void {
  switch (name) {
    case "relu": for (let k = start; k < end; k++) dS[k] = S[k] > 0 ? dOut[k] : 0; break;
    case "leakyRelu": for (let k = start; k < end; k++) dS[k] = S[k] > 0 ? dOut[k] : alpha * dOut[k]; break;
    case "elu": for (let k = start; k < end; k++) dS[k] = S[k] > 0 ? dOut[k] : (H[k] + alpha) * dOut[k]; break;
    case "sigmoid": for (let k = start; k < end; k++) { const h = H[k]; dS[k] = h * (1 - h) * dOut[k]; } break;
    case "tanh": for (let k = start; k < end; k++) { const h = H[k]; dS[k] = (1 - h * h) * dOut[k]; } break;
    case "improvedSigmoid":
      for (let k = start; k < end; k++) {
        const t = H[k] / IMPROVED_A;
        dS[k] = IMPROVED_A * IMPROVED_B * (1 - t * t) * dOut[k];
      }
      break;
    case "linear": if (dS !== dOut) dS.set(dOut.subarray(start, end), start); break;
  }
}

/**
 * H = f(S) element-wise. S: m × n → out: m × n (written into `out` if given; may be S itself,
 * but then the cache's S is overwritten, which breaks the backward pass of the ReLU family).
 */
export function activationForward(
  S: Matrix, spec: ActivationSpec, out?: Matrix,
): { readonly out: Matrix; readonly cache: ActivationCache } {
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
