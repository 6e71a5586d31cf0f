/**
 * The vocabulary's name types by their TypeScript names, for notebook parameters: a parameter
 * declared `const activation: ActivationName = "relu";` accepts exactly the schema's names.
 */
import { ACTIVATION_NAMES } from "./activation";
import { BATCH_NORM_PLACEMENTS, BIAS_PLACEMENTS, INIT_KINDS } from "./model";

export const VOCABULARY_TYPES: { readonly [typeName: string]: readonly string[] } = {
  ActivationName: ACTIVATION_NAMES,
  BatchNormPlacement: BATCH_NORM_PLACEMENTS,
  BiasPlacement: BIAS_PLACEMENTS,
  InitKind: INIT_KINDS,
};
