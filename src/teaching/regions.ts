/**
 * Solution regions inside a code cell's source: the lines between `// BEGIN SOLUTION [name]` and
 * `// END SOLUTION`. The student version replaces each region by its `// HINT:` lines and a stub
 * `throw new Error("not implemented yet: <name>")` at the BEGIN marker's indentation.
 */

const BEGIN = /^(\s*)\/\/\s*BEGIN SOLUTION\b(.*)$/;
const END = /^\s*\/\/\s*END SOLUTION\b/;
const HINT = /^\s*\/\/\s*HINT\b/;
/** `function name`, `name = function`, `name = (…) =>` / `name = x =>`, or a method `name(…) {`. */
const DECLARES = [
  /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)/,
  /\b([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/,
  /^\s*(?:(?:public|private|protected|static|async)\s+)*([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::[^{]*)?\{\s*$/,
];
const KEYWORDS = new Set(["if", "for", "while", "switch", "catch", "return", "function"]);

/** One solution region: 0-based line numbers of its BEGIN and END markers. */
export interface SolutionRegion {
  readonly begin: number;
  readonly end: number;
  /** from the marker, else the enclosing function's name */
  readonly name: string;
  /** indentation of the BEGIN marker */
  readonly indent: string;
}

/** The source's lines, each without its line break. */
export function sourceLines(source: string): string[] {
  return source.split("\n");
}

/** True for a `// HINT…` comment line (kept in student versions). */
export function isHintLine(line: string): boolean {
  return HINT.test(line);
}

/** A line without `//` comments and string literals (good enough for counting braces). */
function codeOnly(line: string): string {
  return line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, "");
}

/** The function a line declares, if any. */
function declaredName(line: string): string | undefined {
  for (const pattern of DECLARES) {
    const name = pattern.exec(codeOnly(line))?.[1];
    if (name && !KEYWORDS.has(name)) return name;
  }
  return undefined;
}

/**
 * The innermost named function whose body is open at line `at` (brace counting over the lines
 * before it; strings and `//` comments ignored), or undefined.
 */
export function enclosingFunction(lines: readonly string[], at: number): string | undefined {
  const open: { name?: string; line: number }[] = [];
  for (let i = 0; i < at; i++) {
    for (const ch of codeOnly(lines[i])) {
      if (ch === "{") open.push({ line: i });
      else if (ch === "}") open.pop();
    }
    const name = declaredName(lines[i]);
    const top = open[open.length - 1];
    if (name && top && top.line === i) top.name = name;
  }
  for (let k = open.length - 1; k >= 0; k--) if (open[k].name) return open[k].name;
  return undefined;
}

/**
 * Finds the solution regions of one cell's source. Throws, naming `where` (e.g. "cell 3
 * (id bn-forward)") and the 1-based line, on an END without BEGIN, a nested or unterminated
 * region, or a region with neither a name nor an enclosing function.
 */
export function findRegions(source: string, where: string): SolutionRegion[] {
  const lines = sourceLines(source);
  const regions: SolutionRegion[] = [];
  let current: { begin: number; indent: string; name: string } | undefined;
  lines.forEach((line, i) => {
    const begin = BEGIN.exec(line);
    if (begin) {
      if (current) throw new Error(`${where}, line ${i + 1}: BEGIN SOLUTION inside the region opened at line ${current.begin + 1} (regions do not nest)`);
      const name = begin[2].trim() || enclosingFunction(lines, i);
      if (!name) throw new Error(`${where}, line ${i + 1}: BEGIN SOLUTION has no name and is not inside a function; write "// BEGIN SOLUTION <name>"`);
      current = { begin: i, indent: begin[1], name };
    } else if (END.test(line)) {
      if (!current) throw new Error(`${where}, line ${i + 1}: END SOLUTION without a BEGIN SOLUTION before it`);
      regions.push({ ...current, end: i });
      current = undefined;
    }
  });
  if (current) throw new Error(`${where}, line ${current.begin + 1}: BEGIN SOLUTION ${current.name} is never closed by "// END SOLUTION"`);
  return regions;
}

/** The stub statement for a region or a whole solution cell. */
export function stubLine(name: string, indent = ""): string {
  return `${indent}throw new Error(${JSON.stringify(`not implemented yet: ${name}`)});`;
}

/**
 * The source with every region replaced by its hint lines and a stub (lines outside regions are
 * kept byte for byte).
 */
export function replaceRegions(source: string, regions: readonly SolutionRegion[]): string {
  const lines = sourceLines(source);
  const out: string[] = [];
  let next = 0;
  for (const r of regions) {
    out.push(...lines.slice(next, r.begin));
    out.push(...lines.slice(r.begin + 1, r.end).filter(isHintLine), stubLine(r.name, r.indent));
    next = r.end + 1;
  }
  out.push(...lines.slice(next));
  return out.join("\n");
}

/** The lines inside the regions (markers excluded), hints included. */
export function regionBodies(source: string, regions: readonly SolutionRegion[]): string[] {
  const lines = sourceLines(source);
  return regions.flatMap((r) => lines.slice(r.begin + 1, r.end));
}
