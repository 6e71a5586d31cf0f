/**
 * Self-check of a student's numerical gradient (the centered difference of the gradient check)
 * against the analytic gradient of a smooth test function.
 */
import { clone, createRng, Matrix, zeros } from "../tensor";
import { compareGradients } from "../gradcheck/relative-error";
import { NumericalGradientFn } from "../gradcheck/user-gradient";
import { CheckOptions, CheckResult, CheckSpec, failedCheck, guardedCheck, measuredCheck, requireShape } from "./check-result";

/** The step the check passes (large enough that a one-sided difference's O(h) error shows). */
export const NUMERICAL_CHECK_STEP = 1e-4;
/** Centered differences reach ≈ 1e-9 here; one-sided ones only ≈ 1e-5. */
export const NUMERICAL_GRADIENT_TOLERANCE = 1e-7;

/**
 * f(W) = Σ_k c_k·sin(W_k) + ½·(Σ_k W_k)² on a random 3 × 4 W, whose gradient is known exactly:
 * ∂f/∂W_k = c_k·cos(W_k) + Σ_k W_k.
 */
function testFunction(): { W: Matrix; f: () => number; gradient: () => Matrix } {
  const rng = createRng("teaching/numericalGradient");
  const W = zeros(3, 4);
  const c = new Float64Array(W.data.length);
  for (let k = 0; k < W.data.length; k++) {
    W.data[k] = rng.normal();
    c[k] = 1 + rng.uniform();
  }
  const sum = (): number => W.data.reduce((a, x) => a + x, 0);
  const f = (): number => W.data.reduce((a, x, k) => a + c[k] * Math.sin(x), 0) + 0.5 * sum() ** 2;
  const gradient = (): Matrix => {
    const g = zeros(W.rows, W.cols);
    const s = sum();
    for (let k = 0; k < g.data.length; k++) g.data[k] = c[k] * Math.cos(W.data[k]) + s;
    return g;
  };
  return { W, f, gradient };
}

/**
 * Runs `impl(f, W, h)` (same signature as the library's `numericalGradient`) with h = 1e-4 on the
 * test function above and compares the result with the exact gradient: max relative error
 * (floored at 1e-4) below NUMERICAL_GRADIENT_TOLERANCE passes. Fails also when W is not restored
 * afterwards (to 1e-12 relative: one rounding step from `+= h; -= 2h; += h` is forgiven).
 */
export function evaluateNumericalGradient(impl: NumericalGradientFn, opts: CheckOptions = {}): CheckResult {
  const spec: CheckSpec = { name: "numericalGradient", measure: "max relative error vs. the exact gradient", tolerance: NUMERICAL_GRADIENT_TOLERANCE };
  return guardedCheck(spec, opts, () => {
    const { W, f, gradient } = testFunction();
    const saved = clone(W);
    const mine = impl(f, W, NUMERICAL_CHECK_STEP);
    const moved = W.data.findIndex((x, k) => !(Math.abs(x - saved.data[k]) <= 1e-12 * (1 + Math.abs(saved.data[k]))));
    if (moved >= 0) {
      return failedCheck(
        spec,
        opts,
        `W is not restored: entry ${moved} is ${W.data[moved]} after the call, was ${saved.data[moved]}`,
        "save θ_k, evaluate f at θ_k + h and at θ_k − h, then put the saved value back",
      );
    }
    requireShape(`${spec.name}: the returned gradient`, mine, W.rows, W.cols);
    const { maxRelativeError } = compareGradients(mine, gradient(), 1e-4);
    return measuredCheck(
      spec,
      opts,
      maxRelativeError,
      "",
      "use the centered difference (f(θ + h·e_k) − f(θ − h·e_k)) / (2h) for every entry k; a one-sided difference has an O(h) error",
    );
  });
}
