// Re-exports of src/notebook: the tslab display module (used inside notebook cells) and the
// kernel client / runner (used by the CLI). Notebooks import this as `../dist/notebook`.
export { chartTitle, progress, showChart, showParams, showProvenance, showTable, type ProgressDisplay } from "./display";
export { inKernel } from "./tslab-hook";
export { installErrorReporting } from "./kernel-errors"; // loading it installs it when inside a tslab kernel
export { cellErrorReport, mapCellLine, type CellCode, type CellErrorReport } from "./cell-errors";
export { KernelClient, KernelError, type ExecuteOutcome, type KernelStartOptions } from "./kernel";
export { killAllKernels } from "./kernel-process";
export { injectParameters, parseParamAssignment, parseParameterTexts, splitParamAssignment, type Injection } from "./parameters";
export { checkParameterValue, describeKind, parameterKind, parseParameterText, type ParameterKind } from "./parameter-kinds";
export { CellExecutionError, notebookName, runNotebook, runNotebookFile, type CellFailure, type RunEvent, type RunOptions, type NotebookRunResult } from "./runner";
export { sweepProgress } from "./sweep-progress";
export { showMarkdown } from "./show-markdown";
export { setupNotebook, splitSizes, type NotebookSetup, type SetupOptions } from "./setup";
