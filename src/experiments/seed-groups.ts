import { groupBySeed, SeedGroup } from "./aggregate";
import type { ExperimentConfig } from "./config";
import type { ExperimentData } from "./data";
import type { SweepProgress } from "./progress";
import { runSweep, SweepOptions } from "./run-sweep";
import { withSeeds } from "./sweep";

/** Options of `runSeedGroups`: those of `runSweep`, with a progress factory told the number of runs. */
export interface SeedGroupOptions extends Omit<SweepOptions, "progress"> {
  readonly progress?: boolean | SweepProgress | ((runs: number) => SweepProgress);
}

/**
 * Runs every config once per seed (through `runSweep`: parallel workers, result cache) and returns
 * one `SeedGroup` per config, IN CONFIG ORDER, each aggregating its seeds as mean ± std.
 * Configs must differ in more than their seed (equal configs would merge into one group).
 */
export async function runSeedGroups(
  configs: readonly ExperimentConfig[],
  seeds: readonly number[],
  data: ExperimentData,
  opts: SeedGroupOptions = {},
): Promise<SeedGroup[]> {
  if (seeds.length === 0) throw new RangeError("runSeedGroups: no seeds");
  const all = withSeeds(configs, seeds);
  const progress = typeof opts.progress === "function" ? opts.progress(all.length) : opts.progress;
  const results = await runSweep(all, data, { ...opts, progress });
  const groups = groupBySeed(results);
  if (groups.length !== configs.length) {
    throw new RangeError(`runSeedGroups: ${configs.length} configs gave ${groups.length} groups (two configs equal apart from the seed?)`);
  }
  return groups;
}
