// Re-exports of src/notebook: the in-kernel side, the only code that talks to tslab's display:
// showChart/showTable/…, progress lines, setupNotebook. Notebooks import this as `../dist/notebook`.
export { chartTitle, progress, showChart, showParams, showProvenance, showTable, type ProgressDisplay } from "./display";
export { inKernel } from "./tslab-hook";
export { installErrorReporting } from "./kernel-errors"; // loading it installs it when inside a tslab kernel
export { cellErrorReport, mapCellLine, type CellCode, type CellErrorReport } from "./cell-errors";
export { sweepProgress } from "./sweep-progress";
export { showMarkdown } from "./show-markdown";
export { setupNotebook, splitSizes, type NotebookSetup, type SetupOptions } from "./setup";
