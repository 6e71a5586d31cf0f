/**
 * Every configuration of the TDT4265 A2 report, run (through the result cache, so after the
 * section notebooks this recomputes nothing) and collected as `reports/tdt4265-a2.results.json`
 * configurations: seed 002's series (sections 1–3, ids "002/…") and seed 003's series per
 * gradient reading (section 5, ids "003-<reading>/<variant>@<epoch>", "…/momentum-0.5", "…/bonus").
 */
import type { ExperimentData } from "../../experiments/data";
import { type Tdt4265Settings, type Variant, tdt4265Baseline, topologyVariants, trickVariants } from "./presets";
import { runSeedGroups, type SeedGroupOptions } from "../../experiments/seed-groups";
import { configHash } from "../../experiments/hash";
import { type ConfigurationResults, configurationResults } from "../../report/results-json";
import { type Seed003Plan, distinctConfigs, planConfigs } from "./seed-003/series";

/** The report sections, as links from `reports/` to the section notebooks. */
export const TDT4265_SECTIONS = {
  baseline: { title: "1. Data and baseline", href: "../notebooks/tdt4265-a2/01-data-and-baseline.ipynb" },
  tricks: { title: "2. Tricks of the trade", href: "../notebooks/tdt4265-a2/02-tricks-of-the-trade.ipynb" },
  topologies: { title: "3. Topologies", href: "../notebooks/tdt4265-a2/03-topologies.ipynb" },
  bonus: { title: "4. Bonus", href: "../notebooks/tdt4265-a2/04-bonus.ipynb" },
  seed003: { title: "5. Seed 003's own setup", href: "../notebooks/tdt4265-a2/05-seed-003.ipynb" },
} as const;

/** A configuration of the report with its results id and section. */
export interface ReportVariant {
  readonly id: string;
  readonly section: keyof typeof TDT4265_SECTIONS;
  readonly variant: Variant;
}

/** Seed 002's series: the baseline, each trick alone and all tricks (section 2), the topologies (section 3). */
export function series002Variants(settings: Tdt4265Settings): ReportVariant[] {
  const base = tdt4265Baseline(settings);
  return [
    ...trickVariants(base).map((variant) => ({
      id: `002/${variant.id}`,
      section: variant.id === "baseline" ? ("baseline" as const) : ("tricks" as const),
      variant,
    })),
    ...topologyVariants(base).map((variant) => ({ id: `002/topology/${variant.id}`, section: "topologies" as const, variant })),
  ];
}

/** Seed 003's runs of one plan, with their results ids. */
export function series003Variants(plan: Seed003Plan): ReportVariant[] {
  const r = plan.settings.normalization;
  const epochRuns = [...plan.tricks, ...plan.topologies].flatMap((runs) =>
    runs.configs.map((config, k) => ({
      id: `003-${r}/${runs.variant.id}@${runs.epochs[k]}`,
      section: "seed003" as const,
      variant: { ...runs.variant, label: `${runs.variant.label}, epoch ${runs.epochs[k]} (${r})`, config },
    })),
  );
  const more = [...plan.momentum.slice(0, 1), plan.bonus].map((variant) => ({
    id: `003-${r}/${variant.id}`,
    section: "seed003" as const,
    variant: { ...variant, label: `${variant.label} (${r})` },
  }));
  const all = [...epochRuns, ...more];
  const ids = new Set<string>();
  return all.filter((v) => (ids.has(v.id) ? false : (ids.add(v.id), true)));
}

/**
 * Runs seed 002's series and seed 003's `plans` (one sweep over the distinct configs) and returns
 * one results entry per report variant, in order.
 */
export async function runReportConfigurations(
  series002: readonly ReportVariant[],
  plans: readonly Seed003Plan[],
  seeds: readonly number[],
  data: ExperimentData,
  opts: SeedGroupOptions = {},
): Promise<ConfigurationResults[]> {
  const all = [...series002, ...plans.flatMap(series003Variants)];
  const unique = distinctConfigs([...all.map((v) => v.variant.config), ...plans.flatMap(planConfigs)]);
  const groups = await runSeedGroups(unique, seeds, data, opts);
  const byKey = new Map(unique.map((c, i) => [configHash({ ...c, seed: 0 }), groups[i]]));
  return all.map((v) =>
    configurationResults(v.id, v.variant.label, TDT4265_SECTIONS[v.section].title, byKey.get(configHash({ ...v.variant.config, seed: 0 }))!),
  );
}
