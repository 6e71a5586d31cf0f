/**
 * Executed notebook → Markdown report + figure files. Cell tags: `remove-cell` drops the cell,
 * `hide-input` drops its code, `hide-output` its outputs. The body (header and cells) depends
 * only on the notebook's code and outputs; timings go into the footer.
 */
import { readdir, rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { writeFileAtomic } from "../util/atomic-write";
import { collectProvenance, footerBlock, generatedComment, headerBlock, isTitleCell, mergeProvenance, timingLine } from "./export-header";
import type { TopLevelSpec } from "vega-lite";
import { FigureFiles, FigureSink, outputBlocks } from "./export-outputs";
import { codeBlock } from "./markdown";
import { cellSource, cellTags, Notebook, NotebookCell } from "../nbformat/notebook";
import { defaultParameterValues, findParametersCell } from "../nbformat/parameters-cell";
import { packageVersion } from "../util/versions";

/** Options of {@link exportNotebook}. */
export interface ExportOptions {
  /** Report name: `<reportsDir>/<name>.md`, figures in `<figuresDir>/<name>/`. */
  name: string;
  reportsDir: string;
  figuresDir: string;
  /** Shown in the header when the notebook does not record `metadata.nnbook.source`. */
  sourcePath?: string;
}

/** An export in memory: Markdown split into body and footer, and the figure files. */
export interface ExportedReport {
  body: string;
  footer: string;
  /** The footer's one timing line (labelled with the report name). */
  timing: string;
  figures: FigureFiles;
  /** Link from the report to the figure folder (figure `f` is linked as `<linkPrefix>/f`). */
  linkPrefix: string;
  /** Each chart's Vega-Lite spec by its link in `body` (the HTML report draws them live). */
  charts: Map<string, TopLevelSpec>;
}

function posix(path: string): string {
  return path.split(sep).join("/");
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Header facts: source, version, injected parameters, provenance merged with seed parameters. */
function header(notebook: Notebook, options: ExportOptions): string {
  const meta = record(notebook.metadata.nnbook);
  const injected = record(meta.parameters);
  const effective = { ...defaultParameterValues(notebook), ...injected };
  const seeds = Object.fromEntries(Object.entries(effective).filter(([k, v]) => /seed/i.test(k) && typeof v === "number"));
  const provenance = mergeProvenance([{ seeds: seeds as Record<string, number> }, ...collectProvenance(notebook)]);
  return headerBlock({
    source: String(meta.source ?? options.sourcePath ?? `${options.name}.ipynb`),
    version: String(meta.version ?? packageVersion()),
    executedBy: meta.version === undefined ? "other" : "nnbook",
    kernel: String(record(notebook.metadata.kernelspec).name ?? "unknown"),
    injected,
    hasParametersCell: findParametersCell(notebook) >= 0,
    provenance,
  });
}

async function cellBlocks(cell: NotebookCell, cellNumber: number, sink: FigureSink): Promise<string[]> {
  const tags = cellTags(cell);
  if (tags.includes("remove-cell") || cell.cell_type === "raw") return [];
  const source = cellSource(cell).replace(/\s+$/, "");
  if (cell.cell_type === "markdown") return source === "" ? [] : [source];
  const blocks: string[] = [];
  if (!tags.includes("hide-input") && source.trim() !== "") blocks.push(codeBlock(source, "ts"));
  if (!tags.includes("hide-output")) blocks.push(...(await outputBlocks(cell.outputs, cellNumber, sink)));
  return blocks;
}

/**
 * Builds the report of `notebook` in memory (charts are rendered here). The title (a first
 * markdown cell starting with `# `) comes first, then the header, then the cells.
 */
export async function buildReport(notebook: Notebook, options: ExportOptions): Promise<ExportedReport> {
  const linkPrefix = posix(relative(options.reportsDir, join(options.figuresDir, options.name))) || ".";
  const figures: FigureFiles = new Map();
  const charts = new Map<string, TopLevelSpec>();
  const names = new Map<string, number>();
  const blocks: string[] = [];
  for (const [i, cell] of notebook.cells.entries()) blocks.push(...(await cellBlocks(cell, i + 1, { linkPrefix, files: figures, charts, names })));
  const head = header(notebook, options);
  const source = String(record(notebook.metadata.nnbook).source ?? options.sourcePath ?? `${options.name}.ipynb`);
  const first = notebook.cells[0];
  const titled = isTitleCell(first) && !cellTags(first).includes("remove-cell");
  if (titled) {
    const [title, ...rest] = cellSource(first).replace(/\s+$/, "").split("\n");
    blocks.splice(0, 1, title, head, ...(rest.join("\n").trim() === "" ? [] : [rest.join("\n").trim()]));
  } else {
    blocks.unshift(head);
  }
  const body = `${[generatedComment(`\`${source}\``), ...blocks].join("\n\n")}\n\n`;
  const timing = timingLine(notebook, options.name);
  return { body, footer: footerBlock([timing]), timing, figures, linkPrefix, charts };
}

/** Writes `files` into `dir` atomically and removes stale `<cell>-<k>.<ext>` files there. */
export async function writeFigures(dir: string, files: FigureFiles): Promise<string[]> {
  const existing = await readdir(dir).catch(() => [] as string[]);
  for (const name of existing) {
    if (/^\d+-\d+\.(svg|png|jpg|gif)$/.test(name) && !files.has(name)) await rm(join(dir, name), { force: true });
  }
  const written: string[] = [];
  for (const [name, bytes] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    await writeFileAtomic(join(dir, name), bytes);
    written.push(join(dir, name));
  }
  return written;
}

/** Result of {@link exportNotebook}. */
export interface ExportResult {
  markdownPath: string;
  figurePaths: string[];
  report: ExportedReport;
}

/** Exports `notebook` to `<reportsDir>/<name>.md` and its figures (all writes atomic). */
export async function exportNotebook(notebook: Notebook, options: ExportOptions): Promise<ExportResult> {
  const report = await buildReport(notebook, options);
  const figurePaths = await writeFigures(join(options.figuresDir, options.name), report.figures);
  const markdownPath = join(options.reportsDir, `${options.name}.md`);
  await writeFileAtomic(markdownPath, report.body + report.footer);
  return { markdownPath, figurePaths, report };
}
