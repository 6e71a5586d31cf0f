import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/build/src/channeldef";
import type { UnitSpec } from "vega-lite/build/src/spec";
import { finiteField, labelField, requireRows, sizeOption, stdField } from "./check-records";
import type { ArchitectureRow } from "./records";
import { CATEGORY_COLORS, PANEL_WIDTH, VEGA_LITE_SCHEMA, figureConfig } from "./theme";
import { numberTip, STD_TIP, stdLabel, textTip, VALUE_FORMAT } from "./tooltips";

export interface ArchitectureSummaryOptions {
  /** the accuracy axis title (default "Test accuracy") */
  readonly axisTitle?: string;
  readonly title?: string;
  /** chart width in pixels; the height grows with the number of rows (22 px each) */
  readonly width?: number;
}

interface ArchitectureRecord {
  label: string;
  accuracy: number;
  low: number | null;
  high: number | null;
  spread: string;
}

function architectureRecords(rows: readonly ArchitectureRow[]): ArchitectureRecord[] {
  const ctx = { builder: "architectureSummary", name: "rows" };
  const values = requireRows(rows, ctx).map((row, i) => {
    const accuracy = finiteField(row, i, "accuracy", ctx);
    const std = stdField(row, i, ctx);
    return {
      label: labelField(row, i, "label", ctx),
      accuracy,
      low: std === null ? null : accuracy - std,
      high: std === null ? null : accuracy + std,
      spread: stdLabel(std),
    };
  });
  const labels = values.map((v) => v.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) throw new Error(`architectureSummary: label "${dup}" appears twice; labels must be distinct`);
  return values;
}

/**
 * Accuracy per architecture (or any named variant) as horizontal bars from zero, in the order of
 * `rows`, with ±std error bars where rows have `std`. Hovering a bar shows the variant, accuracy
 * and ± std.
 * rows: ArchitectureRow[] ({label, accuracy, std?}) with distinct labels.
 */
export function architectureSummary(rows: readonly ArchitectureRow[], options: ArchitectureSummaryOptions = {}): TopLevelSpec {
  const builder = "architectureSummary";
  const values = architectureRecords(rows);
  const y = {
    field: "label", type: "nominal", title: null, sort: values.map((v) => v.label), axis: { labelLimit: 320 },
  } as const;
  const layer: UnitSpec<Field>[] = [
    {
      mark: { type: "bar", color: CATEGORY_COLORS[0] },
      encoding: {
        y,
        x: { field: "accuracy", type: "quantitative", title: options.axisTitle ?? "Test accuracy" },
        tooltip: [textTip("label", "Variant"), numberTip("accuracy", options.axisTitle ?? "Test accuracy", VALUE_FORMAT), STD_TIP],
      },
    },
  ];
  if (values.some((v) => v.low !== null)) {
    layer.push({
      transform: [{ filter: "datum.low != null" }],
      mark: { type: "rule", color: "black" },
      encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    ...(options.title === undefined ? {} : { title: options.title }),
    width: sizeOption(options.width, PANEL_WIDTH, builder, "width"),
    height: { step: 22 },
    data: { values },
    layer,
  };
}
