/**
 * Reading numbers as the seeds print them: "58.72%", "1e-05", "1e - 04", "10^{-5}",
 * "1.0632777281477375 * 10^{-6}", "(5 * 45,000 / 100)", "45,000", "(50, 30, 20)", "50, 30, 20 and 10",
 * "two", "True". Used to check that a block's data equal its quoted text.
 */

const WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3 };

/** A product/quotient of plain numbers, e.g. "5 * 45000 / 100" (no other operators). */
function evalProduct(expr: string): number {
  const tokens = expr.split(/\s*([*/])\s*/);
  let value = scalar(tokens[0]);
  for (let i = 1; i + 1 < tokens.length; i += 2) {
    const x = scalar(tokens[i + 1]);
    value = tokens[i] === "*" ? value * x : value / x;
  }
  return value;
}

/** One number: decimal, e-notation (spaces allowed: "1e - 04"), 10^{k}, or a word (one … three). */
function scalar(text: string): number {
  const t = text.trim().replace(/%$/, "");
  if (t in WORDS) return WORDS[t];
  const pow = /^10\^\{?\s*(-?\d+)\s*\}?$/.exec(t);
  if (pow) return Number(`1e${pow[1]}`);
  const compact = t.replace(/\s+/g, "");
  const x = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact) ? Number(compact) : NaN;
  if (Number.isNaN(x)) throw new RangeError(`parsePrinted: cannot read "${text}" as a number`);
  return x;
}

/**
 * The value of a printed number, list or boolean. Lists are "(a, b, …)" or "a, b … and z"
 * (all integers); "a * 10^{k}" and "(5 * 45,000 / 100)" are evaluated; thousands commas are
 * dropped inside products. Throws on anything else.
 */
export function parsePrinted(text: string): number | boolean | number[] {
  const t = text.trim();
  if (t === "True") return true;
  if (t === "False") return false;
  const inner = t.replace(/^\((.*)\)$/, "$1").trim();
  if (/^\d{1,3}(,\d{3})+$/.test(inner)) return Number(inner.replace(/,/g, ""));
  if (/[*/]/.test(inner)) return evalProduct(inner.replace(/(\d),(\d{3})/g, "$1$2"));
  if (/,|\band\b/.test(inner)) {
    return inner
      .split(/\s*,\s*|\s+and\s+/)
      .filter((s) => s !== "")
      .map((s) => {
        const n = scalar(s);
        if (!Number.isInteger(n)) throw new RangeError(`parsePrinted: "${s}" in the list "${text}" is not an integer`);
        return n;
      });
  }
  return scalar(inner);
}

/** Whether `text` is printed in `quote` as a whole number or word (not as part of a longer one). */
export function printedIn(quote: string, text: string): boolean {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const before = /^[A-Za-z]/.test(text) ? "\\b" : "(?<![\\d.])";
  const after = /[A-Za-z]$/.test(text) ? "\\b" : "(?![\\d])";
  return new RegExp(`${before}${escaped}${after}`).test(quote);
}

/** The value at a dotted path of an object ("eta.nS"), undefined when absent. */
export function valueAt(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}
