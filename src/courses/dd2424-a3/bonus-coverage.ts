/**
 * The coverage of seed 004 by the `dd2424-a3-bonus` report: one row per result block and reading
 * run (`bonus-plan.ts` ids "<block>@<reading>"), like with like — the published test accuracy
 * against ours on the test set, the search's third-best against our validation accuracy on the
 * search's data — and verdicts for the blocks without a single published run: the grids and
 * ranges (how much of them ran, one run per candidate as in the seed) and the 5-layer claim
 * (Welch's test against the 4-layer networks it extends).
 */
import { type CoverageSpec, type OurQuantity, coverageRow, welchBetween } from "../../report/coverage";
import { type ResultsDoc, quantityValues } from "../../report/results-json";
import { formatPValue } from "../../experiments/t-tests";
import { BONUS_SECTIONS, type BonusSection } from "./bonus-plan";
import { SEED_004_BLOCKS } from "./seeds/004";
import type { SeedBlock } from "./seeds/types";

type Doc = Pick<ResultsDoc, "configurations" | "measurements">;

const pct = (configuration: string, split: "validation" | "test" = "test"): OurQuantity => ({ configuration, split, metric: "accuracy", scale: 100 });

/** The report section of a seed-004 block. */
export function sectionOf(blockId: string): BonusSection {
  const part = blockId.split("/")[1];
  const map: Record<string, BonusSection> = {
    "bn-after": "bnAfter",
    noise: "noise",
    architecture: "architectures",
    search: "search",
    "leaky-relu": "activations",
    elu: "activations",
  };
  if (!map[part]) throw new RangeError(`coverage: no section for seed block "${blockId}"`);
  return map[part];
}

const has = (doc: Doc, id: string): boolean => doc.configurations.some((c) => c.id === id);

/** Why a run block's single published number may differ from ours, by block. */
function whyOf(b: SeedBlock, reading: string): string {
  if (b.grid) return `the published number is the best of the x searched (one run each); reading "${reading}"`;
  if (b.id.startsWith("004/architecture/3-layer/")) {
    return "single published run; the 3-layer search's (η, λ), noise and epochs are not stated (ours: the 4-layer captions')";
  }
  if (b.id === "004/search/third-best") return "the search's data, epochs and split are our reading (data_batch_1, 10 epochs, validation)";
  return `single published run; the seed states (η, λ) and the change, the rest is ours (reading "${reading}")`;
}

/** The rows of one run block: one per reading with a configuration in `doc`. */
function runSpecs(doc: Doc, b: SeedBlock, block: CoverageSpec["block"]): CoverageSpec[] {
  const ourSection = BONUS_SECTIONS[sectionOf(b.id)];
  const readings = (b.readings ?? []).map((r) => r.id).filter((r) => has(doc, `${b.id}@${r}`));
  if (readings.length === 0) return [{ block, ourSection, notRun: "no configuration of this block in the results" }];
  const third = b.id === "004/search/third-best";
  return readings.map((r) => ({
    block: { ...block, title: `${block.title} [${r}]` },
    ourSection,
    published: b.published[0],
    ours: pct(`${b.id}@${r}`, third ? "validation" : "test"),
    why: whyOf(b, r),
  }));
}

/** The candidates of a search block in `doc` (one run each). */
const candidates = (doc: Doc, blockId: string) => doc.configurations.filter((c) => c.id.startsWith(`${blockId}/`));

/** A grid or range block: how much of it ran, and OUR retrained winner (or the best candidate). */
function searchSpec(doc: Doc, b: SeedBlock, block: CoverageSpec["block"]): CoverageSpec {
  const ourSection = BONUS_SECTIONS[sectionOf(b.id)];
  const found = candidates(doc, b.id);
  if (found.length === 0) return { block, ourSection, notRun: "no candidate of this search in the results" };
  const scored = found.map((c) => ({ c, v: quantityValues(doc, pct(c.id, "validation")) })).filter((x) => x.v.length > 0);
  const best = scored.sort((x, y) => y.v[0] - x.v[0])[0];
  const retrained = `ours/best/${b.id.split("/").slice(2).join("/")}`;
  const ours = has(doc, retrained) ? pct(retrained) : best ? pct(best.c.id, "validation") : undefined;
  const what = `${found.length} candidates, one run each (as the seed); best by validation: ${best ? best.c.label.replace(", one run", "") : "none finished"}`;
  if (b.id === "004/architecture/4-layer-grid") {
    const sample = what.replace(" candidates", " of the 11 × 14 × 15 = 2,310 grid points");
    return { block, ourSection, ours, verdict: `differs: a seeded sample of ${sample} (the whole grid ≈ 16 h on one core; the seed prints no result of it)` };
  }
  const draws = b.id.includes("/range-") ? " (the draw count and η log-uniform are ours)" : "";
  return { block, ourSection, ours, verdict: `reproduced: ${what}${draws}` };
}

/** The 5-layer claim: each OUR 5-layer net against the 4-layer net it extends (Welch, test accuracy). */
function fiveLayerSpec(doc: Doc, block: CoverageSpec["block"]): CoverageSpec {
  const ourSection = BONUS_SECTIONS.architectures;
  const fives = doc.configurations.filter((c) => c.id.startsWith("ours/5-layer/"));
  const pairs = fives
    .map((c) => {
      const four = `004/architecture/4-layer/${c.id.split("/")[2].split("-").slice(0, 3).join("-")}@seed`;
      const [a, b] = [quantityValues(doc, pct(c.id)), has(doc, four) ? quantityValues(doc, pct(four)) : []];
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const ok = a.length > 0 && b.length > 0;
      return { lower: ok && mean(a) < mean(b), p: formatPValue(welchBetween(doc, pct(c.id), pct(four))), ok };
    })
    .filter((p) => p.ok);
  if (pairs.length === 0) return { block, ourSection, notRun: "the seed gives no widths; our 5-layer extensions did not run" };
  const lower = pairs.filter((p) => p.lower).length;
  const tests = `Welch ${pairs.map((p) => p.p).join(", ")}`;
  const claim =
    `our 5-layer nets (a 4th hidden layer on the named 4-layer nets; widths ours) below the 4-layer ones` + ` in ${lower} of ${pairs.length} pairs (${tests})`;
  return { block, ourSection, ours: pct(fives[0].id), verdict: lower * 2 > pairs.length ? `reproduced: ${claim}` : `differs: ${claim}` };
}

/** The coverage rows of seed 004, in the seed's order, computed from `doc`. */
export function bonusCoverageRows(doc: Doc): ResultsDoc["coverage"] {
  const specs = SEED_004_BLOCKS.flatMap((b): CoverageSpec[] => {
    const block = { id: b.id, seed: b.seed, section: b.section, title: b.title };
    if (b.kind === "claim") return [fiveLayerSpec(doc, block)];
    if (b.kind === "searchGrid") return [searchSpec(doc, b, block)];
    return runSpecs(doc, b, block);
  });
  return specs.map((s) => coverageRow(s, doc));
}
