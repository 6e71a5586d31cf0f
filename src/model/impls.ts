import { Matrix, toMatrix } from "../tensor";
import { AffineResult, affineForward, affineBackward } from "../layers/affine";
import { activationForward, activationBackward } from "../layers/activations";
import { batchnormForward, batchnormBackward } from "../layers/batchnorm";
import { softmaxCrossEntropyBackward } from "../layers/softmax-ce";

/**
 * The pluggable pieces of the MLP, for teaching walkthroughs: a notebook can pass its own
 * version of any of them (same signature as the library's) through `impl` for one
 * forward/backward, while the rest stays the library's.
 */
export interface LayerImpls {
  /** (the library's also takes a column selection as X; an override gets plain matrices) */
  readonly affineForward: (X: Matrix, W: Matrix, b: Matrix, out?: Matrix) => AffineResult;
  readonly affineBackward: typeof affineBackward;
  readonly activationForward: typeof activationForward;
  readonly activationBackward: typeof activationBackward;
  readonly batchnormForward: typeof batchnormForward;
  readonly batchnormBackward: typeof batchnormBackward;
  readonly softmaxCrossEntropyBackward: typeof softmaxCrossEntropyBackward;
}

/** The library's implementations. */
export const defaultLayerImpls: LayerImpls = {
  affineForward,
  affineBackward,
  activationForward,
  activationBackward,
  batchnormForward,
  batchnormBackward,
  softmaxCrossEntropyBackward,
};

/**
 * The implementations to use, and whether BN-before + activation may run fused (only when both
 * halves are the library's, since the fused code is bit-identical to exactly those).
 */
export interface ResolvedImpls {
  readonly impls: LayerImpls;
  /** the affine forward to call: the library's, or the override with a column selection copied out */
  readonly affine: typeof affineForward;
  readonly fuseForward: boolean;
  readonly fuseBackward: boolean;
}

const LIBRARY: ResolvedImpls = { impls: defaultLayerImpls, affine: affineForward, fuseForward: true, fuseBackward: true };

/** Merges `impl` over the library's implementations. */
export function resolveImpls(impl?: Partial<LayerImpls>): ResolvedImpls {
  if (!impl) return LIBRARY;
  const impls: LayerImpls = { ...defaultLayerImpls, ...impl };
  return {
    impls,
    affine: impls.affineForward === affineForward ? affineForward : (X, W, b, out) => impls.affineForward(toMatrix(X), W, b, out),
    fuseForward: impls.batchnormForward === batchnormForward && impls.activationForward === activationForward,
    fuseBackward: impls.batchnormBackward === batchnormBackward && impls.activationBackward === activationBackward,
  };
}
