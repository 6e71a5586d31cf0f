// Re-exports of src/report.
export { figureFontFiles, pngSize, renderSvg, svgToPng, type PngOptions, type RenderSvgOptions } from "./render";
// Notebooks (nbformat 4), Markdown blocks and the Markdown export (runner helper).
export { combineReports, type ReportPart } from "./combine";
export { FOOTER_MARKER, splitFooter } from "./export-header";
export { buildReport, exportNotebook, type ExportedReport, type ExportOptions, type ExportResult } from "./export-markdown";
export { readManifest, selectReports, type ReportEntry } from "./manifest";
export { codeBlock, demoteHeadings, formatNumber, formatValue, markdownTable, parameterBlock, parameterLines, type MarkdownTableOptions } from "./markdown";
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
} from "./nbformat";
export { validateNotebook } from "../nbformat/validate";
export { defaultParameterValues, findParametersCell, parseParameterCell, type ParameterDeclaration } from "./notebook-parameters";
export { packageVersion } from "./versions";
