/**
 * The HTML report page: one self-contained document with the section navigation, the rendered
 * report, the run-dependent footer, the chart specs as JSON and the chart libraries inline. The
 * page draws every chart with vega-embed (SVG renderer, tooltips on hover, SVG/PNG export in the
 * "⋯" menu) and marks each drawn chart with `data-rendered="true"`; when all are settled it sets
 * `data-charts-done="<count>"` on `<html>` (the browser test waits for it).
 */
import { FOOTER_MARKER } from "./export-header";
import { chartScripts } from "./html-assets";
import { ChartSlot, escapeHtml, Heading } from "./html-markdown";
import { REPORT_CSS } from "./html-style";

/** The parts of a page (see {@link htmlPage}). */
export interface HtmlPageParts {
  /** the document title (the report's first heading) */
  readonly title: string;
  /** the rendered report body */
  readonly bodyHtml: string;
  /** the rendered footer (timings), "" when none */
  readonly footerHtml: string;
  readonly headings: readonly Heading[];
  readonly charts: readonly ChartSlot[];
  /** e.g. "nnbook 0.1.0" */
  readonly generator: string;
}

/** The script that draws the charts (plain ES5: it runs as is in any browser). */
const BOOT_SCRIPT = `(function () {
  "use strict";
  var slots = JSON.parse(document.getElementById("nnbook-chart-specs").textContent);
  var options = { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false } };
  var jobs = slots.map(function (slot) {
    var el = document.getElementById(slot.id);
    return vegaEmbed(el, slot.spec, options).then(function () {
      el.setAttribute("data-rendered", "true");
    }, function (error) {
      el.className += " nnbook-chart-error";
      el.textContent = "This chart could not be drawn: " + error.message;
      console.error(error);
    });
  });
  Promise.all(jobs).then(function () {
    document.documentElement.setAttribute("data-charts-done", String(slots.length));
  });
})();`;

/** JSON that is safe as the text of a `<script>` element (`<` written as `\u003c`). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The navigation: the title, then the level-2 and level-3 headings as links. */
function navigation(title: string, headings: readonly Heading[]): string {
  const items = headings
    .filter((h) => h.level === 2 || h.level === 3)
    .map((h) => `<li class="level-${h.level}"><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`);
  const top = headings.find((h) => h.level === 1);
  const head = top === undefined ? escapeHtml(title) : `<a href="#${top.id}">${escapeHtml(title)}</a>`;
  return `<nav class="nnbook-nav" aria-label="Sections"><span class="nav-title">${head}</span>\n<ol>\n${items.join("\n")}\n</ol>\n</nav>`;
}

/** The complete document. Deterministic: the same parts give the same bytes. */
export function htmlPage(parts: HtmlPageParts): string {
  const scripts = chartScripts().map((s) => `<script data-package="${s.name}@${s.version}">\n${s.source}\n</script>`);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(parts.generator)}">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    navigation(parts.title, parts.headings),
    `<main>\n${parts.bodyHtml}</main>`,
    ...(parts.footerHtml === "" ? [] : [FOOTER_MARKER, `<footer>\n${parts.footerHtml}</footer>`]),
    `<script type="application/json" id="nnbook-chart-specs">${scriptJson(parts.charts)}</script>`,
    ...scripts,
    `<script>\n${BOOT_SCRIPT}\n</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
