// Re-exports of src/teaching: student versions of teacher notebooks, self-checks and scoring.
// The kernel-side `checkNotebook` (src/teaching/check-notebook.ts) and the grader (`gradeBatch`,
// src/teaching/grade-batch.ts, with its sandbox and workers) are imported explicitly: notebooks
// must not load the kernel client or the TypeScript compiler.
export { SOLUTION_TAG, ANSWER_TAG, SELF_CHECK_TAG, cellLabel, selfCheckSpec, solutionCellName, type SelfCheckSpec } from "./cell-meta";
export { findRegions, replaceRegions, enclosingFunction, isHintLine, stubLine, type SolutionRegion } from "./regions";
export { analyzeTeacherNotebook, makeStudentNotebook, solutionLines, type StudentOptions, type TeacherNotebookSummary } from "./student";
export {
  CHECK_MIME,
  checkLine,
  expectedRange,
  failedCheck,
  guardedCheck,
  measuredCheck,
  ReturnValueError,
  type CheckOptions,
  type CheckResult,
  type CheckSpec,
} from "./check-result";
export { BN_BACKWARD_TOLERANCE, BN_FORWARD_TOLERANCE, evaluateBatchnormBackward, evaluateBatchnormForward } from "./check-batchnorm";
export { CYCLICAL_ETA_TOLERANCE, evaluateCyclicalEta } from "./check-schedule";
export { NUMERICAL_CHECK_STEP, NUMERICAL_GRADIENT_TOLERANCE, evaluateNumericalGradient } from "./check-numerical";
export { checkBatchnormBackward, checkBatchnormForward, checkCyclicalEta, checkNumericalGradient, showCheck } from "./show-check";
export { checkResults, errorSummary, formatScore, scoreNotebook, type FailedCell, type ScoreReport, type ScoreRow } from "./score";
