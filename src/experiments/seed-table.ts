import type { SplitName } from "../train";
import type { SeedGroup } from "./aggregate";
import { accuracyPercent, bestByValidation, formatPercent } from "./observations";

/** Options of `seedGroupRows`. */
export interface SeedTableOptions {
  /** header of the label column (default "Configuration") */
  readonly labelHeader?: string;
  /** add a column marking the row with the best mean validation accuracy (default false) */
  readonly markBest?: boolean;
  /** splits shown (default training, validation, test) */
  readonly splits?: readonly SplitName[];
}

const SPLIT_HEADERS: Readonly<Record<SplitName, string>> = {
  train: "Training acc.",
  validation: "Validation acc.",
  test: "Test acc.",
};

/** "3 of 3" or "2 of 3 (1 diverged)". */
function runsCell(g: SeedGroup): string {
  const lost = [g.diverged ? `${g.diverged} diverged` : "", g.failed ? `${g.failed} failed` : ""].filter(Boolean).join(", ");
  return `${g.finished} of ${g.results.length}${lost ? ` (${lost})` : ""}`;
}

/**
 * Table rows (for `markdownTable` / `showTable`) of seed groups: the label, the runs that
 * finished, and the final accuracy per split as "mean ± std %" over the finished seeds; with
 * `markBest`, a "Selected" column marks the best mean validation accuracy ("◀ best (validation)").
 * `labels[i]` labels `groups[i]`.
 */
export function seedGroupRows(groups: readonly SeedGroup[], labels: readonly string[], opts: SeedTableOptions = {}): Record<string, string>[] {
  if (labels.length !== groups.length) throw new RangeError(`seedGroupRows: ${labels.length} labels for ${groups.length} groups`);
  const splits = opts.splits ?? (["train", "validation", "test"] as const);
  const best = opts.markBest ? bestByValidation(groups) : -1;
  return groups.map((g, i) => {
    const row: Record<string, string> = { [opts.labelHeader ?? "Configuration"]: labels[i], Runs: runsCell(g) };
    for (const s of splits) {
      const m = accuracyPercent(g, s);
      row[SPLIT_HEADERS[s]] = m ? formatPercent(m) : "—";
    }
    if (opts.markBest) row.Selected = i === best ? "◀ best (validation)" : "";
    return row;
  });
}
