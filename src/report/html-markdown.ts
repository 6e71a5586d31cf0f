/**
 * Report Markdown → HTML with markdown-it (CommonMark + tables, raw HTML kept: notebooks may
 * display HTML). TypeScript code blocks are highlighted with highlight.js; headings get stable ids
 * for the section navigation; image links that point at a chart become a placeholder that the page
 * draws live, other images are inlined as data URIs, so the page needs no file beside it.
 */
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import MarkdownIt from "markdown-it";

type Token = MarkdownIt.Token;

/** What an image link of the report points to: a chart spec (drawn live) or an image file. */
export type HtmlAsset = { readonly kind: "chart"; readonly spec: unknown } | { readonly kind: "image"; readonly mime: string; readonly bytes: Buffer | string };

/** A heading of the page, for the navigation. */
export interface Heading {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

/** One chart placeholder: its element id and the spec to draw there. */
export interface ChartSlot {
  readonly id: string;
  readonly spec: unknown;
}

/** Per-render state, passed to markdown-it as `env`. */
interface RenderEnv extends MarkdownIt.Env {
  assets: ReadonlyMap<string, HtmlAsset>;
  headings: Heading[];
  charts: ChartSlot[];
  slugs: Map<string, number>;
}

hljs.registerLanguage("typescript", typescript);
const HIGHLIGHTED = new Set(["ts", "typescript"]);

/** HTML text with &, <, >, " escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A heading's id: lower case, letters and digits (any script) joined by "-"; "section" when none. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((t: Token) => t.type === "text" || t.type === "code_inline")
    .map((t: Token) => t.content)
    .join("");
}

/** Core rule: an `id` on every heading (unique: "-2", "-3"… on repeats), recorded in env.headings. */
function headingIds(state: { tokens: Token[]; env: RenderEnv }): void {
  const { tokens, env } = state;
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const text = inlineText(tokens[i + 1]);
    const base = slugify(text);
    const seen = env.slugs.get(base) ?? 0;
    env.slugs.set(base, seen + 1);
    const id = seen === 0 ? base : `${base}-${seen + 1}`;
    token.attrSet("id", id);
    env.headings.push({ level: Number(token.tag.slice(1)), id, text });
  });
}

function createRenderer(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({
    html: true,
    highlight: (code, lang) => (HIGHLIGHTED.has(lang) ? hljs.highlight(code, { language: "typescript", ignoreIllegals: true }).value : ""),
  });
  md.core.ruler.push("nnbook_heading_ids", (state) => headingIds(state as never));
  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, renderEnv, self) => {
    const env = renderEnv as unknown as RenderEnv;
    const token = tokens[idx];
    const src = String(token.attrGet("src") ?? "");
    const asset = env.assets.get(src) ?? env.assets.get(safeDecode(src));
    if (asset?.kind === "chart") {
      const alt = escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
      const id = `chart-${env.charts.length + 1}`;
      env.charts.push({ id, spec: asset.spec });
      return `<span class="nnbook-chart" id="${id}" role="img" aria-label="${alt}"></span><span class="nnbook-caption">${alt}</span>`;
    }
    if (asset?.kind === "image") token.attrSet("src", `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString("base64")}`);
    return defaultImage === undefined ? self.renderToken(tokens, idx, options) : defaultImage(tokens, idx, options, env, self);
  };
  return md;
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

let renderer: MarkdownIt.MarkdownIt | undefined;

/**
 * Renders `markdown`; `assets` maps image links (as written in the Markdown) to what they show.
 * Returns the HTML, the headings in order and the chart placeholders (ids `chart-1`, `chart-2`, …).
 * Deterministic: the same input gives the same output.
 */
export function renderReportMarkdown(markdown: string, assets: ReadonlyMap<string, HtmlAsset>): { html: string; headings: Heading[]; charts: ChartSlot[] } {
  renderer ??= createRenderer();
  const env: RenderEnv = { assets, headings: [], charts: [], slugs: new Map() };
  const html = renderer.render(markdown, env);
  return { html, headings: env.headings, charts: env.charts };
}
