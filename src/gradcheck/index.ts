// Re-exports of src/gradcheck: numerical gradients, relative errors, the reports' table rows.
export { DEFAULT_GRADCHECK_FLOOR, gradRelativeError, compareGradients } from "./relative-error";
export { centeredDifference, numericalGradient } from "./numerical";
export type { NumericalGradientFn } from "./user-gradient";
export type { GradCheckOptions, GradCheckRow } from "./check";
export { DEFAULT_GRADCHECK_STEP, DEFAULT_GRADCHECK_TOLERANCE, gradientCheck } from "./check";
export type { ReducedProblemOptions, ReducedProblem } from "./reduced";
export { reducedProblem } from "./reduced";
export type { GradCheckTableRow } from "./table";
export { GRADCHECK_TABLE_HEADER, gradCheckTable, gradCheckTableCells, gradCheckReportRows } from "./table";
