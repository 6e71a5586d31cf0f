/**
 * Runs bonus configurations (`bonus-plan.ts`) through the parallel sweep and the result cache:
 * equal configs run once (a search candidate that is also a listed run shares its seed-1 run),
 * the data each config names come from a `DataLoader` (`cifarLoader`), and every configuration gets its seed group
 * (a candidate only its first seed's run) and its entry of the results JSON.
 */
import { type SeedGroup, groupBySeed } from "../../experiments/aggregate";
import type { DataSpec, ExperimentConfig } from "../../experiments/config";
import { configHash } from "../../experiments/hash";
import { type SeedGroupOptions, runSeedGroups } from "../../experiments/seed-groups";
import { type ConfigurationResults, configurationResults } from "../../report/results-json";
import type { DataLoader } from "./block-runs";
import { BONUS_SECTIONS, type BonusConfiguration } from "./bonus-plan";

/** One configuration with its runs. */
export interface BonusOutcome {
  readonly configuration: BonusConfiguration;
  readonly group: SeedGroup;
  readonly results: ConfigurationResults;
}

const keyOf = (c: ExperimentConfig): string => configHash({ ...c, seed: 0 });
const dataKey = (d: DataSpec): string => JSON.stringify(d);

/** How many training runs `plan` needs with `seeds` (equal configs counted once). */
export function countRuns(plan: readonly BonusConfiguration[], seeds: readonly number[]): number {
  const n = new Map<string, number>();
  for (const c of plan) n.set(keyOf(c.config), Math.max(n.get(keyOf(c.config)) ?? 0, c.runs === "seeds" ? seeds.length : 1));
  return [...n.values()].reduce((s, v) => s + v, 0);
}

/**
 * Runs every configuration of `plan` (every seed, or `seeds[0]` alone for a candidate) and
 * returns one outcome per configuration, in plan order. Throws naming the id when two
 * configurations share an id.
 */
export async function runBonus(
  plan: readonly BonusConfiguration[], seeds: readonly number[], load: DataLoader, opts: SeedGroupOptions = {},
): Promise<BonusOutcome[]> {
  if (seeds.length === 0) throw new RangeError("runBonus: seeds: none given");
  const ids = new Set<string>();
  for (const c of plan) {
    if (ids.has(c.id)) throw new RangeError(`runBonus: configuration id "${c.id}" appears twice`);
    ids.add(c.id);
  }
  const unique = new Map<string, { config: ExperimentConfig; all: boolean }>();
  for (const c of plan) {
    const k = keyOf(c.config);
    unique.set(k, { config: c.config, all: (unique.get(k)?.all ?? false) || c.runs === "seeds" });
  }
  const groups = new Map<string, SeedGroup>();
  const byData = new Map<string, { config: ExperimentConfig; all: boolean }[]>();
  for (const u of unique.values()) byData.set(dataKey(u.config.data), [...(byData.get(dataKey(u.config.data)) ?? []), u]);
  for (const list of byData.values()) {
    const data = await load(list[0].config.data);
    for (const all of [true, false]) {
      const configs = list.filter((u) => u.all === all).map((u) => u.config);
      if (configs.length === 0) continue;
      const run = await runSeedGroups(configs, all ? seeds : seeds.slice(0, 1), data, opts);
      configs.forEach((c, i) => groups.set(keyOf(c), run[i]));
    }
  }
  return plan.map((configuration) => {
    const full = groups.get(keyOf(configuration.config))!;
    const group = configuration.runs === "once" ? groupBySeed(full.results.filter((r) => r.config.seed === seeds[0]))[0] : full;
    const results = configurationResults(configuration.id, configuration.label, BONUS_SECTIONS[configuration.section].title, group);
    return { configuration, group, results };
  });
}

/** Validation accuracy of each candidate that finished, by id (what `retrainPlan` selects from). */
export function candidateScores(outcomes: readonly BonusOutcome[]): Map<string, number> {
  return new Map(outcomes.filter((o) => o.configuration.runs === "once" && o.group.final)
    .map((o) => [o.configuration.id, o.group.final!.validation.accuracy.mean]));
}
