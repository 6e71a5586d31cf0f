/**
 * Notebook tables of a DD2424 section: each run beside its seed block's published numbers —
 * our final train / validation / test accuracy (mean ± std over the finished seeds, n) and the
 * seed's, with the two-sided prediction t-test of the published headline number against our
 * seeds (`singleRunTest`: is that one run a plausible draw from ours?).
 */
import { meanStd } from "../../experiments/aggregate";
import { formatPValue, singleRunTest } from "../../experiments/t-tests";
import type { BlockResults, BlockRun } from "./block-runs";
import { headlineValue } from "./coverage";
import { seedAccuracies } from "../../experiments/observations";
import type { SeedBlock } from "./seeds/types";

type Split = "train" | "validation" | "test";
const SPLITS: readonly [Split, string][] = [
  ["train", "train"],
  ["validation", "val."],
  ["test", "test"],
];

const cell = (v: number[]): string => {
  if (v.length === 0) return "—";
  const m = meanStd(v);
  return `${m.mean.toFixed(2)} ± ${m.std.toFixed(2)} (${m.n})`;
};

/** The published accuracy of `block` on `split`, as printed ("—" if none). */
function publishedText(block: SeedBlock | undefined, split: Split): string {
  const p = block?.published.find((v) => v.quantity === "accuracy" && v.split === split && !v.fraction);
  return p ? p.text : "—";
}

/** One row per run: label, runs finished, ours and published per split, the headline test. */
export function blockTable(blocks: readonly SeedBlock[], runs: readonly BlockRun[], results: BlockResults): Record<string, string>[] {
  return runs.map((r) => {
    const g = results.get(r.id);
    if (!g) throw new RangeError(`blockTable: no results for "${r.id}"`);
    const block = blocks.find((b) => b.id === r.blockId);
    const row: Record<string, string> = { Run: r.label, Finished: `${g.finished} of ${g.results.length}` };
    for (const [split, name] of SPLITS) {
      row[`Ours ${name} %`] = cell(seedAccuracies(g, split));
      row[`Seed ${name}`] = r.ours ? "(ours)" : publishedText(block, split);
    }
    const head = block && !r.ours ? headlineValue(block) : undefined;
    row["p (seed vs ours)"] = head ? formatPValue(singleRunTest(seedAccuracies(g, head.split!), head.value)) : "—";
    return row;
  });
}

/** One row per seed of a run: its final test accuracy and whether it escaped chance (more than `margin` points above 100/K). */
export function perSeedRows(run: BlockRun, results: BlockResults, K = 10, margin = 1): Record<string, string>[] {
  const g = results.get(run.id);
  if (!g) throw new RangeError(`perSeedRows: no results for "${run.id}"`);
  return g.results.map((r) => {
    const acc = r.final ? 100 * r.final.test.accuracy : NaN;
    return {
      Seed: String(r.config.seed),
      Status: r.status,
      "Test acc. %": Number.isNaN(acc) ? "—" : acc.toFixed(2),
      "Escaped chance": Number.isNaN(acc) ? "—" : acc > 100 / K + margin ? "yes" : "no",
    };
  });
}

/** How many of a run's seeds escaped chance (test accuracy more than `margin` points above 100/K), of how many. */
export function escapedChance(run: BlockRun, results: BlockResults, K = 10, margin = 1): { escaped: number; of: number } {
  const v = seedAccuracies(results.get(run.id)!, "test");
  return { escaped: v.filter((a) => a > 100 / K + margin).length, of: results.get(run.id)!.results.length };
}

/** A run's seed group with a label, for `welchSentence`; throws naming a missing id. */
export function labelled(results: BlockResults, id: string, label: string): { label: string; group: import("../../experiments/aggregate").SeedGroup } {
  const group = results.get(id);
  if (!group) throw new RangeError(`no results for "${id}"`);
  return { label, group };
}

/** A grid's validation and test accuracy per λ (fractions, mean ± std over the seeds) for `lambdaSearch`. */
export function lambdaRows(runs: readonly BlockRun[], results: BlockResults): import("../../figures/records").LambdaRow[] {
  return runs.flatMap((r) => {
    const f = results.get(r.id)?.final;
    if (!f) return [];
    return (["validation", "test"] as const).map((split) => ({ lambda: r.config.lambda, split, accuracy: f[split].accuracy.mean, std: f[split].accuracy.std }));
  });
}

/** (σ, BN) cells of the N(0, σ²) runs (test accuracy, fractions) for `initSensitivity`; runs without a normal init are skipped. */
export function initRows(runs: readonly BlockRun[], results: BlockResults): import("../../figures/records").InitSensitivityRow[] {
  return runs.flatMap((r) => {
    const f = results.get(r.id)?.final;
    const init = r.config.init;
    if (!f || init.kind !== "normal") return [];
    return [{ sigma: init.sigma, batchNorm: r.config.batchNorm !== "off", accuracy: f.test.accuracy.mean, std: f.test.accuracy.std }];
  });
}
