/**
 * The network vocabulary: weight initialization, BatchNorm placement, bias placement, and the
 * `MlpSpec` fields that configs share.
 */
import { z } from "zod";
import { OBJECT, num, oneOf, strict } from "./rules";
import { activationSpecSchema } from "./activation";
import { DeepReadonly } from "./readonly";

/** Where BatchNorm sits in each hidden layer: "before" = on S, before the activation. */
export const BATCH_NORM_PLACEMENTS = ["off", "before", "after"] as const;
export const batchNormPlacementSchema = oneOf(BATCH_NORM_PLACEMENTS, 'BatchNorm in every hidden layer: "off", "before" or "after" the activation');
export type BatchNormPlacement = (typeof BATCH_NORM_PLACEMENTS)[number];

/** Which layers have a bias b: "all" (DD2424, the default) or "firstLayer" (TDT4265's bias trick). */
export const BIAS_PLACEMENTS = ["all", "firstLayer"] as const;
export const biasPlacementSchema = oneOf(BIAS_PLACEMENTS, 'which layers have a bias (default "all")');
export type BiasPlacement = (typeof BIAS_PLACEMENTS)[number];

/**
 * How dropout scales the kept units in training: "inverted" by 1/(1 − p) (nothing at test time);
 * "none" not at all — units are only "killed" (and nothing at test time either).
 */
export const DROPOUT_SCALINGS = ["inverted", "none"] as const;
export const dropoutScalingSchema = oneOf(DROPOUT_SCALINGS, 'how dropout scales the kept units (default "inverted")');
export type DropoutScaling = (typeof DROPOUT_SCALINGS)[number];

/** Initialization kinds: σ = √(2/fan_in) (he), √(2/(fan_in + fan_out)) (xavier), as given (normal), 1/√fan_in (fanIn). */
export const INIT_KINDS = ["he", "xavier", "normal", "fanIn"] as const;
export type InitKind = (typeof INIT_KINDS)[number];

const initKind = <K extends InitKind>(kind: K) => z.literal(kind);

export const initSpecSchema = z
  .discriminatedUnion(
    "kind",
    [
      strict({ kind: initKind("he") }),
      strict({ kind: initKind("xavier") }),
      strict({ kind: initKind("normal"), sigma: num({ above: 0 }, "σ of every layer's weights") }),
      strict({ kind: initKind("fanIn") }),
    ],
    OBJECT,
  )
  .describe("weight initialization (biases 0, γ 1, β 0)");
export type InitSpec = DeepReadonly<z.output<typeof initSpecSchema>>;

/** The network fields a config and an `MlpSpec` share (sizes of input and output come from the data). */
export const networkShape = {
  hidden: z.array(num({ integer: true, min: 1 }), { error: "expected an array of layer widths" }).describe("hidden layer widths, e.g. [50, 50]"),
  activation: activationSpecSchema,
  batchNorm: batchNormPlacementSchema,
  init: initSpecSchema,
  dropout: num({ min: 0, below: 1 }, "drop probability on hidden activations, default 0").optional(),
  dropoutScaling: dropoutScalingSchema.optional(),
  bnAlpha: num({ min: 0, max: 1 }, "BN moving-average weight, default 0.9").optional(),
  bnEps: num({ above: 0 }, "BN ε").optional(),
  biases: biasPlacementSchema.optional(),
} as const;

/** A whole `MlpSpec`: inputSize → hidden… → outputSize. */
export const mlpSpecSchema = strict({
  inputSize: num({ integer: true, min: 1 }, "input dimension d"),
  ...networkShape,
  outputSize: num({ integer: true, min: 1 }, "number of classes K"),
});
