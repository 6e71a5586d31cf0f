// Re-exports of src/kernel: the CLI-side Jupyter client: starting tslab kernels, the wire protocol,
// parameters (papermill-style) and running notebooks headlessly. Never imported inside a kernel.
export { KernelClient, KernelError, type ExecuteOutcome, type KernelStartOptions } from "./kernel";
export { killAllKernels } from "./kernel-process";
export { injectParameters, parseParamAssignment, parseParameterTexts, splitParamAssignment, type Injection } from "./parameters";
export { checkParameterValue, describeKind, parameterKind, parseParameterText, type ParameterKind } from "./parameter-kinds";
export {
  CellExecutionError,
  notebookName,
  runNotebook,
  runNotebookFile,
  type CellFailure,
  type RunEvent,
  type RunOptions,
  type NotebookRunResult,
} from "./runner";
