/**
 * Labelled sweep entries: a `Variant` is a config with the label tables and charts show and an
 * `id` that ties it to published numbers; `runVariants` runs each over the seeds and returns the
 * seed groups with their labels, so a notebook never pairs groups and labels by index.
 */
import type { SeedGroup } from "./aggregate";
import type { ExperimentConfig } from "./config";
import type { ExperimentData } from "./data";
import type { HistoryRow } from "../train";
import { runSeedGroups, type SeedGroupOptions } from "./seed-groups";

/** A named config: `id` ties it to published numbers, `label` is shown. */
export interface Variant {
  readonly id: string;
  readonly label: string;
  readonly config: ExperimentConfig;
}

/** One variant's runs over the seeds, aggregated, with its id and label. */
export interface VariantGroup extends SeedGroup {
  readonly id: string;
  readonly label: string;
}

/** Runs every variant once per seed (`runSeedGroups`) → one labelled group per variant, in order. */
export async function runVariants(
  variants: readonly Variant[],
  seeds: readonly number[],
  data: ExperimentData,
  opts: SeedGroupOptions = {},
): Promise<VariantGroup[]> {
  const groups = await runSeedGroups(
    variants.map((v) => v.config),
    seeds,
    data,
    opts,
  );
  return groups.map((g, i) => ({ ...g, id: variants[i].id, label: variants[i].label }));
}

/** The first seed's history of each group, labelled, from epoch `fromEpoch` on (for `compareCurves`). */
export function firstSeedCurves(groups: readonly VariantGroup[], fromEpoch = 0): { label: string; history: HistoryRow[] }[] {
  return groups.map((g) => ({ label: g.label, history: g.results[0].history.filter((r) => r.epoch >= fromEpoch) }));
}
