/**
 * Rich display inside tslab notebooks: charts (one bundle of Vega-Lite v5 JSON + SVG + PNG +
 * text), Markdown tables, parameter blocks, provenance and in-place progress. Outside a kernel
 * (plain Node) every function prints a text form instead.
 */
import { randomBytes } from "node:crypto";
import type { TopLevelSpec } from "vega-lite";
import { markdownTable, MarkdownTableOptions, parameterBlock, parameterLines } from "../report/markdown";
import * as mime from "../nbformat/mime";
import { renderSvg, svgToPng } from "../report/render";
import { codeVersion } from "../experiments/code-version";
import { getKernel } from "../tensor";
import { inKernel, sendDisplay } from "./tslab-hook";

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function show(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): boolean {
  return sendDisplay({ data, metadata, transient: {} });
}

/** The chart's title (string or `{text}`), else its description, else "chart". */
export function chartTitle(spec: TopLevelSpec): string {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === "string" || Array.isArray(title) ? title : (title as { text?: unknown } | undefined)?.text;
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return text.join(" ");
  return typeof spec.description === "string" ? spec.description : "chart";
}

/** Options of {@link showChart}. */
export interface ShowChartOptions {
  /**
   * The figure's file name in exported reports (`figures/<report>/<notebook>/<name>.svg`):
   * lower-case letters, digits and `-`, unique within the notebook. Without it the file is named
   * by cell position (`<cell>-<k>`), which changes when cells are inserted.
   */
  readonly name?: string;
}

const FIGURE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `name` if it is a valid figure name; otherwise a RangeError saying what is allowed. */
export function checkFigureName(name: string): string {
  if (!FIGURE_NAME.test(name) || name.length > 80) {
    throw new RangeError(`figure name ${JSON.stringify(name)}: use 1–80 lower-case letters, digits and single "-" (e.g. "learning-curves-3l")`);
  }
  return name;
}

/**
 * Shows a Vega-Lite v5 chart as one display bundle: the spec (as an object), its SVG, a PNG
 * (base64, rendered at 2× with width/height metadata at 1×) and a text/plain title; `name`
 * fixes the figure's file name in exported reports (recorded in the output's metadata).
 * Await it, so the display lands in the running cell.
 */
export async function showChart(spec: TopLevelSpec, options: ShowChartOptions = {}): Promise<void> {
  const name = options.name === undefined ? undefined : checkFigureName(options.name);
  const title = chartTitle(spec);
  const svg = await renderSvg(spec);
  const png = svgToPng(svg, { scale: 2 });
  const size = svgSize(svg);
  const sent = show(
    {
      [mime.VEGA_LITE_MIME]: spec,
      [mime.SVG_MIME]: svg,
      [mime.PNG_MIME]: png.toString("base64"),
      [mime.TEXT_MIME]: `Chart: ${title}`,
    },
    { ...(size ? { [mime.PNG_MIME]: size } : {}), ...(name === undefined ? {} : { [mime.FIGURE_METADATA_KEY]: { name } }) },
  );
  if (!sent) print(`[chart] ${title}`);
}

/** Width and height (CSS px) from the root `<svg>` element, if stated. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Shows a Markdown table: given as Markdown text, or built from rows with {@link markdownTable}. */
export function showTable(table: string | readonly Readonly<Record<string, unknown>>[], options?: MarkdownTableOptions): void {
  const markdown = typeof table === "string" ? table : markdownTable(table, options);
  if (!show({ [mime.MARKDOWN_MIME]: markdown, [mime.TEXT_MIME]: markdown })) print(markdown);
}

/** Shows a block of `key = value` parameters (exported as a code block). */
export function showParams(params: Readonly<Record<string, unknown>>, title = "Parameters"): void {
  const payload: mime.ParamsPayload = { title, params: { ...params } };
  const text = `# ${title}\n${parameterLines(params)}`;
  const data = { [mime.PARAMS_MIME]: payload, [mime.MARKDOWN_MIME]: parameterBlock(params, title), [mime.TEXT_MIME]: text };
  if (!show(data)) print(text);
}

/** Text form of a provenance record (one line per data source, one for the seeds). */
export function provenanceText(provenance: mime.Provenance): string {
  const lines = (provenance.data ?? []).map((d) => {
    const extra = [d.description, d.source, d.sha256 ? `sha256 ${d.sha256}` : undefined].filter(Boolean);
    return `Data: ${d.name}${extra.length > 0 ? ` (${extra.join("; ")})` : ""}`;
  });
  const seeds = Object.entries(provenance.seeds ?? {}).map(([k, v]) => `${k} = ${v}`);
  if (seeds.length > 0) lines.push(`Seeds: ${seeds.join(", ")}`);
  if (provenance.arithmetic) lines.push(`Arithmetic: ${provenance.arithmetic} (bit-identical on every machine)`);
  if (provenance.matrixKernel) lines.push(`Matrix kernel: ${provenance.matrixKernel}`);
  return lines.join("\n");
}

/**
 * Shows data provenance and seeds, plus the engine's arithmetic version and the matrix kernel in
 * use (unless given); the exporter moves them into the report header (the kernel, which does not
 * change any result, into the footer).
 */
export function showProvenance(provenance: mime.Provenance): void {
  const full: mime.Provenance = {
    ...provenance,
    arithmetic: provenance.arithmetic ?? codeVersion(),
    matrixKernel: provenance.matrixKernel ?? getKernel().name,
  };
  const text = provenanceText(full);
  const data = { [mime.PROVENANCE_MIME]: full, [mime.TEXT_MIME]: text, [mime.MARKDOWN_MIME]: text.replace(/\n/g, "  \n") };
  if (!show(data)) print(text);
}

/** A progress display updated in place. */
export interface ProgressDisplay {
  /** Sets the amount done (and an optional note, e.g. the current loss). */
  update(done: number, note?: string): void;
  /** Marks the task finished (always shown, never throttled). */
  finish(note?: string): void;
}

/** `label [#####-----] done/total note`. */
export function progressText(p: mime.ProgressPayload): string {
  const note = p.note ? ` ${p.note}` : "";
  if (p.total === null || p.total <= 0) return `${p.label}: ${p.done}${note}${p.finished ? " (done)" : ""}`;
  const filled = Math.round((20 * Math.min(p.done, p.total)) / p.total);
  return `${p.label} [${"#".repeat(filled)}${"-".repeat(20 - filled)}] ${p.done}/${p.total}${note}`;
}

/**
 * Starts a progress display: inside a kernel one display updated in place (update_display_data,
 * at most every `intervalMs`); outside, a line on stderr at most every 2 s and at the end.
 */
export function progress(label: string, total: number | null = null, intervalMs = 250): ProgressDisplay {
  const displayId = randomBytes(8).toString("hex");
  let state: mime.ProgressPayload = { label, done: 0, total, finished: false };
  let sentAt = 0;
  let sentOnce = false;
  const emit = (force: boolean): void => {
    const now = Date.now();
    const kernel = inKernel();
    if (!force && now - sentAt < (kernel ? intervalMs : 2000)) return;
    const text = progressText(state);
    const content = { data: { [mime.PROGRESS_MIME]: state, [mime.TEXT_MIME]: text }, metadata: {}, transient: { display_id: displayId } };
    if (kernel && sendDisplay(content, sentOnce)) sentOnce = true;
    else process.stderr.write(`${text}\n`);
    sentAt = now;
  };
  emit(true);
  return {
    update(done, note) {
      state = { ...state, done, note };
      emit(false);
    },
    finish(note) {
      state = { ...state, done: total ?? state.done, note: note ?? state.note, finished: true };
      emit(true);
    },
  };
}
