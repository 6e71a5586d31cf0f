/**
 * Markdown building blocks shared by the notebook display and the exporter: tables from rows,
 * fenced code blocks, parameter blocks, and value formatting.
 */

/** Options of {@link markdownTable}. */
export interface MarkdownTableOptions {
  /** Column order (default: keys in order of first appearance). */
  columns?: readonly string[];
  /** Significant digits for non-integer numbers (default 4). */
  digits?: number;
  /** Per-column alignment; numeric columns default to right, others to left. */
  align?: Readonly<Record<string, "left" | "right" | "center">>;
}

/** A number with `digits` significant digits, shortest form (`0.01235`, `1.235e-7`, `42`). */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(digits)));
}

/** A value as a parameter/JSON-like literal: strings quoted, arrays and objects with spaces. */
export function formatValue(value: unknown, digits = 17): string {
  if (typeof value === "number") return digits >= 17 ? String(value) : formatNumber(value, digits);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, digits)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v, digits)}`);
    return `{${entries.join(", ")}}`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

function tableCell(value: unknown, digits: number): string {
  const text = typeof value === "number" ? formatNumber(value, digits) : typeof value === "string" ? value : value == null ? "" : formatValue(value, digits);
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * A GitHub-flavoured Markdown table of `rows` (one object per row). Numbers get `digits`
 * significant digits; `|` in cells is escaped; missing values are empty cells.
 */
export function markdownTable(rows: readonly Readonly<Record<string, unknown>>[], options: MarkdownTableOptions = {}): string {
  const columns = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (columns.length === 0) throw new Error("markdownTable: no columns (empty rows and no options.columns)");
  const digits = options.digits ?? 4;
  const numeric = (c: string): boolean => rows.length > 0 && rows.every((r) => r[c] == null || typeof r[c] === "number");
  const rule = columns.map((c) => {
    const align = options.align?.[c] ?? (numeric(c) ? "right" : "left");
    return align === "right" ? "---:" : align === "center" ? ":---:" : "---";
  });
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const body = rows.map((row) => line(columns.map((c) => tableCell(row[c], digits))));
  return [line(columns.map((c) => tableCell(c, digits))), line(rule), ...body].join("\n");
}

/** A fenced code block; the fence is longer than any run of backticks inside `text`. */
export function codeBlock(text: string, language = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\s+$/, "")}\n${fence}`;
}

/** `key = value` lines with the `=` signs aligned (values via {@link formatValue}). */
export function parameterLines(params: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(params);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `${k.padEnd(width)} = ${formatValue(params[k])}`).join("\n");
}

/** A parameter block as a Markdown code block, with an optional `# title` comment line. */
export function parameterBlock(params: Readonly<Record<string, unknown>>, title?: string): string {
  const lines = parameterLines(params);
  return codeBlock(title ? `# ${title}\n${lines}` : lines, "text");
}

/** Adds `levels` `#` to every ATX heading outside fenced code blocks (capped at level 6). */
export function demoteHeadings(markdown: string, levels = 1): string {
  let fence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === null ? marker : null;
        return line;
      }
      const heading = fence === null ? /^(#{1,6})(\s)/.exec(line) : null;
      if (!heading) return line;
      const level = Math.min(6, heading[1].length + levels);
      return `${"#".repeat(level)}${line.slice(heading[1].length)}`;
    })
    .join("\n");
}
