// Re-exports of src/layers: one file per layer, forward and backward side by side.
export type { AffineCache, AffineResult, AffineBackwardOptions, AffineGrads } from "./affine";
export { affineForward, affineBackward, affineBackwardDescend } from "./affine";
export type { ActivationName, ActivationSpec, ActivationCache } from "./activations";
export { ACTIVATION_NAMES, activationAlpha, isKinkedActivation, validateActivation, activationForward, activationBackward } from "./activations";
export type { BnStats, BnMode, BatchnormBuffers, BatchnormOptions, BatchnormCache, BatchnormResult, BatchnormGrads, BatchnormGradBuffers } from "./batchnorm";
export { DEFAULT_BN_ALPHA, DEFAULT_BN_EPS, batchnormForward, batchnormBackward } from "./batchnorm";
export { batchnormBackwardStaged } from "./batchnorm-staged";
export type { BatchnormActivationOptions, BatchnormActivationResult } from "./batchnorm-activation";
export { batchnormActivationForward, batchnormActivationBackward } from "./batchnorm-activation";
export type { DropoutCache, DropoutScaling } from "./dropout";
export { validateDropProbability, dropoutForward, dropoutBackward } from "./dropout";
export { softmax, checkLabels, checkLambda, crossEntropyLoss, softmaxCrossEntropyBackward, l2Penalty } from "./softmax-ce";
