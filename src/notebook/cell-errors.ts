/**
 * Error reports for failing notebook cells, in cell terms. tslab transpiles each cell to
 * JavaScript (no source map) and runs it with `vm.runInThisContext`; `kernel-errors` names each
 * cell's script `Cell In[n]` and keeps its source and JavaScript here. This module turns a thrown
 * value into Jupyter's `ename` / `evalue` / `traceback`: stack frames in cells point at the cell's
 * own line (found by matching the transpiled line against the cell's lines), frames of Node
 * internals and of tslab are dropped, the library's own frames stay.
 */

/** One executed cell: its script name (`Cell In[3]`), TypeScript source and the JavaScript tslab ran. */
export interface CellCode {
  readonly name: string;
  readonly source: string;
  readonly js: string;
}

/** Jupyter's error fields (execute_reply / error message content). */
export interface CellErrorReport {
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: string[];
}

/** Frames of Node internals, of tslab and of the patch in `kernel-errors` (never the student's or the library's own code). */
const INTERNAL = /[( ](node:|[^()]*[\\/]node_modules[\\/]tslab[\\/]|[^()]*[\\/]notebook[\\/]kernel-errors\.[jt]s:)|sigintHandlersWrap|runInThisContext/;
/** `    at [async] [name (]Cell In[3]:8:15[)]` */
const CELL_FRAME = /^(\s*at (?:async )?)(?:(.*?) \()?(Cell In\[\d+\]):(\d+):(\d+)\)?$/;

/** `(0, dist_1.f)` → `f`, `dist_1.f` → `f`, `exports.x` → `x`, whitespace removed. */
function normalize(line: string): string {
  return line
    .replace(/\(0,\s*[\w$]+_\d+\.([\w$]+)\)/g, "$1")
    .replace(/\b[\w$]+_\d+\./g, "")
    .replace(/\bexports\./g, "")
    .replace(/\s+/g, "");
}

/** Length of the longest common substring of `a` and `b`. */
function commonRun(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = prev[j - 1] + 1));
    }
    prev = row;
  }
  return best;
}

const KEYWORDS = new Set(["new", "await", "throw", "return", "const", "let", "var", "exports", "void", "typeof"]);

/** The first identifier at or after column `col` (1-based) of `line` that is not a keyword. */
function identifierAt(line: string, col: number): string | undefined {
  const rest = line
    .slice(Math.max(0, col - 1))
    .replace(/^[\w$]+_\d+\./, "")
    .replace(/^exports\./, "");
  for (const m of rest.matchAll(/[A-Za-z_$][\w$]*/g)) if (!KEYWORDS.has(m[0])) return m[0];
  return undefined;
}

/**
 * The 1-based line of `cell.source` that JavaScript line `jsLine` (column `jsCol`) of `cell.js`
 * came from, or undefined when no line matches. Best effort: the cell line that contains the
 * identifier at the error column and shares the longest run of characters with the transpiled
 * line (type annotations and tslab's `exports.` / `(0, m_1.f)` rewrites aside); ties go to the
 * earlier line.
 */
export function mapCellLine(cell: CellCode, jsLine: number, jsCol: number): number | undefined {
  const js = cell.js.split("\n")[jsLine - 1];
  if (js === undefined) return undefined;
  const target = normalize(js);
  const name = identifierAt(js, jsCol);
  const lines = cell.source.split("\n");
  let best: { line: number; score: number } | undefined;
  lines.forEach((text, i) => {
    if (name !== undefined && !new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}([^\\w$]|$)`).test(text)) return;
    const score = commonRun(target, normalize(text));
    if (score > 0 && (best === undefined || score > best.score)) best = { line: i + 1, score };
  });
  return best?.line;
}

/** One stack line in cell terms: `    at f (Cell In[1], line 4)`; null to drop it (internal or tslab's wrapper call). */
export function cellFrame(frame: string, cells: ReadonlyMap<string, CellCode>): string | null {
  if (INTERNAL.test(frame)) return null;
  const m = CELL_FRAME.exec(frame);
  if (!m) return frame.replace(/^(\s*at (?:async )?)Proxy\./, "$1"); // tslab calls exported functions through a Proxy
  const [, at, fn, name, lineText, colText] = m;
  const cell = cells.get(name);
  const where = (line: number | undefined) => (line === undefined ? name : `${name}, line ${line}`);
  const callee = fn?.replace(/^Proxy\./, "");
  if (cell === undefined) return `${at}${callee ? `${callee} (${name})` : name}`;
  const jsLines = cell.js.split("\n").length;
  const line = Number(lineText);
  if (line >= jsLines && callee === undefined) return null; // tslab's `})(__tslab__.exports, …)` call of the cell
  const mapped = mapCellLine(cell, line, Number(colText));
  return callee ? `${at}${callee} (${where(mapped)})` : `${at}${where(mapped)}`;
}

/** Jupyter's error fields for a value thrown by a cell, with the stack in cell terms. */
export function cellErrorReport(thrown: unknown, cells: ReadonlyMap<string, CellCode>): CellErrorReport {
  if (!(thrown instanceof Error)) {
    return { ename: "Error", evalue: `a cell threw ${typeof thrown === "string" ? JSON.stringify(thrown) : String(thrown)}`, traceback: [] };
  }
  const ename = thrown.name || thrown.constructor?.name || "Error";
  const evalue = thrown.message;
  const stack = typeof thrown.stack === "string" ? thrown.stack.split("\n") : [];
  const firstFrame = stack.findIndex((l) => /^\s+at /.test(l));
  const frames = firstFrame < 0 ? [] : stack.slice(firstFrame);
  const traceback = frames.map((f) => cellFrame(f, cells)).filter((f): f is string => f !== null);
  return { ename, evalue, traceback };
}

/** The report as stderr text: `Name: message` and the frames, one per line. */
export function reportText(report: CellErrorReport): string {
  return [`${report.ename}: ${report.evalue}`, ...report.traceback].join("\n") + "\n";
}
