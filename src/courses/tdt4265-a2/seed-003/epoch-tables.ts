/**
 * Seed 003's Tables 0.1 and 0.2 give (train, validation, test) accuracy at epochs 1, 5, 10 and 15.
 * The engine measures the test set once, at the end of a run; so each table epoch e < epochs is a
 * run of its own, stopped after e epochs. With a constant η and no early stopping such a run is
 * the first e epochs of the full run, step for step (same seed, same shuffles, same updates;
 * evaluations do not change training), so its final metrics are the full run's at epoch e. Its
 * curve is not needed: it evaluates once per epoch.
 */
import type { SeedGroup } from "../../../experiments/aggregate";
import { formatMeanStd } from "../../../experiments/aggregate";
import type { ExperimentConfig } from "../../../experiments/config";
import type { Variant } from "../presets";
import { SEED_003_TABLE_EPOCHS } from "../seeds/003";
import type { SeedBlock } from "../seeds/types";

/** The table epochs a run of `epochs` epochs can give: the seed's 1, 5, 10, 15 up to `epochs`, and `epochs` itself. */
export function tableEpochs(epochs: number): number[] {
  const out = SEED_003_TABLE_EPOCHS.filter((e) => e <= epochs);
  return out[out.length - 1] === epochs ? out : [...out, epochs];
}

/** The run whose final metrics are `config`'s at epoch `e` (`config` itself when e is its length). */
export function truncatedAt(config: ExperimentConfig, e: number): ExperimentConfig {
  if (config.schedule.kind !== "constant" || config.earlyStopping) {
    throw new RangeError("truncatedAt: only a constant-η run without early stopping is a prefix of the longer run");
  }
  if (e === config.epochs) return config;
  return { ...config, epochs: e, evaluation: { ...config.evaluation, times: 1 } };
}

/** One variant's runs per table epoch, in `tableEpochs` order (the last is the variant's own config). */
export interface EpochRuns {
  readonly variant: Variant;
  readonly epochs: readonly number[];
  readonly configs: readonly ExperimentConfig[];
}

/** The runs behind the per-epoch table of `variants`. */
export function epochRuns(variants: readonly Variant[]): EpochRuns[] {
  return variants.map((variant) => {
    const epochs = tableEpochs(variant.config.epochs ?? NaN);
    return { variant, epochs, configs: epochs.map((e) => truncatedAt(variant.config, e)) };
  });
}

/** Every config of `runs`, flattened in order (for one `runSeedGroups` call). */
export function epochRunConfigs(runs: readonly EpochRuns[]): ExperimentConfig[] {
  return runs.flatMap((r) => r.configs);
}

const pct = (g: SeedGroup, split: "train" | "validation" | "test"): string => (g.final ? formatMeanStd(g.final[split].accuracy, 1, 100) : "—");

/**
 * Rows of the per-epoch table (for `markdownTable`): one per variant and epoch, with our train,
 * validation and test accuracy (%, mean ± std over the finished seeds, n) and the seed's triple at
 * that epoch. `groups` are in `epochRunConfigs` order; `blocks` maps a variant id to its seed block.
 */
export function epochTableRows(runs: readonly EpochRuns[], groups: readonly SeedGroup[], blocks: ReadonlyMap<string, SeedBlock>): Record<string, string>[] {
  const total = epochRunConfigs(runs).length;
  if (groups.length !== total) throw new RangeError(`epochTableRows: ${groups.length} groups for ${total} runs`);
  let k = 0;
  return runs.flatMap((r) =>
    r.epochs.map((e) => {
      const g = groups[k++];
      const block = blocks.get(r.variant.id);
      const published = block?.published.filter((p) => p.epoch === e) ?? [];
      return {
        Configuration: r.variant.label,
        Epoch: String(e),
        "Train acc. (%)": pct(g, "train"),
        "Validation acc. (%)": pct(g, "validation"),
        "Test acc. (%)": pct(g, "test"),
        n: `${g.finished} of ${g.results.length}`,
        "Published (train, val, test)": published.length === 3 ? `(${published.map((p) => p.text).join(", ")})` : "—",
      };
    }),
  );
}
