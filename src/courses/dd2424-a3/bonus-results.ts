/**
 * The whole `reports/dd2424-a3-bonus.results.json` in one call, for the report's last section:
 * every configuration of sections 1–5 (stage 1, then the searches' winners retrained; through the
 * result cache, so after the section notebooks this recomputes nothing) and the coverage rows.
 */
import type { SeedGroupOptions } from "../../experiments/seed-groups";
import type { ResultsDoc } from "../../report/results-json";
import { bonusCoverageRows } from "./bonus-coverage";
import {
  type BonusConfiguration,
  type BonusSearchSettings,
  BONUS_SEARCH_DEFAULTS,
  activationPlan,
  architecturePlan,
  bnAfterPlan,
  noisePlan,
  retrainPlan,
  searchPlan,
} from "./bonus-plan";
import type { DataLoader } from "./block-runs";
import { type BonusOutcome, candidateScores, runBonus } from "./bonus-run";

export { coverageCounts, coverageTable } from "../../report/coverage";
export { writeResultsJson } from "../../report/results-json";

/** Every stage-1 configuration of the report, in section order (ids unique). */
export function bonusStageOne(s: BonusSearchSettings = BONUS_SEARCH_DEFAULTS): BonusConfiguration[] {
  const all = [...bnAfterPlan(s), ...noisePlan(s), ...architecturePlan(s), ...searchPlan(s), ...activationPlan(s)];
  const seen = new Set<string>();
  return all.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/** Runs stage 1 and the retraining of its winners; every outcome, stage 1 first. */
export async function runBonusReport(
  seeds: readonly number[],
  load: DataLoader,
  s: BonusSearchSettings = BONUS_SEARCH_DEFAULTS,
  opts: SeedGroupOptions = {},
): Promise<BonusOutcome[]> {
  const plan = bonusStageOne(s);
  const first = await runBonus(plan, seeds, load, opts);
  const second = await runBonus(retrainPlan(plan, candidateScores(first), s), seeds, load, opts);
  return [...first, ...second];
}

/** The results document of the outcomes: configurations and seed 004's coverage rows. */
export function bonusResultsDoc(outcomes: readonly BonusOutcome[]): ResultsDoc {
  const base = { report: "dd2424-a3-bonus", configurations: outcomes.map((o) => o.results), coverage: [] };
  return { ...base, coverage: bonusCoverageRows(base) };
}
