import type { TopLevelSpec } from "vega-lite";
import {
  curveX, finiteField, labelField, listOption, measuredField, requireRows, splitField, splitOption,
} from "./check-records";
import type { CurveRun, CurveX, FigureSplit, Metric, SplitLabel } from "./records";
import { chartFrame, METRIC_TITLES, X_TITLES } from "./spec-parts";
import { PANEL_WIDTH } from "./theme";
import { hoverPoints, numberTip, textTip, VALUE_FORMAT } from "./tooltips";

export interface CompareCurvesOptions {
  /** x field (default "step") */
  readonly x?: CurveX;
  readonly title?: string;
  /** chart size in pixels (default 1.5 × the theme's panel width, 1 × its height) */
  readonly width?: number;
  readonly height?: number;
}

type CompareRecord = Record<string, number | string | null>;

/** One run's rows of `split` as {run, x, metric}; a run with none is an error. */
function runRecords(run: CurveRun, r: number, metric: Metric, split: SplitLabel, x: CurveX): CompareRecord[] {
  const builder = "compareCurves";
  const label = labelField(run, r, "label", { builder, name: "runs" });
  const ctx = { builder, name: `runs[${r}].history` };
  const out: CompareRecord[] = [];
  requireRows(run.history, ctx).forEach((row, i) => {
    if (splitField(row, i, ctx) !== split) return;
    out.push({ run: label, [x]: finiteField(row, i, x, ctx), [metric]: measuredField(row, i, metric, ctx) });
  });
  if (out.length === 0) throw new Error(`${builder}: runs[${r}] ("${label}") has no ${split} rows`);
  return out;
}

/**
 * Several runs' curves of one metric on one split in one chart, one color per run, legend in the
 * order of `runs` (the TDT4265 "tricks of the trade" comparison); hovering a record shows its run,
 * x and value.
 * runs: {label, history: CurveRow[]}[] with distinct labels; split "train" and "training" are the same.
 */
export function compareCurves(
  runs: readonly CurveRun[], metric: Metric, split: FigureSplit, options: CompareCurvesOptions = {},
): TopLevelSpec {
  const builder = "compareCurves";
  const [m] = listOption([metric], ["cost", "loss", "accuracy"], [], builder, "metric");
  const s = splitOption(split, builder, "split");
  const x = curveX(options.x, builder);
  requireRows(runs, { builder, name: "runs" });
  const values = runs.flatMap((run, r) => runRecords(run, r, m, s, x));
  const labels = runs.map((run) => run.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) throw new Error(`${builder}: run label "${dup}" appears twice; labels must be distinct`);
  const xDef = { field: x, type: "quantitative", title: X_TITLES[x] } as const;
  const yDef = { field: m, type: "quantitative", title: `${METRIC_TITLES[m]} (${s})`, scale: { zero: false } } as const;
  return {
    ...chartFrame(builder, options, Math.round(1.5 * PANEL_WIDTH)),
    data: { values },
    layer: [
      { mark: { type: "line", invalid: "break-paths-filter-domains" }, encoding: { x: xDef, y: yDef, color: { field: "run", type: "nominal", title: "Variant", scale: { domain: labels } } } },
      hoverPoints(xDef, yDef, [textTip("run", "Variant"), numberTip(x, X_TITLES[x]), numberTip(m, yDef.title, VALUE_FORMAT)]),
    ],
  };
}
