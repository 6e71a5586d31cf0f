import { Matrix } from "../tensor";
import { l2Penalty } from "../layers/softmax-ce";
import type { ParamEntry } from "../model/params";

/**
 * A numerical gradient with the library's signature (`numericalGradient`): the gradient of the
 * scalar f() with respect to every entry of `value` (m × d → m × d), perturbing `value` in place
 * and leaving it as it was. Teaching walkthroughs pass their own through `GradCheckOptions`.
 */
export type NumericalGradientFn = (f: () => number, value: Matrix, h: number) => Matrix;

/**
 * `gradientCheck`'s numerical entry with a user-supplied numerical gradient: it differences
 * J = loss + λ·‖W‖² of this matrix (the other matrices' L2 terms are constants). Kink crossings
 * are tracked per evaluation: an entry whose perturbation (found by comparing `value` with its
 * unperturbed copy) made `tracker.crossed` true is marked in `skip`.
 */
export function userNumericalEntry(
  entry: ParamEntry,
  h: number,
  lambda: number,
  loss: () => number,
  tracker: { crossed: boolean },
  gradient: NumericalGradientFn,
): { numeric: Matrix; skip: Uint8Array; kinkCrossings: number } {
  const { value } = entry;
  const base = Float64Array.from(value.data);
  const skip = new Uint8Array(value.data.length);
  const cost = (): number => {
    tracker.crossed = false;
    const J = loss() + (entry.name === "W" && lambda > 0 ? lambda * l2Penalty([value], 1) : 0);
    if (tracker.crossed) for (let k = 0; k < base.length; k++) if (value.data[k] !== base[k]) skip[k] = 1;
    return J;
  };
  const numeric = gradient(cost, value, h);
  if (numeric?.rows !== value.rows || numeric.cols !== value.cols || numeric.data?.length !== value.data.length) {
    const got = numeric ? `${numeric.rows} × ${numeric.cols}` : String(numeric);
    throw new RangeError(
      `gradientCheck: the numericalGradient option returned ${got} for ${entry.name} of layer ${entry.layer + 1}, expected ${value.rows} × ${value.cols}`,
    );
  }
  return { numeric, skip, kinkCrossings: skip.reduce((a, s) => a + s, 0) };
}
