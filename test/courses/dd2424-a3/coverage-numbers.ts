/** The numbers check of the DD2424 coverage tables (both reports): every number a table prints is in its results JSON or computed from it. */
import type { ResultsDoc } from "../../../src/report/results-json";
import { quantityValues } from "../../../src/report/results-json";

/** Every number a coverage table may print: those in the JSON text, and the means, stds, n and p-values computed from it. */
function allowedNumbers(doc: ResultsDoc, text: string): Set<string> {
  const allowed = new Set(text.match(/\d+(\.\d+)?/g));
  for (const r of doc.coverage) {
    if (r.test) allowed.add(r.test.pValue.toFixed(3));
    if (!r.ours) continue;
    const v = quantityValues(doc, r.ours, r.ours.scale ?? 1);
    if (v.length === 0) continue;
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const std = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1)) : 0;
    const d = r.ours.digits ?? 2;
    [mean.toFixed(d), std.toFixed(d), String(v.length)].forEach((s) => allowed.add(s));
    const chance = r.ours.chanceAt;
    if (chance !== undefined) {
      for (const g of [v.filter((x) => x <= chance), v.filter((x) => x > chance)]) {
        if (g.length === 0) continue;
        const gm = g.reduce((s, x) => s + x, 0) / g.length;
        const gs = g.length > 1 ? Math.sqrt(g.reduce((s, x) => s + (x - gm) ** 2, 0) / (g.length - 1)) : 0;
        [gm.toFixed(d), gs.toFixed(d), String(g.length)].forEach((s) => allowed.add(s));
      }
    }
  }
  allowed.add("0.001");
  return allowed;
}

/** The numbers of a coverage table that the JSON does not account for (links and ids excluded). */
export function strayNumbers(doc: ResultsDoc, text: string, table: string): string[] {
  const allowed = allowedNumbers(doc, text);
  const body = table
    .split("\n")
    .slice(2)
    .map((l) => l.split(" | ").slice(3).join(" | "))
    .join("\n");
  return (body.match(/\d+(\.\d+)?/g) ?? []).filter((n) => !allowed.has(n));
}
