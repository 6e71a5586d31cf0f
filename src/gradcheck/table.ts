import { GradCheckRow } from "./check";

/** One line of the reports' gradient-check table. */
export interface GradCheckTableRow {
  /** 1-based, as the reports number layers */
  readonly layer: number;
  /** width of the layer (rows of W) */
  readonly nodes: number;
  /** maximum relative errors; absent where the layer has no such parameter */
  readonly W?: number;
  readonly b?: number;
  readonly gamma?: number;
  readonly beta?: number;
}

/** The header of `gradCheckTableCells`. */
export const GRADCHECK_TABLE_HEADER: readonly string[] = [
  "Layer #",
  "Number of nodes",
  "Relative error W",
  "Relative error b",
  "Relative error gamma",
  "Relative error beta",
];

/** Groups `gradientCheck` rows by layer: "Layer # | Number of nodes | Relative error W | b | gamma | beta". */
export function gradCheckTable(rows: readonly GradCheckRow[]): GradCheckTableRow[] {
  const byLayer = new Map<number, { layer: number; nodes: number; W?: number; b?: number; gamma?: number; beta?: number }>();
  for (const r of rows) {
    const line = byLayer.get(r.layer) ?? { layer: r.layer + 1, nodes: r.shape[0] };
    line[r.param] = r.maxRelativeError;
    byLayer.set(r.layer, line);
  }
  return [...byLayer.keys()].sort((a, b) => a - b).map((k) => byLayer.get(k)!);
}

/** The table as strings (errors as e.g. "3.1e-9", "–" where absent), header first. */
export function gradCheckTableCells(rows: readonly GradCheckRow[], digits = 2): string[][] {
  const fmt = (x?: number): string => (x === undefined ? "–" : x.toExponential(digits - 1));
  return [[...GRADCHECK_TABLE_HEADER], ...gradCheckTable(rows).map((r) => [String(r.layer), String(r.nodes), fmt(r.W), fmt(r.b), fmt(r.gamma), fmt(r.beta)])];
}

/**
 * The report's gradient-check table, one row per layer, ready for `showTable`: "Layer #", "Number
 * of nodes", the relative errors of W, b, γ, β ("–" where the layer has none), the expected bound
 * (`< tolerance`), the entries skipped at activation kinks and whether every parameter passed.
 */
export function gradCheckReportRows(rows: readonly GradCheckRow[], tolerance: number): Record<string, string>[] {
  const fmt = (x?: number): string => (x === undefined ? "–" : x.toExponential(1));
  return gradCheckTable(rows).map((r) => {
    const own = rows.filter((g) => g.layer + 1 === r.layer);
    return {
      "Layer #": String(r.layer),
      "Number of nodes": String(r.nodes),
      "Relative error W": fmt(r.W),
      "Relative error b": fmt(r.b),
      "Relative error γ": fmt(r.gamma),
      "Relative error β": fmt(r.beta),
      Expected: `< ${tolerance.toExponential()}`,
      "Kink entries skipped": String(own.reduce((s, g) => s + g.kinkCrossings, 0)),
      Pass: own.every((g) => g.pass) ? "yes" : "NO",
    };
  });
}
