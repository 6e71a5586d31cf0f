import type { DropoutScaling } from "../schema";
import { Matrix, Rng, zeros, assertShape } from "../tensor";

/** The mask used in the forward pass: 0 for dropped units, 1/(1 − p) (inverted) or 1 (unscaled) for kept ones (m × n). */
export interface DropoutCache {
  readonly p: number;
  readonly mask: Matrix;
}

/** Throws naming `what` unless p is a drop probability in [0, 1). */
export function validateDropProbability(p: number, what: string): void {
  if (!(p >= 0 && p < 1)) throw new RangeError(`${what}: dropout p (drop probability) must be in [0, 1), got ${p}`);
}

/**
 * How kept units are scaled in training (the schema's `DropoutScaling`): "inverted" by 1/(1 − p),
 * so the expected output equals X and nothing changes at test time; "none" not at all (units are
 * only "killed"), and nothing at test time either, so a test-time activation is on average
 * 1/(1 − p) times its training value.
 */
export type { DropoutScaling };

/**
 * Dropout. **p is the DROP probability**: each entry of X (m × n) is zeroed with probability p;
 * the kept ones are scaled by 1/(1 − p) (`scaling` "inverted", the default) or kept as they are
 * ("none"). One uniform draw per entry from `rng`, in column-major order.
 * → out: m × n (into `out` if given; may be X itself); the mask goes into `maskOut` if given.
 */
export function dropoutForward(
  X: Matrix,
  p: number,
  rng: Rng,
  out?: Matrix,
  maskOut?: Matrix,
  scaling: DropoutScaling = "inverted",
): { readonly out: Matrix; readonly cache: DropoutCache } {
  validateDropProbability(p, "dropoutForward");
  const Y = out ?? zeros(X.rows, X.cols);
  const mask = maskOut ?? zeros(X.rows, X.cols);
  assertShape(Y, X.rows, X.cols, "dropoutForward: out");
  assertShape(mask, X.rows, X.cols, "dropoutForward: mask");
  const keepScale = scaling === "inverted" ? 1 / (1 - p) : 1;
  for (let k = 0; k < X.data.length; k++) {
    const s = rng.uniform() < p ? 0 : keepScale;
    mask.data[k] = s;
    Y.data[k] = X.data[k] * s;
  }
  return { out: Y, cache: { p, mask } };
}

/** dX = dOut ⊙ mask. dOut: m × n → m × n (into `out` if given; may be dOut itself). */
export function dropoutBackward(dOut: Matrix, cache: DropoutCache, out?: Matrix): Matrix {
  const { mask } = cache;
  assertShape(dOut, mask.rows, mask.cols, "dropoutBackward: dOut");
  const dX = out ?? zeros(mask.rows, mask.cols);
  assertShape(dX, mask.rows, mask.cols, "dropoutBackward: out");
  for (let k = 0; k < dX.data.length; k++) dX.data[k] = dOut.data[k] * mask.data[k];
  return dX;
}
