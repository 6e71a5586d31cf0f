/**
 * The activation vocabulary: the one list of activation names. Adding an activation means one
 * entry here and one entry in the implementation table of src/layers/activations.ts (the compiler
 * refuses the name until the table has it); configs, `MlpSpec`, the gradient check and notebook
 * parameters annotated `ActivationName` take it from here.
 */
import { z } from "zod";
import { num, oneOf, strict } from "./rules";
import { DeepReadonly } from "./readonly";

/** Every activation name, in a fixed order (tests loop over it; "linear" = identity). */
export const ACTIVATION_NAMES = ["relu", "leakyRelu", "elu", "sigmoid", "tanh", "improvedSigmoid", "linear"] as const;

/** The element-wise activations the reports use. */
export const activationNameSchema = oneOf(ACTIVATION_NAMES, "element-wise activation of the hidden layers");

/** An activation and its parameter: alpha = leaky-ReLU slope (default 0.01) or ELU α (default 1). */
export const activationSpecSchema = strict({
  name: activationNameSchema,
  alpha: num({ min: 0 }, "leaky-ReLU slope (default 0.01) or ELU α (default 1); unused by the others").optional(),
});

export type ActivationName = (typeof ACTIVATION_NAMES)[number];
export type ActivationSpec = DeepReadonly<z.output<typeof activationSpecSchema>>;
