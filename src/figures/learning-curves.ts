import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/build/src/channeldef";
import type { LayerSpec } from "vega-lite/build/src/spec";
import {
  curveX, finiteField, listOption, measuredField, requireRows, sizeOption, splitField, splitsOption,
  type RecordContext,
} from "./check-records";
import type { CurveRow, CurveX, FigureSplit, Metric, SplitLabel } from "./records";
import { METRIC_TITLES, X_TITLES, splitColor } from "./spec-parts";
import { PANEL_HEIGHT, PANEL_WIDTH, VEGA_LITE_SCHEMA, figureConfig } from "./theme";
import { hoverPoints, numberTip, textTip, VALUE_FORMAT } from "./tooltips";

export interface LearningCurveOptions {
  /** panels, left to right (default cost, loss, accuracy; TDT4265 uses loss and accuracy) */
  readonly metrics?: readonly Metric[];
  /** x field (default "step", the update step) */
  readonly x?: CurveX;
  /** splits drawn, in legend order (default training and validation) */
  readonly splits?: readonly FigureSplit[];
  readonly title?: string;
  /** size of one panel in pixels (default from the theme) */
  readonly width?: number;
  readonly height?: number;
}

const ALL_METRICS: readonly Metric[] = ["cost", "loss", "accuracy"];

/** The history rows of `splits` as fresh plot records {x, split, metric…}; non-finite → null. */
function curveRecords(
  history: readonly CurveRow[], x: CurveX, splits: readonly SplitLabel[], metrics: readonly Metric[], ctx: RecordContext,
): Record<string, number | string | null>[] {
  const out: Record<string, number | string | null>[] = [];
  requireRows(history, ctx).forEach((row, i) => {
    const split = splitField(row, i, ctx);
    if (!splits.includes(split)) return;
    const rec: Record<string, number | string | null> = { [x]: finiteField(row, i, x, ctx), split };
    for (const m of metrics) rec[m] = measuredField(row, i, m, ctx);
    out.push(rec);
  });
  if (out.length === 0) throw new Error(`${ctx.builder}: ${ctx.name} has no rows for splits ${splits.join(", ")}`);
  return out;
}

function curvePanel(metric: Metric, x: CurveX, splits: readonly SplitLabel[], width: number, height: number): LayerSpec<Field> {
  const xDef = { field: x, type: "quantitative", title: X_TITLES[x] } as const;
  const yDef = { field: metric, type: "quantitative", title: METRIC_TITLES[metric], scale: { zero: false } } as const;
  const tooltip = [numberTip(x, X_TITLES[x]), textTip("split", "Data"), numberTip(metric, METRIC_TITLES[metric], VALUE_FORMAT)];
  return {
    width,
    height,
    layer: [
      { mark: { type: "line", invalid: "break-paths-filter-domains" }, encoding: { x: xDef, y: yDef, color: splitColor(splits) } },
      hoverPoints(xDef, yDef, tooltip),
    ],
  };
}

/**
 * Learning curves as in the DD2424 reports: one panel per metric (cost, loss, accuracy) side by
 * side, over the update step (or epoch), one colored line per split; hovering a record shows
 * its x, split and value.
 * history: CurveRow[] (src/train's HistoryRow[]) in any order; rows of other splits are ignored.
 */
export function learningCurves(history: readonly CurveRow[], options: LearningCurveOptions = {}): TopLevelSpec {
  const builder = "learningCurves";
  const metrics = listOption(options.metrics, ALL_METRICS, ALL_METRICS, builder, "metrics");
  const splits = splitsOption(options.splits, ["training", "validation"], builder, "splits");
  const x = curveX(options.x, builder);
  const width = sizeOption(options.width, PANEL_WIDTH, builder, "width");
  const height = sizeOption(options.height, PANEL_HEIGHT, builder, "height");
  const values = curveRecords(history, x, splits, metrics, { builder, name: "history" });
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    ...(options.title === undefined ? {} : { title: options.title }),
    data: { values },
    hconcat: metrics.map((m) => curvePanel(m, x, splits, width, height)),
    resolve: { scale: { color: "shared" } },
  };
}
