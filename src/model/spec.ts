import type { ActivationSpec, BatchNormPlacement, BiasPlacement, DropoutScaling, InitSpec } from "../schema";
import { mlpSpecSchema, parseWith } from "../schema";

/**
 * The network vocabulary comes from src/schema/model.ts:
 * - `BatchNormPlacement`: where BatchNorm sits in each hidden layer; "before" = on S, before the
 *   activation (default).
 * - `InitSpec`: weight initialization (biases start at 0, γ at 1, β at 0). Standard deviations:
 *   he σ = √(2/fan_in); xavier (Glorot normal) σ = √(2/(fan_in + fan_out)); normal σ as given
 *   (the same for every layer); fanIn σ = 1/√fan_in.
 * - `BiasPlacement`: which layers have a bias b: "all" (DD2424, the default) or "firstLayer"
 *   (TDT4265: the bias trick appends a 1 to the input only, so 784-64-10 has (784 + 1)·64 + 64·10 =
 *   50,880 parameters). Layers without a bias keep b = 0 and are left out of paramEntries/gradEntries.
 */
export type { BatchNormPlacement, BiasPlacement, InitSpec } from "../schema";

/** A multi-layer perceptron: sizes inputSize → hidden… → outputSize, softmax at the end. */
export interface MlpSpec {
  readonly inputSize: number;
  readonly hidden: readonly number[];
  readonly outputSize: number;
  readonly activation: ActivationSpec;
  readonly batchNorm: BatchNormPlacement;
  readonly init: InitSpec;
  /** drop probability on hidden activations, 0 or absent = off */
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

/** Throws a `ConfigError` naming the field (`MlpSpec.hidden[1]`), its value and what was expected. */
export function validateSpec(spec: MlpSpec): void {
  parseWith(mlpSpecSchema, spec, "MlpSpec");
}

/** [inputSize, ...hidden, outputSize]: layer l maps sizes[l] → sizes[l + 1]. */
export function layerSizes(spec: MlpSpec): number[] {
  return [spec.inputSize, ...spec.hidden, spec.outputSize];
}

/**
 * A spec from the reports' layer list, e.g. [3072, 50, 30, 20, 20, 10, 10, 10, 10, 10]
 * (input, hidden widths…, output). Throws on an empty list or one without an output layer.
 */
export function specFromSizes(sizes: readonly number[], rest: Omit<MlpSpec, "inputSize" | "hidden" | "outputSize">): MlpSpec {
  if (!Array.isArray(sizes) || sizes.length === 0) {
    throw new RangeError(`specFromSizes: the layer list is empty (need [inputSize, …hidden, outputSize])`);
  }
  if (sizes.length < 2) {
    throw new RangeError(`specFromSizes: the layer list [${sizes.join(", ")}] has no layers (need at least [inputSize, outputSize])`);
  }
  const spec: MlpSpec = {
    ...rest,
    inputSize: sizes[0],
    hidden: sizes.slice(1, -1),
    outputSize: sizes[sizes.length - 1],
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
