/**
 * The self-checks `nnbook grade` can run outside the submission: for each notebook-facing check
 * function (`checkBatchnormForward`, …), the evaluation the grader runs itself and the library
 * functions graded code must not reach (the reference implementation of the piece under test and
 * its near copies), by compiled module (relative to dist/) and export name.
 */
import { CheckOptions, CheckResult } from "./check-result";
import { evaluateBatchnormBackward, evaluateBatchnormForward } from "./check-batchnorm";
import { evaluateCyclicalEta } from "./check-schedule";
import { batchnormBackward, batchnormForward } from "../layers/batchnorm";
import { cyclicalEta } from "../train/schedule";

/** A function the graded code must not call, by compiled module and export name. */
export interface HiddenExport {
  /** path of the compiled module under dist/, e.g. "layers/batchnorm.js" */
  readonly module: string;
  readonly exports: readonly string[];
}

/** One check `grade` supports. */
export interface GradedCheckKind {
  /** the function a self-check cell calls, e.g. "checkBatchnormForward" */
  readonly checker: string;
  /** the evaluation (no display) run by the grader with a stand-in for the student's function */
  readonly evaluate: (impl: (...args: never[]) => unknown, opts: CheckOptions) => CheckResult;
  /** the library's implementation (the grader answers with it while recording a check's calls) */
  readonly reference: (...args: never[]) => unknown;
  /** the reference implementation and its near copies, unavailable in graded code */
  readonly hidden: readonly HiddenExport[];
}

/** BatchNorm's reference passes, their building blocks and their fused/staged copies. */
const BATCHNORM_HIDDEN: readonly HiddenExport[] = [
  { module: "layers/batchnorm.js", exports: ["batchnormForward", "batchnormBackward", "normalizeRows", "batchnormCache", "bnSums", "applyBnBackward"] },
  { module: "layers/batchnorm-stats.js", exports: ["prepareBatchnorm"] },
  { module: "layers/batchnorm-staged.js", exports: ["batchnormBackwardStaged"] },
  { module: "layers/batchnorm-activation.js", exports: ["batchnormActivationForward", "batchnormActivationBackward"] },
];

/** The supported checks, by checker name. */
export const GRADED_CHECKS: ReadonlyMap<string, GradedCheckKind> = new Map<string, GradedCheckKind>([
  [
    "checkBatchnormForward",
    {
      checker: "checkBatchnormForward",
      evaluate: evaluateBatchnormForward as GradedCheckKind["evaluate"],
      reference: batchnormForward,
      hidden: BATCHNORM_HIDDEN,
    },
  ],
  [
    "checkBatchnormBackward",
    {
      checker: "checkBatchnormBackward",
      evaluate: evaluateBatchnormBackward as GradedCheckKind["evaluate"],
      reference: batchnormBackward,
      hidden: BATCHNORM_HIDDEN,
    },
  ],
  [
    "checkCyclicalEta",
    {
      checker: "checkCyclicalEta",
      evaluate: evaluateCyclicalEta as GradedCheckKind["evaluate"],
      reference: cyclicalEta,
      hidden: [{ module: "train/schedule.js", exports: ["cyclicalEta"] }],
    },
  ],
]);

/** Check functions notebooks may call that `grade` cannot run outside the submission (and why). */
export const UNSUPPORTED_CHECKS: ReadonlyMap<string, string> = new Map([
  ["checkNumericalGradient", "its argument is called with a function (the loss), which cannot cross the sandbox boundary"],
]);

/** Every hidden export of `kinds`, merged per module, in a fixed order. */
export function hiddenExports(kinds: readonly GradedCheckKind[]): HiddenExport[] {
  const byModule = new Map<string, Set<string>>();
  for (const h of kinds.flatMap((k) => k.hidden)) {
    const names = byModule.get(h.module) ?? new Set<string>();
    h.exports.forEach((e) => names.add(e));
    byModule.set(h.module, names);
  }
  return [...byModule.keys()].sort().map((module) => ({ module, exports: [...byModule.get(module)!].sort() }));
}

/** The error graded code gets when it calls a hidden function. */
export function notAvailableMessage(name: string): string {
  return `${name} is not available in graded code (it is the reference implementation of the piece under test)`;
}

/**
 * Replaces the hidden exports of a loaded CommonJS module object with functions that throw
 * {@link notAvailableMessage}. Used in the sandboxed process (besides the stub files bound over
 * the compiled modules, see sandbox.ts).
 */
export function hideExports(moduleExports: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const stub = (): never => {
      throw new Error(notAvailableMessage(name));
    };
    Object.defineProperty(moduleExports, name, { value: stub, enumerable: true, writable: false, configurable: false });
  }
}

/**
 * Text appended to a compiled module's source for the copy bound over it in the sandbox: every
 * hidden export becomes a function that throws, however the module is loaded.
 */
export function hidingSuffix(names: readonly string[]): string {
  return names.map((n) => `\nexports.${n} = function ${n}() { throw new Error(${JSON.stringify(notAvailableMessage(n))}); };`).join("") + "\n";
}
