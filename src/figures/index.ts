// Re-exports of src/figures: (records, options) → Vega-Lite spec builders and their shared theme.
export type {
  CurveRow, CurveRun, CurveX, EtaRow, FigureSplit, GradientErrorRow, InitSensitivityRow, LambdaRow, Metric, SplitLabel,
  ArchitectureRow,
} from "./records";
export { SPLIT_LABELS } from "./records";
export {
  CATEGORY_COLORS, FIGURE_FONT, PANEL_HEIGHT, PANEL_WIDTH, SPLIT_COLORS, VEGA_LITE_SCHEMA, figureConfig,
} from "./theme";
export { learningCurves, type LearningCurveOptions } from "./learning-curves";
export { compareCurves, type CompareCurvesOptions } from "./compare-curves";
export { bestLambda, lambdaSearch, type LambdaSearchOptions } from "./lambda-search";
export { initSensitivity, type InitSensitivityOptions } from "./init-sensitivity";
export { architectureSummary, type ArchitectureSummaryOptions } from "./architecture-summary";
export { gradientErrors, type GradientErrorsOptions } from "./gradient-errors";
export { learningRateSchedule, type LearningRateScheduleOptions } from "./learning-rate-schedule";
