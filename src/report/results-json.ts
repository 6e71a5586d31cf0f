/**
 * `reports/<report>.results.json`: every configuration a report ran, with each seed's final
 * train/validation/test accuracy, loss and cost, and the report's coverage rows (`coverage.ts`).
 * Course-neutral: a configuration is an id, a label, the report section that shows it and its
 * config without the seed. The coverage table is generated from this document alone, so every
 * number it prints can be traced to the JSON. A non-finite cost or loss (a finished run whose
 * test set holds an image of probability 0 for its class) is written as `null`, as JSON has no ∞.
 */
import type { SeedGroup } from "../experiments/aggregate";
import type { Metrics } from "../train";
import { writeFileAtomicSync } from "../util/atomic-write";
import type { CoverageRow } from "./coverage";

/** One seed's run of a configuration: how it ended and its final metrics (absent if it did not finish). */
export interface RunMetrics {
  readonly seed: number;
  readonly status: string;
  readonly steps: number;
  readonly train?: Metrics;
  readonly validation?: Metrics;
  readonly test?: Metrics;
}

/** One configuration over its seeds. */
export interface ConfigurationResults {
  /** unique within the report, e.g. "003-sum/N@5" */
  readonly id: string;
  readonly label: string;
  /** the report section (notebook) that shows it */
  readonly section: string;
  readonly config: object;
  readonly runs: readonly RunMetrics[];
}

/** A number measured without training (a parameter count, a gradient check, a data statistic). */
export interface Measurement {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly values: readonly number[];
}

/** The whole document. */
export interface ResultsDoc {
  readonly report: string;
  readonly configurations: readonly ConfigurationResults[];
  readonly measurements?: readonly Measurement[];
  readonly coverage: readonly CoverageRow[];
}

/** What a coverage row may read: a split's final metric (or the update steps) of a configuration, or a measurement. */
export type Quantity =
  | { readonly configuration: string; readonly split: "train" | "validation" | "test"; readonly metric: keyof Metrics | "steps" }
  | { readonly measurement: string };

const FINISHED = new Set(["completed", "stoppedEarly"]);

/** A configuration's entry from its seed group (finished runs carry their final metrics). */
export function configurationResults(id: string, label: string, section: string, group: SeedGroup): ConfigurationResults {
  return {
    id,
    label,
    section,
    config: group.config,
    runs: group.results.map((r) => {
      const base = { seed: r.config.seed, status: r.status, steps: r.steps };
      return FINISHED.has(r.status) && r.final ? { ...base, train: r.final.train, validation: r.final.validation, test: r.final.test } : base;
    }),
  };
}

/**
 * The per-seed values of a quantity × `scale`: a configuration's final `metric` on `split` (or its
 * update steps) over its finished runs, or a measurement's values.
 */
export function quantityValues(doc: Pick<ResultsDoc, "configurations" | "measurements">, q: Quantity, scale = 1): number[] {
  if ("measurement" in q) {
    const m = doc.measurements?.find((x) => x.id === q.measurement);
    if (!m) throw new RangeError(`results: no measurement "${q.measurement}"`);
    return m.values.map((v) => v * scale);
  }
  const c = doc.configurations.find((x) => x.id === q.configuration);
  if (!c) throw new RangeError(`results: no configuration "${q.configuration}"`);
  const { split, metric } = q;
  return c.runs.flatMap((r) => (!r[split] ? [] : [(metric === "steps" ? r.steps : r[split]![metric]) * scale]));
}

/** `quantityValues` of configuration `id`'s final `metric` on `split`. */
export function seedValues(
  doc: Pick<ResultsDoc, "configurations">,
  id: string,
  split: "train" | "validation" | "test",
  metric: keyof Metrics,
  scale = 1,
): number[] {
  return quantityValues(doc, { configuration: id, split, metric }, scale);
}

/** Throws naming the id when two configurations (or two measurements) share one. */
export function checkResultsDoc(doc: ResultsDoc): void {
  for (const [what, list] of [
    ["configuration", doc.configurations],
    ["measurement", doc.measurements ?? []],
  ] as const) {
    const seen = new Set<string>();
    for (const c of list) {
      if (seen.has(c.id)) throw new RangeError(`results: ${what} id "${c.id}" appears twice`);
      seen.add(c.id);
    }
  }
}

/** Writes the document as indented JSON (atomically), after `checkResultsDoc`. */
export function writeResultsJson(file: string, doc: ResultsDoc): void {
  checkResultsDoc(doc);
  writeFileAtomicSync(file, `${JSON.stringify(doc, null, 1)}\n`);
}
