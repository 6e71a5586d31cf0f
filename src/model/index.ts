// Re-exports of src/model: the MLP's spec, parameters, forward/backward and evaluation.
export type { BatchNormPlacement, InitSpec, BiasPlacement, MlpSpec } from "./spec";
export { validateSpec, layerSizes, specFromSizes, hasBias, hasBatchNorm, countParameters } from "./spec";
export type { LayerParams, MlpParams, MlpStats, LayerGrads, MlpGrads, ParamName, ParamEntry } from "./params";
export { paramEntries, gradEntries, cloneMlpParams, cloneMlpStats } from "./params";
export { initStd, initMlp } from "./init";
export type { LayerImpls } from "./impls";
export { defaultLayerImpls } from "./impls";
export { MlpWorkspace, createWorkspace } from "./workspace";
export type { MlpForwardOptions, MlpLayerCache, MlpCache, MlpForwardResult } from "./forward";
export { mlpForward } from "./forward";
export type { MlpBackwardOptions } from "./backward";
export { mlpBackward } from "./backward";
export type { MlpSgdStepOptions } from "./sgd-step";
export { mlpSgdStep } from "./sgd-step";
export type { CostParts } from "./cost";
export { mlpCost } from "./cost";
export type { EvaluateOptions, Evaluation } from "./evaluate";
export { evaluateMlp } from "./evaluate";
