import { ActivationSpec, validateActivation } from "../layers/activations";
import { type DropoutScaling, validateDropProbability } from "../layers/dropout";

/** Where BatchNorm sits in each hidden layer: "before" = on S, before the activation (default). */
export type BatchNormPlacement = "off" | "before" | "after";

/**
 * Weight initialization (biases start at 0, γ at 1, β at 0). Standard deviations:
 * he σ = √(2/fan_in); xavier (Glorot normal) σ = √(2/(fan_in + fan_out));
 * normal σ as given (the same for every layer); fanIn σ = 1/√fan_in.
 */
export type InitSpec =
  | { readonly kind: "he" }
  | { readonly kind: "xavier" }
  | { readonly kind: "normal"; readonly sigma: number }
  | { readonly kind: "fanIn" };

/**
 * Which layers have a bias b: "all" (DD2424, the default) or "firstLayer" (TDT4265: the bias
 * trick appends a 1 to the input only, so 784-64-10 has (784 + 1)·64 + 64·10 = 50,880
 * parameters). Layers without a bias keep b = 0 and are left out of paramEntries/gradEntries.
 */
export type BiasPlacement = "all" | "firstLayer";

/** A multi-layer perceptron: sizes inputSize → hidden… → outputSize, softmax at the end. */
export interface MlpSpec {
  readonly inputSize: number;
  readonly hidden: readonly number[];
  readonly outputSize: number;
  readonly activation: ActivationSpec;
  readonly batchNorm: BatchNormPlacement;
  readonly init: InitSpec;
  /** drop probability on hidden activations (inverted dropout), 0 or absent = off */
  readonly dropout?: number;
  /** how dropout scales the kept units (see `DropoutScaling`); absent = "inverted" */
  readonly dropoutScaling?: DropoutScaling;
  /** BN moving-average weight, default 0.9 */
  readonly bnAlpha?: number;
  /** BN ε, default DEFAULT_BN_EPS */
  readonly bnEps?: number;
  /** default "all" */
  readonly biases?: BiasPlacement;
}

function isPositiveInt(x: unknown): boolean {
  return typeof x === "number" && Number.isInteger(x) && x > 0;
}

/** Throws a clear error naming the field and value on any invalid part of `spec`. */
export function validateSpec(spec: MlpSpec): void {
  if (!spec || typeof spec !== "object") throw new TypeError(`MlpSpec: expected an object, got ${spec}`);
  if (!isPositiveInt(spec.inputSize)) throw new RangeError(`MlpSpec.inputSize must be a positive integer, got ${spec.inputSize}`);
  if (!isPositiveInt(spec.outputSize)) throw new RangeError(`MlpSpec.outputSize must be a positive integer, got ${spec.outputSize}`);
  if (!Array.isArray(spec.hidden)) throw new TypeError(`MlpSpec.hidden must be an array of layer widths, got ${spec.hidden}`);
  spec.hidden.forEach((m, l) => {
    if (!isPositiveInt(m)) throw new RangeError(`MlpSpec.hidden[${l}] must be a positive integer, got ${m}`);
  });
  validateActivation(spec.activation, "MlpSpec.activation");
  if (!["off", "before", "after"].includes(spec.batchNorm)) {
    throw new RangeError(`MlpSpec.batchNorm must be "off", "before" or "after", got ${spec.batchNorm}`);
  }
  validateInit(spec.init);
  if (spec.dropout !== undefined) validateDropProbability(spec.dropout, "MlpSpec.dropout");
  if (spec.dropoutScaling !== undefined && spec.dropoutScaling !== "inverted" && spec.dropoutScaling !== "none") {
    throw new RangeError(`MlpSpec.dropoutScaling must be "inverted" or "none", got ${JSON.stringify(spec.dropoutScaling)}`);
  }
  if (spec.bnAlpha !== undefined && !(spec.bnAlpha >= 0 && spec.bnAlpha <= 1)) {
    throw new RangeError(`MlpSpec.bnAlpha must be in [0, 1], got ${spec.bnAlpha}`);
  }
  if (spec.bnEps !== undefined && !(spec.bnEps > 0 && Number.isFinite(spec.bnEps))) {
    throw new RangeError(`MlpSpec.bnEps must be a positive number, got ${spec.bnEps}`);
  }
  if (spec.biases !== undefined && spec.biases !== "all" && spec.biases !== "firstLayer") {
    throw new RangeError(`MlpSpec.biases must be "all" or "firstLayer", got ${spec.biases}`);
  }
}

function validateInit(init: InitSpec): void {
  const kind = init?.kind;
  if (kind === "normal") {
    const sigma = (init as { sigma: number }).sigma;
    if (!(sigma > 0 && Number.isFinite(sigma))) {
      throw new RangeError(`MlpSpec.init: normal σ (sigma) must be a finite number > 0, got ${sigma}`);
    }
  } else if (kind !== "he" && kind !== "xavier" && kind !== "fanIn") {
    throw new RangeError(`MlpSpec.init.kind must be "he", "xavier", "normal" or "fanIn", got ${kind}`);
  }
}

/** [inputSize, ...hidden, outputSize]: layer l maps sizes[l] → sizes[l + 1]. */
export function layerSizes(spec: MlpSpec): number[] {
  return [spec.inputSize, ...spec.hidden, spec.outputSize];
}

/**
 * A spec from the reports' layer list, e.g. [3072, 50, 30, 20, 20, 10, 10, 10, 10, 10]
 * (input, hidden widths…, output). Throws on an empty list or one without an output layer.
 */
export function specFromSizes(
  sizes: readonly number[], rest: Omit<MlpSpec, "inputSize" | "hidden" | "outputSize">,
): MlpSpec {
  if (!Array.isArray(sizes) || sizes.length === 0) {
    throw new RangeError(`specFromSizes: the layer list is empty (need [inputSize, …hidden, outputSize])`);
  }
  if (sizes.length < 2) {
    throw new RangeError(`specFromSizes: the layer list [${sizes.join(", ")}] has no layers (need at least [inputSize, outputSize])`);
  }
  const spec: MlpSpec = {
    ...rest, inputSize: sizes[0], hidden: sizes.slice(1, -1), outputSize: sizes[sizes.length - 1],
  };
  validateSpec(spec);
  return spec;
}

/** Whether layer l (0-based) has a trainable bias. */
export function hasBias(spec: MlpSpec, l: number): boolean {
  return (spec.biases ?? "all") === "all" || l === 0;
}

/** Whether hidden layer l has BatchNorm (γ, β, moving averages). */
export function hasBatchNorm(spec: MlpSpec, l: number): boolean {
  return spec.batchNorm !== "off" && l < spec.hidden.length;
}

/**
 * The number of trainable parameters: Σ_l (m_l·d_l + m_l if layer l has a bias) plus 2·m_l (γ, β)
 * per hidden layer with BN. E.g. 784-64-10: 50,890 with biases "all", 50,880 with "firstLayer".
 */
export function countParameters(spec: MlpSpec): number {
  validateSpec(spec);
  const sizes = layerSizes(spec);
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const m = sizes[l + 1];
    count += m * sizes[l] + (hasBias(spec, l) ? m : 0) + (hasBatchNorm(spec, l) ? 2 * m : 0);
  }
  return count;
}
