/**
 * One code cell's outputs → Markdown blocks and figure files. Charts (Vega-Lite) are rendered
 * here to SVG and PNG; other images are written as they are; Markdown is inlined; streams and
 * plain text become code blocks; parameter blocks become `key = value` code blocks; provenance
 * and progress displays are left out of the body (provenance goes into the header).
 */
import type { TopLevelSpec } from "vega-lite";
import { codeBlock, parameterBlock } from "./markdown";
import * as mime from "../nbformat/mime";
import { joinLines, NotebookOutput } from "../nbformat/notebook";
import { renderSvg, svgToPng } from "./render";

/** Figure files produced while exporting, keyed by file name (inside the notebook's figure folder). */
export type FigureFiles = Map<string, string | Buffer>;

/** Where figure links point and where their files are collected. */
export interface FigureSink {
  /** Link prefix from the report to the notebook's figure folder, `/`-separated. */
  linkPrefix: string;
  files: FigureFiles;
  /** When given, every chart's Vega-Lite spec keyed by its link (`<linkPrefix>/<cell>-<k>.svg`), for the HTML report. */
  charts?: Map<string, TopLevelSpec>;
  /** Figure names already given in this notebook → the cell that gave them (duplicates are refused). */
  names?: Map<string, number>;
}

const IMAGE_TYPES: ReadonlyArray<[string, string]> = [
  [mime.SVG_MIME, "svg"],
  [mime.PNG_MIME, "png"],
  ["image/jpeg", "jpg"],
  ["image/gif", "gif"],
];

/** Text without ANSI colour/cursor escapes and with `\r\n` → `\n`. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r\n/g, "\n");
}

function text(value: unknown): string {
  return typeof value === "string" || Array.isArray(value) ? joinLines(value as string | string[]) : JSON.stringify(value);
}

/** Renders a figure's files and returns its Markdown image link (SVG preferred). */
async function figure(data: Record<string, unknown>, base: string, alt: string, sink: FigureSink): Promise<string> {
  const spec = data[mime.VEGA_LITE_MIME];
  if (spec !== undefined) {
    const svg = await renderSvg(spec as TopLevelSpec);
    sink.files.set(`${base}.svg`, svg);
    sink.files.set(`${base}.png`, svgToPng(svg, { scale: 2 }));
    sink.charts?.set(`${sink.linkPrefix}/${base}.svg`, spec as TopLevelSpec);
  } else {
    for (const [type, ext] of IMAGE_TYPES) {
      if (data[type] === undefined) continue;
      const content = text(data[type]);
      sink.files.set(`${base}.${ext}`, type === mime.SVG_MIME ? content : Buffer.from(content, "base64"));
    }
  }
  const ext = IMAGE_TYPES.map(([, e]) => e).find((e) => sink.files.has(`${base}.${e}`));
  return `![${alt.replace(/[[\]]/g, "")}](${sink.linkPrefix}/${base}.${ext})`;
}

function chartAlt(data: Record<string, unknown>, fallback: string): string {
  const plain = typeof data[mime.TEXT_MIME] === "string" ? (data[mime.TEXT_MIME] as string) : "";
  return plain.startsWith("Chart: ") ? plain.slice("Chart: ".length) : fallback;
}

/** Markdown for one rich (display_data / execute_result) bundle; `null` when left out. */
async function richBlock(data: Record<string, unknown>, base: string, sink: FigureSink): Promise<string | null> {
  if (data[mime.PROVENANCE_MIME] !== undefined || data[mime.PROGRESS_MIME] !== undefined) return null;
  const params = data[mime.PARAMS_MIME] as mime.ParamsPayload | undefined;
  if (params !== undefined) return parameterBlock(params.params, params.title);
  if (data[mime.VEGA_LITE_MIME] !== undefined || IMAGE_TYPES.some(([type]) => data[type] !== undefined)) {
    return figure(data, base, chartAlt(data, `Figure ${base}`), sink);
  }
  if (data[mime.MARKDOWN_MIME] !== undefined) return text(data[mime.MARKDOWN_MIME]).trim();
  if (data["text/html"] !== undefined) return text(data["text/html"]).trim();
  if (data[mime.TEXT_MIME] !== undefined) return codeBlock(plainText(text(data[mime.TEXT_MIME])), "text");
  return null;
}

/** The figure name an output's metadata records (`showChart(spec, { name })`), if any. */
export function recordedFigureName(metadata: Record<string, unknown> | undefined): string | undefined {
  const record = metadata?.[mime.FIGURE_METADATA_KEY] as { name?: unknown } | undefined;
  return typeof record?.name === "string" ? record.name : undefined;
}

function figureBase(name: string | undefined, fallback: string, cellNumber: number, sink: FigureSink): string {
  if (name === undefined) return fallback;
  const names = sink.names ?? (sink.names = new Map());
  const earlier = names.get(name);
  if (earlier !== undefined) {
    throw new Error(`figure name "${name}" is given twice (cell ${earlier} and cell ${cellNumber}); each showChart name must be unique within a notebook`);
  }
  if (/^\d+-\d+$/.test(name)) throw new Error(`figure name "${name}" (cell ${cellNumber}) looks like a positional name; choose a descriptive one`);
  names.set(name, cellNumber);
  return name;
}

/**
 * Markdown blocks for the outputs of cell `cellNumber`; figures are named as their
 * `showChart(spec, { name })` asked, else `<cellNumber>-<k>` (k = 1, 2, … within the cell), and
 * collected in `sink`. A name given twice in one notebook is an error.
 */
export async function outputBlocks(outputs: readonly NotebookOutput[], cellNumber: number, sink: FigureSink): Promise<string[]> {
  const blocks: string[] = [];
  let figureCount = 0;
  const stream = { name: "", text: "" };
  const flush = (): void => {
    if (stream.text.trim() !== "") blocks.push(codeBlock(plainText(stream.text), "text"));
    stream.text = "";
  };
  for (const output of outputs) {
    if (output.output_type === "stream") {
      if (stream.name !== output.name) flush();
      stream.name = output.name;
      stream.text += joinLines(output.text);
      continue;
    }
    flush();
    if (output.output_type === "error") {
      const trace = output.traceback.length > 0 ? `\n${output.traceback.join("\n")}` : "";
      blocks.push(codeBlock(plainText(`${output.ename}: ${output.evalue}${trace}`), "text"));
      continue;
    }
    const isFigure = output.data[mime.VEGA_LITE_MIME] !== undefined || IMAGE_TYPES.some(([t]) => output.data[t] !== undefined);
    const positional = `${cellNumber}-${figureCount + (isFigure ? 1 : 0)}`;
    const base = isFigure ? figureBase(recordedFigureName(output.metadata), positional, cellNumber, sink) : positional;
    const block = await richBlock(output.data, base, sink);
    if (isFigure && block !== null) figureCount++;
    if (block !== null && block !== "") blocks.push(block);
  }
  flush();
  return blocks;
}
