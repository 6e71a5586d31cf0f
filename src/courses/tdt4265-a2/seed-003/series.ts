/**
 * Seed 003's whole series for one gradient-normalization reading: Table 0.1 (cumulative tricks)
 * and Table 0.2 (topologies) at epochs 1/5/10/15, momentum at η = 0.5 and 0.05, and the combined
 * bonus — planned as one list of distinct configs (Table 0.2's 64 row is Table 0.1's N row, the
 * momentum run at 0.05 is row M), run in one sweep, and mapped back.
 */
import type { SeedGroup } from "../../../experiments/aggregate";
import type { ExperimentConfig } from "../../../experiments/config";
import type { ExperimentData } from "../../../experiments/data";
import { configHash } from "../../../experiments/hash";
import type { Variant } from "../presets";
import { runSeedGroups, type SeedGroupOptions } from "../../../experiments/seed-groups";
import { type EpochRuns, epochRuns } from "./epoch-tables";
import { SEED_003_BLOCKS } from "../seeds/003";
import type { SeedBlock } from "../seeds/types";
import { type Seed003BonusOptions, type Seed003Settings, seed003Bonus, seed003MomentumRates, seed003Topologies, seed003Tricks } from "./presets";

/** Every run of one reading: the variants of each part and the per-epoch runs of the tables. */
export interface Seed003Plan {
  readonly settings: Seed003Settings;
  readonly tricks: readonly EpochRuns[];
  readonly topologies: readonly EpochRuns[];
  readonly momentum: readonly Variant[];
  readonly bonus: Variant;
}

/** The plan of one reading (`bonus`: the drop probability and η decay the seed leaves open). */
export function seed003Plan(settings: Seed003Settings, bonus?: Seed003BonusOptions): Seed003Plan {
  return {
    settings,
    tricks: epochRuns(seed003Tricks(settings)),
    topologies: epochRuns(seed003Topologies(settings)),
    momentum: seed003MomentumRates(settings),
    bonus: seed003Bonus(settings, bonus),
  };
}

/** Every config of `plan`, in order, duplicates included. */
export function planConfigs(plan: Seed003Plan): ExperimentConfig[] {
  return [...plan.tricks.flatMap((r) => r.configs), ...plan.topologies.flatMap((r) => r.configs), ...plan.momentum.map((v) => v.config), plan.bonus.config];
}

/** The distinct configs of `configs` (by hash without the seed), in first-appearance order. */
export function distinctConfigs(configs: readonly ExperimentConfig[]): ExperimentConfig[] {
  const seen = new Map<string, ExperimentConfig>();
  for (const c of configs) {
    const key = configHash({ ...c, seed: 0 });
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

/** A plan's results: one seed group per config, in `planConfigs` order (shared runs appear twice). */
export interface Seed003Results {
  readonly plan: Seed003Plan;
  readonly groups: readonly SeedGroup[];
  /** the seed groups of one part, in its order */
  part(name: "tricks" | "topologies" | "momentum" | "bonus"): SeedGroup[];
}

/** Runs the distinct configs of `plans` once per seed (one sweep) and maps the groups back per plan. */
export async function runSeed003(
  plans: readonly Seed003Plan[],
  seeds: readonly number[],
  data: ExperimentData,
  opts: SeedGroupOptions = {},
): Promise<Seed003Results[]> {
  const unique = distinctConfigs(plans.flatMap(planConfigs));
  const groups = await runSeedGroups(unique, seeds, data, opts);
  const byKey = new Map(unique.map((c, i) => [configHash({ ...c, seed: 0 }), groups[i]]));
  return plans.map((plan) => {
    const mine = planConfigs(plan).map((c) => byKey.get(configHash({ ...c, seed: 0 }))!);
    const sizes = {
      tricks: plan.tricks.reduce((n, r) => n + r.configs.length, 0),
      topologies: plan.topologies.reduce((n, r) => n + r.configs.length, 0),
      momentum: plan.momentum.length,
      bonus: 1,
    };
    const starts = { tricks: 0, topologies: sizes.tricks, momentum: sizes.tricks + sizes.topologies, bonus: mine.length - 1 };
    return { plan, groups: mine, part: (name) => mine.slice(starts[name], starts[name] + sizes[name]) };
  });
}

/** The trainer settings a plan runs, one row per config kind, for the notebook's settings table. */
export function seed003SettingsRows(plan: Seed003Plan): Record<string, string>[] {
  const row = (what: string, c: ExperimentConfig): Record<string, string> => ({
    Runs: what,
    "Batch size": String(c.batchSize),
    Epochs: String(c.epochs),
    "η (library, mean gradient)": c.schedule.kind === "constant" ? String(c.schedule.eta) : JSON.stringify(c.schedule),
    Momentum: String(c.momentum ?? 0),
    Shuffle: String(c.shuffle ?? false),
    "Early stopping": c.earlyStopping ? "yes" : "none",
    Activation: c.activation.name,
    Init: c.init.kind,
  });
  return [
    ...plan.tricks.map((r) => row(`Table 0.1 ${r.variant.id}`, r.variant.config)),
    ...plan.topologies.map((r) => row(`Table 0.2 ${r.variant.label}`, r.variant.config)),
    ...plan.momentum.map((v) => row(v.label, v.config)),
    row("bonus", plan.bonus.config),
  ];
}

/** Seed 003's table rows by our variant id ("B" … "M" for Table 0.1, "5" … "60x60" for Table 0.2). */
export function seed003TableBlocks(table: "01" | "02"): Map<string, SeedBlock> {
  const prefix = `003/table${table}/`;
  return new Map(SEED_003_BLOCKS.filter((b) => b.id.startsWith(prefix)).map((b) => [b.id.slice(prefix.length), b]));
}
