/**
 * Coverage of DD2424 seed blocks (any of 000, 001, 004) by a report's runs: one row per block (per
 * reading of the seed where a block has several), like with like — a run block's published test
 * accuracy (else validation, else training) against the same split of the run of that block and
 * reading; a gradient check against our measured errors; a search grid against our runs of its
 * values. Rows go through `report/coverage.ts` (single-run prediction t-test, status text).
 */
import { type CoverageSpec, type OurQuantity, coverageRow } from "../../report/coverage";
import { type ResultsDoc, quantityValues } from "../../report/results-json";
import type { BlockRun } from "./block-runs";
import type { PublishedValue, SeedBlock } from "./seeds/types";

/** A report section (a Markdown link target from reports/). */
export interface SectionLink {
  readonly title: string;
  readonly href: string;
}

/** What the coverage needs besides the document: the blocks, the runs and where each is shown. */
export interface CoverageInput {
  readonly blocks: readonly SeedBlock[];
  readonly runs: readonly BlockRun[];
  /** the section of a run (by run id) or of a measurement (by block id) */
  readonly sectionOf: (id: string) => SectionLink | undefined;
  /** why our number may differ from a block's, by block id (one line) */
  readonly why?: Readonly<Record<string, string>>;
  /** blocks deliberately not run, by block id: the reason */
  readonly notRun?: Readonly<Record<string, string>>;
  /** blocks whose rows the course builds itself (e.g. an overfitting check judged from its curves), by block id */
  readonly custom?: Readonly<Record<string, (doc: Doc) => CoverageSpec[]>>;
}

export type Doc = Pick<ResultsDoc, "configurations" | "measurements">;
const SPLIT_ORDER = ["test", "validation", "train"] as const;
const DEFAULT_WHY = "the published number is a single run outside the spread of our seeds";

/** The block's headline number: the test accuracy if printed, else validation, else training; undefined if none. */
export function headlineValue(block: SeedBlock): PublishedValue | undefined {
  for (const split of SPLIT_ORDER) {
    const p = block.published.find((v) => v.quantity === "accuracy" && v.split === split && !v.fraction);
    if (p) return p;
  }
  return undefined;
}

/** The block as a coverage row names it. */
export const covered = (b: SeedBlock) => ({ id: b.id, seed: b.seed, section: b.section, title: b.title });

/** A run block's rows: one per reading of the seed that this report runs (controls of ours excluded). */
function runRows(b: SeedBlock, input: CoverageInput): CoverageSpec[] {
  const runs = input.runs.filter((r) => r.blockId === b.id && !r.ours);
  const p = headlineValue(b);
  if (runs.length === 0) return [{ block: covered(b), notRun: input.notRun?.[b.id] ?? "no run of this block in the report" }];
  return runs.map((r) => {
    const block = runs.length > 1 || r.reading !== "seed" ? { ...covered(b), title: `${b.title} [reading ${r.reading}]` } : covered(b);
    const ours: OurQuantity = { configuration: r.id, split: p?.split ?? "test", metric: "accuracy", scale: 100 };
    const published = p ? { text: p.text, value: p.value } : undefined;
    return { block, ourSection: input.sectionOf(r.id), ours, published, why: input.why?.[b.id] ?? DEFAULT_WHY };
  });
}

/** The largest printed relative error of a gradient-check block, if any. */
function publishedMaxError(b: SeedBlock): PublishedValue | undefined {
  const errs = b.published.filter((v) => v.quantity.startsWith("relativeError"));
  return errs.length ? errs.reduce((m, v) => (v.value > m.value ? v : m)) : undefined;
}

/**
 * A gradient check: our largest relative error (measurement "<block id>") below `bound`; where the
 * seed checks with numpy's allclose (absolute tolerance), our largest absolute error ("<id>/abs").
 */
function gradientRow(b: SeedBlock, doc: Doc, input: CoverageInput, bound = 1e-6): CoverageSpec {
  const g = b.gradientCheck!;
  const abs = g.toleranceKind !== "relative";
  const id = abs ? `${b.id}/abs` : b.id;
  if (!doc.measurements?.some((m) => m.id === id))
    return { block: covered(b), notRun: input.notRun?.[b.id] ?? "no gradient check of this network in the report" };
  const ours: OurQuantity = { measurement: id, digits: 12 };
  const limit = abs ? (g.tolerance ?? 1e-7) : bound;
  const worst = Math.max(...quantityValues(doc, ours));
  const p = publishedMaxError(b);
  const what = abs ? `max |analytic − numerical| ≤ ${limit.toExponential()} (the seed's allclose atol)` : `max relative error < ${limit.toExponential()}`;
  const seedFails = p !== undefined && p.value >= limit;
  const known = input.why?.[b.id];
  const verdict =
    worst >= limit
      ? `differs: ours ${worst.toExponential(1)}, not ${what}`
      : known !== undefined
        ? `differs: ours pass (${what}); ${known}`
        : seedFails
          ? `differs: ours pass (${what}); the seed's own check prints ${p!.text}`
          : `reproduced: ${what}`;
  return { block: covered(b), ourSection: input.sectionOf(b.id), ours, published: p ? { text: p.text, value: p.value } : undefined, verdict };
}

/** A search grid: every value run; where the seed names its best λ, ours picked by validation accuracy. */
function gridRow(b: SeedBlock, doc: Doc, input: CoverageInput): CoverageSpec {
  const runs = input.runs.filter((r) => r.blockId === b.id);
  if (runs.length === 0) return { block: covered(b), notRun: input.notRun?.[b.id] ?? "grid not run in this report" };
  const val = (id: string): number[] => quantityValues(doc, { configuration: id, split: "validation", metric: "accuracy" });
  const mean = (v: number[]): number => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : -Infinity);
  const best = runs.reduce((a, r) => (mean(val(r.id)) > mean(val(a.id)) ? r : a));
  const ours: OurQuantity = { configuration: best.id, split: "validation", metric: "accuracy", scale: 100 };
  const chosen = b.published.find((v) => v.quantity === "lambda");
  const base = { block: covered(b), ourSection: input.sectionOf(best.id), ours };
  const ourLambda = best.config.lambda;
  if (!chosen) return { ...base, verdict: `reproduced: the seed's ${runs.length} values run; our best (validation) λ = ${ourLambda}` };
  return {
    ...base,
    published: { text: `λ = ${chosen.text}`, value: chosen.value },
    verdict:
      Math.abs(ourLambda - chosen.value) < 1e-9
        ? `reproduced: our best λ (validation) is ${chosen.text} too`
        : `differs: our best λ (validation) is ${ourLambda}; the seed picked ${chosen.text} on test accuracy`,
  };
}

/** The coverage rows of `input.blocks`, in block order, computed from `doc`. */
export function blockCoverageRows(doc: Doc, input: CoverageInput): ResultsDoc["coverage"] {
  const specs = input.blocks.flatMap((b): CoverageSpec[] => {
    if (input.notRun?.[b.id] !== undefined) return [{ block: covered(b), notRun: input.notRun[b.id] }];
    const custom = input.custom?.[b.id];
    if (custom) return custom(doc);
    if (b.kind === "run") return runRows(b, input);
    if (b.kind === "gradientCheck") return [gradientRow(b, doc, input)];
    if (b.kind === "searchGrid") return [gridRow(b, doc, input)];
    return [{ block: covered(b), notRun: "a claim without a number or setting of its own" }];
  });
  return specs.map((s) => coverageRow(s, doc));
}
