// Re-exports of src/report.
export { figureFontFiles, pngSize, renderSvg, svgToPng, type PngOptions, type RenderSvgOptions } from "./render";
// Markdown blocks, the Markdown/HTML export and report orchestration.
export { combineReports, type ReportPart } from "./combine";
export { FOOTER_MARKER, splitFooter } from "./export-header";
export { buildReport, exportNotebook, type ExportedReport, type ExportOptions, type ExportResult } from "./export-markdown";
export { readManifest, selectReports, type ReportEntry } from "./manifest";
export { codeBlock, demoteHeadings, formatNumber, formatValue, markdownTable, parameterBlock, parameterLines, type MarkdownTableOptions } from "./markdown";
export { packageVersion } from "../util/versions";
