// Re-exports of src/nbformat: the notebook file format (nbformat 4): types, reading and writing,
// validation against the official schema, the parameters cell, and nnbook's MIME types.
export * from "./mime";
export {
  assertValidNotebook,
  cellSource,
  cellTags,
  hasNoOutputs,
  parseNotebook,
  readNotebook,
  serializeNotebook,
  stripOutputs,
  writeNotebook,
  type CodeCell,
  type MarkdownCell,
  type Notebook,
  type NotebookCell,
  type NotebookOutput,
  type RawCell,
} from "./notebook";
export { validateNotebook } from "./validate";
export { defaultParameterValues, findParametersCell, parseParameterCell, type ParameterDeclaration } from "./parameters-cell";
