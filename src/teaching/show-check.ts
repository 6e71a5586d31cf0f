/**
 * The self-check functions notebooks call: each evaluates one piece, shows the verdict (inside a
 * tslab kernel as one display bundle — the text line plus the result as CHECK_MIME JSON, which
 * `nnbook check` reads back; outside a kernel as a line on stdout) and returns the result.
 */
import { sendDisplay } from "../notebook/tslab-hook";
import { batchnormBackward, batchnormForward } from "../layers/batchnorm";
import { cyclicalEta } from "../train/schedule";
import { NumericalGradientFn } from "../gradcheck/user-gradient";
import { CHECK_MIME, checkLine, CheckOptions, CheckResult } from "./check-result";
import { evaluateBatchnormBackward, evaluateBatchnormForward } from "./check-batchnorm";
import { evaluateCyclicalEta } from "./check-schedule";
import { evaluateNumericalGradient } from "./check-numerical";

/** Shows `result` (see the module comment) and returns it. */
export function showCheck(result: CheckResult): CheckResult {
  const text = checkLine(result);
  if (!sendDisplay({ data: { [CHECK_MIME]: result, "text/plain": text }, metadata: {}, transient: {} })) {
    process.stdout.write(`${text}\n`);
  }
  return result;
}

/** Checks and shows a BatchNorm forward pass (see `evaluateBatchnormForward`). */
export function checkBatchnormForward(impl: typeof batchnormForward, opts: CheckOptions = {}): CheckResult {
  return showCheck(evaluateBatchnormForward(impl, opts));
}

/** Checks and shows a BatchNorm backward pass (see `evaluateBatchnormBackward`). */
export function checkBatchnormBackward(impl: typeof batchnormBackward, opts: CheckOptions = {}): CheckResult {
  return showCheck(evaluateBatchnormBackward(impl, opts));
}

/** Checks and shows a cyclical learning rate η(t) (see `evaluateCyclicalEta`). */
export function checkCyclicalEta(impl: typeof cyclicalEta, opts: CheckOptions = {}): CheckResult {
  return showCheck(evaluateCyclicalEta(impl, opts));
}

/** Checks and shows a numerical gradient (see `evaluateNumericalGradient`). */
export function checkNumericalGradient(impl: NumericalGradientFn, opts: CheckOptions = {}): CheckResult {
  return showCheck(evaluateNumericalGradient(impl, opts));
}
