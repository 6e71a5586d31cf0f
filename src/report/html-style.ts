/** The HTML report's style sheet: layout (navigation beside the text), tables, code, charts. */

/** highlight.js token classes → colors (a light theme of our own, close to the figures' palette). */
const CODE_COLORS = `
.hljs-keyword, .hljs-built_in, .hljs-literal { color: #7a3e9d; }
.hljs-string, .hljs-regexp { color: #2a7e3b; }
.hljs-number { color: #b35900; }
.hljs-comment { color: #6a737d; font-style: italic; }
.hljs-title, .hljs-title.function_, .hljs-title.class_ { color: #1f5fa8; }
.hljs-type, .hljs-params, .hljs-attr, .hljs-property { color: #8a4b08; }
.hljs-meta { color: #5a6270; }`;

/** The whole style sheet, as one string (inlined in `<style>`). */
export const REPORT_CSS = `
:root { --text: #1d2330; --muted: #5a6270; --line: #dfe3ea; --code-bg: #f6f8fa; --out-bg: #fbfbf7; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); font: 16px/1.55 "DejaVu Sans", system-ui, sans-serif; }
nav.nnbook-nav { position: fixed; top: 0; left: 0; bottom: 0; width: 17rem; overflow-y: auto; padding: 1.2rem 1rem;
  border-right: 1px solid var(--line); background: #fafbfc; font-size: 0.85rem; }
nav.nnbook-nav ol { list-style: none; margin: 0; padding: 0; }
nav.nnbook-nav li { margin: 0.15rem 0; }
nav.nnbook-nav li.level-3 { padding-left: 0.9rem; }
nav.nnbook-nav a { color: var(--text); text-decoration: none; }
nav.nnbook-nav a:hover { color: var(--accent); text-decoration: underline; }
nav.nnbook-nav .nav-title { font-weight: bold; margin-bottom: 0.6rem; display: block; }
main { margin-left: 17rem; padding: 1.5rem 2.5rem 3rem; max-width: 72rem; }
h1, h2, h3 { line-height: 1.25; scroll-margin-top: 1rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2.2rem; }
a { color: var(--accent); }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; }
th { background: #f1f3f6; }
td { font-variant-numeric: tabular-nums; }
pre { background: var(--code-bg); border: 1px solid var(--line); border-radius: 4px; padding: 0.7rem 0.9rem; overflow-x: auto;
  font-size: 0.85rem; line-height: 1.45; }
pre code.language-text { color: #3b4150; }
pre:has(code.language-text) { background: var(--out-bg); border-left: 3px solid #c9cdb5; }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; }
.nnbook-chart { display: block; margin: 1rem 0 0.2rem; min-height: 2rem; max-width: 100%; overflow-x: auto; }
.nnbook-caption { display: block; color: var(--muted); font-size: 0.85rem; margin-bottom: 1rem; }
.nnbook-chart-error { color: #b00020; white-space: pre-wrap; }
footer { margin-left: 17rem; padding: 0 2.5rem 2rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 60rem) {
  nav.nnbook-nav { position: static; width: auto; border-right: none; border-bottom: 1px solid var(--line); }
  main, footer { margin-left: 0; }
}
@media print { nav.nnbook-nav { display: none; } main, footer { margin-left: 0; } }
${CODE_COLORS}
`;
