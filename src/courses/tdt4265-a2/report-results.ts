/**
 * The whole `reports/tdt4265-a2.results.json` in one call, for the report's last section: every
 * configuration over its seeds (through the result cache), the measurements (pixel statistics
 * over all 60,000 training images, parameter counts, seed 003's gradient check) and the coverage
 * rows of seeds 002 and 003.
 */
import type { DataSplits } from "../../data/types";
import type { Tdt4265Settings } from "./presets";
import type { SeedGroupOptions } from "../../experiments/seed-groups";
import type { ResultsDoc } from "../../report/results-json";
import { tdt4265CoverageRows, tdt4265Measurements } from "./coverage";
import { runReportConfigurations, series002Variants } from "./results";
import { seed003GradientCheck } from "./seed-003/gradcheck";
import type { Seed003Plan } from "./seed-003/series";

/** Everything `tdt4265Results` needs. */
export interface Tdt4265ResultsInput {
  /** MNIST with 10 % validation (the report's splits) */
  readonly data: DataSplits;
  /** MNIST without a validation split: its standardization is over all 60,000 training images */
  readonly allTraining: Pick<DataSplits, "standardization">;
  readonly series002: Tdt4265Settings;
  readonly plans: readonly Seed003Plan[];
  readonly seeds: readonly number[];
  readonly gradcheck: { readonly images: number; readonly inputSize: number };
  readonly sweep?: SeedGroupOptions;
}

/** Mean and std of the pixels in 0–255 units from a global standardization. */
export function pixelStatistics(d: Pick<DataSplits, "standardization">): { mean: number; std: number } {
  return { mean: 255 * d.standardization.mean[0], std: 255 * d.standardization.std[0] };
}

/** Runs (or reads from the cache) every configuration and builds the results document. */
export async function tdt4265Results(input: Tdt4265ResultsInput): Promise<ResultsDoc> {
  const { data, plans } = input;
  const configurations = await runReportConfigurations(series002Variants(input.series002), plans, input.seeds, data, input.sweep);
  const check = seed003GradientCheck(data, { images: input.gradcheck.images, inputSize: input.gradcheck.inputSize });
  const px = pixelStatistics(input.allTraining);
  const measurements = tdt4265Measurements({
    pixelMean: px.mean,
    pixelStd: px.std,
    gradcheckMaxAbs: [Math.max(...check.map((r) => r.maxAbsoluteError))],
  });
  const base = { report: "tdt4265-a2", configurations, measurements, coverage: [] };
  const lastEpoch = plans[0]?.settings.epochs ?? 15;
  return {
    ...base,
    coverage: tdt4265CoverageRows(
      base,
      plans.map((p) => p.settings.normalization),
      lastEpoch,
    ),
  };
}
