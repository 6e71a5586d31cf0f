/**
 * The self-check functions notebooks call: each evaluates one piece, shows the verdict (inside a
 * tslab kernel as one display bundle — a small HTML block, the text line plus the result as CHECK_MIME JSON, which
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

const PASS_COLOR = "#1a7f37";
const FAIL_COLOR = "#c62828";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * `result` as a small HTML block for notebook front ends: the verdict line (✔ PASS green, ✘ FAIL
 * red, with the points), then measured / expected / hint on lines of their own (hint only when
 * failing), so nothing wraps mid-word in one long line. Self-contained inline styles.
 */
export function checkHtml(result: CheckResult): string {
  const color = result.pass ? PASS_COLOR : FAIL_COLOR;
  const points = `${result.points} point${result.points === 1 ? "" : "s"}`;
  const head = result.pass ? `✔ PASS ${result.check} (${points})` : `✘ FAIL ${result.check} (0/${points})`;
  const row = (label: string, text: string): string =>
    `<div><span style="display:inline-block;min-width:6.5em;opacity:0.7">${label}</span> ${escapeHtml(text)}</div>`;
  return [
    `<div class="nnbook-check" style="border-left:4px solid ${color};padding:2px 10px;margin:2px 0;line-height:1.5">`,
    `<div style="color:${color};font-weight:bold">${escapeHtml(head)}</div>`,
    row("measured", result.message),
    row("expected", result.expected),
    ...(result.pass || result.hint === "" ? [] : [row("hint", result.hint)]),
    "</div>",
  ].join("\n");
}

/** Shows `result` (see the module comment; front ends show {@link checkHtml}, the text line is the fallback) and returns it. */
export function showCheck(result: CheckResult): CheckResult {
  const text = checkLine(result);
  if (!sendDisplay({ data: { [CHECK_MIME]: result, "text/html": checkHtml(result), "text/plain": text }, metadata: {}, transient: {} })) {
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
