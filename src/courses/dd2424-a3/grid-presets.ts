/**
 * The seeds' searches as config lists: each search-grid block (and each searched run, e.g. seed
 * 004's (85, 35, x)) expanded with the seed's own values on the setup of a run block of the same
 * search (`GRID_BASES`). Seed 001's fine grid, of which only the best value is printed, is run in
 * full here; seed 004's (η, λ) ranges need a draw count, which the seed does not state.
 */
import type { ExperimentConfig } from "../../experiments/config";
import { architectureGrid, intRange, lambdaSweep, logGrid, randomSearch } from "../../experiments/sweep";
import { type PresetOptions, seedPreset } from "./presets";
import type { GridRange, SeedBlock } from "./seeds/types";

/** The run block (and reading "seed") whose setup each grid block's configs vary. */
export const GRID_BASES: Readonly<Record<string, string>> = {
  "000/search/coarse-grid": "000/search/coarse/0.1",
  "000/search/fine-grid": "000/search/fine/0.01",
  "001/search/coarse-grid": "001/search/coarse/0.00001",
  "001/search/fine-grid": "001/search/fine/best",
  "004/architecture/3-layer-grid": "004/architecture/3-layer/55-35",
  "004/architecture/4-layer-grid": "004/architecture/4-layer/75-65-55",
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((k) => [`004/search/range-${k}`, "004/search/third-best"])),
};

/** The values of a searched range: a list as is; linear by count (linspace) or by step; log by count. */
export function gridValues(g: readonly number[] | GridRange): number[] {
  if (Array.isArray(g)) return [...g];
  const r = g as GridRange;
  if (r.count !== undefined) {
    if (r.spacing === "log") return logGrid(r.from, r.to, r.count);
    return Array.from({ length: r.count }, (_, k) => r.from + (k * (r.to - r.from)) / (r.count! - 1));
  }
  if (r.step !== undefined && r.spacing === "linear") return intRange(r.from, r.to, r.step);
  throw new RangeError(`gridValues: ${r.from} … ${r.to} (${r.spacing}) has neither a count nor a step: the seed does not say how many values`);
}

/** Options of `gridPresets`: the preset options, and for random ranges the number of draws and their seed. */
export interface GridOptions extends PresetOptions {
  readonly draws?: number;
  readonly drawSeed?: number | string;
}

/** The configs of one search block of `blocks` (a grid, or a run with a `grid` of its third layer). */
export function gridPresets(blocks: readonly SeedBlock[], blockId: string, opts: GridOptions = {}): ExperimentConfig[] {
  const block = blocks.find((b) => b.id === blockId);
  if (!block?.grid) throw new RangeError(`gridPresets: "${blockId}" is not a search block`);
  const g = block.grid;
  if (block.kind === "run") {
    const base = seedPreset(blocks, blockId, "seed", opts);
    return gridValues(g.third).map((x) => ({ ...base, hidden: [...base.hidden.slice(0, -1), x] }));
  }
  const baseId = GRID_BASES[blockId];
  if (!baseId) throw new RangeError(`gridPresets: no base run for "${blockId}"`);
  const base = seedPreset(blocks, baseId, "seed", opts);
  if (g.first)
    return architectureGrid(
      base,
      ["first", "second", "third"].filter((k) => g[k]).map((k) => gridValues(g[k])),
    );
  if (g.eta) {
    const eta = g.eta as GridRange;
    const lambda = g.lambda as GridRange;
    if (opts.draws === undefined)
      throw new RangeError(`gridPresets: "${blockId}" is a random search; the seed does not state how many draws (give opts.draws)`);
    return randomSearch(base, { eta: [eta.from, eta.to], lambda: [lambda.from, lambda.to], count: opts.draws, seed: opts.drawSeed ?? blockId });
  }
  return lambdaSweep(base, gridValues(g.lambda));
}
