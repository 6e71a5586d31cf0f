/**
 * Runs bonus configurations (`bonus-plan.ts`) through `runBlockRuns` (parallel sweep, result
 * cache, each config on the data it names): those run with every seed in one call, the search
 * candidates with the first seed in another — a candidate equal to a configuration run with every
 * seed (a listed net that is also a grid point) takes that one's first-seed run instead. Every
 * configuration gets its seed group and its entry of the results JSON.
 */
import { type SeedGroup, groupBySeed } from "../../experiments/aggregate";
import type { ExperimentConfig } from "../../experiments/config";
import { configHash } from "../../experiments/hash";
import type { SeedGroupOptions } from "../../experiments/seed-groups";
import { type ConfigurationResults, configurationResults } from "../../report/results-json";
import { type BlockRun, type DataLoader, canonicalConfig, runBlockRuns } from "./block-runs";
import { BONUS_SECTIONS, type BonusConfiguration } from "./bonus-plan";

/** One configuration with its runs. */
export interface BonusOutcome {
  readonly configuration: BonusConfiguration;
  readonly group: SeedGroup;
  readonly results: ConfigurationResults;
}

const keyOf = (c: ExperimentConfig): string => configHash({ ...canonicalConfig(c), seed: 0 });

/** How many training runs `plan` needs with `seeds` (equal configs counted once). */
export function countRuns(plan: readonly BonusConfiguration[], seeds: readonly number[]): number {
  const n = new Map<string, number>();
  for (const c of plan) n.set(keyOf(c.config), Math.max(n.get(keyOf(c.config)) ?? 0, c.runs === "seeds" ? seeds.length : 1));
  return [...n.values()].reduce((s, v) => s + v, 0);
}

/** A bonus configuration as a `BlockRun` (ours when it reproduces no seed block). */
function blockRunOf(c: BonusConfiguration): BlockRun {
  return { id: c.id, blockId: c.blockId ?? "", reading: c.reading ?? "ours", label: c.label, ours: c.blockId === undefined, config: c.config };
}

/**
 * Runs every configuration of `plan` (every seed, or `seeds[0]` alone for a candidate) and
 * returns one outcome per configuration, in plan order. Throws naming the id when two
 * configurations share an id.
 */
export async function runBonus(
  plan: readonly BonusConfiguration[],
  seeds: readonly number[],
  load: DataLoader,
  opts: SeedGroupOptions = {},
): Promise<BonusOutcome[]> {
  if (seeds.length === 0) throw new RangeError("runBonus: seeds: none given");
  const ids = new Set<string>();
  for (const c of plan) {
    if (ids.has(c.id)) throw new RangeError(`runBonus: configuration id "${c.id}" appears twice`);
    ids.add(c.id);
  }
  const every = plan.filter((c) => c.runs === "seeds");
  const everyKey = new Map(every.map((c) => [keyOf(c.config), c.id]));
  const once = plan.filter((c) => c.runs === "once" && !everyKey.has(keyOf(c.config)));
  const full = await runBlockRuns(every.map(blockRunOf), seeds, load, opts);
  const single = await runBlockRuns(once.map(blockRunOf), seeds.slice(0, 1), load, opts);
  return plan.map((configuration) => {
    const id = configuration.id;
    const group =
      configuration.runs === "seeds"
        ? full.get(id)!
        : (single.get(id) ?? groupBySeed(full.get(everyKey.get(keyOf(configuration.config))!)!.results.filter((r) => r.config.seed === seeds[0]))[0]);
    const results = configurationResults(id, configuration.label, BONUS_SECTIONS[configuration.section].title, group);
    return { configuration, group, results };
  });
}

/** Validation accuracy of each candidate that finished, by id (what `retrainPlan` selects from). */
export function candidateScores(outcomes: readonly BonusOutcome[]): Map<string, number> {
  return new Map(
    outcomes.filter((o) => o.configuration.runs === "once" && o.group.final).map((o) => [o.configuration.id, o.group.final!.validation.accuracy.mean]),
  );
}
