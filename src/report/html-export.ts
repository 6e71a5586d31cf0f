/**
 * The HTML report: the same Markdown as `reports/<name>.md` (same header, sections and footer),
 * rendered to one self-contained page, `reports/<name>.html`, whose charts are drawn live from
 * their Vega-Lite specs (hover for tooltips) and whose other images are inlined. The body depends
 * only on the Markdown body and the specs, so a re-export of the same executed notebook gives the
 * same bytes; timings stay in the footer, as in the Markdown.
 */
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { writeFileAtomic } from "../util/atomic-write";
import { FOOTER_MARKER, splitFooter } from "./export-header";
import type { FigureFiles } from "./export-outputs";
import { HtmlAsset, renderReportMarkdown } from "./html-markdown";
import { htmlPage } from "./html-page";
import { packageVersion } from "../util/versions";

/** What {@link reportAssets} needs from an export (`ExportedReport` has these fields). */
export interface ReportFigures {
  readonly linkPrefix: string;
  readonly figures: FigureFiles;
  readonly charts: ReadonlyMap<string, TopLevelSpec>;
}

const IMAGE_MIME: Readonly<Record<string, string>> = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", gif: "image/gif" };

/**
 * The image links of one export and what they show: charts (by their SVG link) as specs, every
 * other figure file as an image. Several exports (the notebooks of a report) can be merged into
 * one map, since their links differ by folder.
 */
export function reportAssets(report: ReportFigures, into: Map<string, HtmlAsset> = new Map()): Map<string, HtmlAsset> {
  for (const [name, bytes] of report.figures) {
    const mime = IMAGE_MIME[name.slice(name.lastIndexOf(".") + 1)];
    if (mime !== undefined) into.set(`${report.linkPrefix}/${name}`, { kind: "image", mime, bytes });
  }
  for (const [link, spec] of report.charts) into.set(link, { kind: "chart", spec });
  return into;
}

/** The report's title: the text of its first `# ` heading, else `fallback`. */
function titleOf(markdown: string, fallback: string): string {
  const match = /^# (.+)$/m.exec(markdown);
  return match === null ? fallback : match[1].replace(/[*_`]/g, "").trim();
}

/**
 * The HTML page for a report's Markdown (`body` + footer, as written to the .md file) and the
 * assets its image links point to (links not in `assets` are kept as they are).
 */
export function renderHtmlReport(markdown: string, assets: ReadonlyMap<string, HtmlAsset>, fallbackTitle = "Report"): string {
  const { body, footer } = splitFooter(markdown);
  const main = renderReportMarkdown(body, assets);
  const foot = footer === "" ? "" : renderReportMarkdown(footer.replace(FOOTER_MARKER, "").trim(), new Map()).html;
  return htmlPage({
    title: titleOf(body, fallbackTitle),
    bodyHtml: main.html,
    footerHtml: foot,
    headings: main.headings,
    charts: main.charts,
    generator: `nnbook ${packageVersion()}`,
  });
}

/** Writes `<reportsDir>/<name>.html` atomically; returns its path. */
export async function writeHtmlReport(reportsDir: string, name: string, markdown: string, assets: ReadonlyMap<string, HtmlAsset>): Promise<string> {
  const path = join(reportsDir, `${name}.html`);
  await writeFileAtomic(path, renderHtmlReport(markdown, assets, name));
  return path;
}
