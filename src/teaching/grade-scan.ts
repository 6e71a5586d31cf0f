/**
 * What a grader reports about code it reads in a submission: reaching for modules, the process,
 * files, other processes, the checker, the built-ins or the reference implementation. Findings
 * are notes for the teacher; they never change a score (scores come from running the checks).
 */

/** One kind of finding: a pattern over code and what it means. */
interface Finding {
  readonly pattern: RegExp;
  readonly what: string;
}

const FINDINGS: readonly Finding[] = [
  { pattern: /dist\/teaching|check-batchnorm|check-result|\/score\b|showCheck|evaluate[A-Z]\w*/, what: "touches the checker" },
  {
    pattern:
      /\b(?:Math|Array|Object|Number|Float64Array|JSON|Function)\s*(?:\.\s*\w+\s*)?=(?!=)|defineProperty\s*\(\s*(?:Math|Array|Float64Array)\b|\.prototype\.\w+\s*=(?!=)/,
    what: "patches a built-in (Math, Array, typed arrays, …)",
  },
  { pattern: /\brequire\s*\(|\bimport\s*\(|\bmainModule\b/, what: "loads modules" },
  { pattern: /\bconstructor\s*\(|\bconstructor\s*\[|\bFunction\s*\(|\beval\s*\(/, what: 'builds code from strings (e.g. .constructor("return process"))' },
  { pattern: /\bprocess\s*\.\s*(?:exit|kill|abort|reallyExit)\b/, what: "tries to end the process" },
  { pattern: /\bprocess\s*\.\s*on\b|\bSIGINT\b|\bSIGTERM\b/, what: "handles signals" },
  { pattern: /\bprocess\b/, what: "uses process" },
  { pattern: /child_process|\bexecSync\b|\bspawn(?:Sync)?\b|\bfork\s*\(/, what: "starts processes" },
  {
    pattern:
      /\b(?:readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|readdir|readdirSync|openSync|createReadStream|createWriteStream)\b|["'](?:node:)?fs["']/,
    what: "reads or writes files",
  },
  { pattern: /\b(?:fetch|http|https|net|dgram)\s*[.(]|["'](?:node:)?(?:http|https|net|dgram)["']/, what: "uses the network" },
  { pattern: /\bwhile\s*\(\s*(?:true|1)\s*\)|\bfor\s*\(\s*;\s*;\s*\)/, what: "has an endless loop" },
];

/** Comments removed (line and block), strings kept: what the code does, not what it says. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/**
 * The findings in `code` ("loads modules", …), in a fixed order; `hiddenNames` are the reference
 * functions graded code must not call (a call is reported as "calls the library's X").
 */
export function scanCode(code: string, hiddenNames: readonly string[] = []): string[] {
  const text = withoutComments(code);
  const found = hiddenNames.filter((n) => new RegExp(`(?<![\\w$])${n}\\s*\\(`).test(text)).map((n) => `calls the library's ${n}`);
  for (const f of FINDINGS) if (f.pattern.test(text)) found.push(f.what);
  return found;
}
