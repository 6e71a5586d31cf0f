import type { Metric, SplitLabel } from "./records";
import { PANEL_HEIGHT, SPLIT_COLORS, VEGA_LITE_SCHEMA, figureConfig } from "./theme";
import { sizeOption } from "./check-records";

/** Axis titles of the learning-curve quantities. */
export const METRIC_TITLES: Readonly<Record<Metric, string>> = {
  cost: "Cost",
  loss: "Loss",
  accuracy: "Accuracy",
};

/** Axis titles of the learning-curve x fields. */
export const X_TITLES: Readonly<Record<"step" | "epoch", string>> = {
  step: "Update step",
  epoch: "Epoch",
};

/** The color channel for a `split` field: the theme's split colors, legend in `splits` order. */
export function splitColor(splits: readonly SplitLabel[]) {
  return {
    field: "split",
    type: "nominal" as const,
    title: "Data",
    scale: { domain: [...splits], range: splits.map((s) => SPLIT_COLORS[s]) },
  };
}

/** The splits present in `rows`, in the order of `order`. */
export function presentSplits(rows: readonly { split: SplitLabel }[], order: readonly SplitLabel[]): SplitLabel[] {
  const seen = new Set(rows.map((r) => r.split));
  return order.filter((s) => seen.has(s));
}

/** A number as a short label: 4 significant digits, no trailing zeros (0.005623, 1e-7). */
export function shortNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A number in exponent notation as the assignments write it: 4 significant digits (1e-1, 5.623e-3). */
export function expNumber(x: number): string {
  return Number(x.toPrecision(4)).toExponential().replace("e+", "e");
}

/** Distinct values in first-appearance order. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * The top of every single-view chart, in one place: schema, shared theme, optional title, and the
 * width/height options checked against `builder` (defaults: `defaultWidth` × PANEL_HEIGHT).
 */
export function chartFrame(
  builder: string,
  options: { readonly title?: string; readonly width?: number; readonly height?: number },
  defaultWidth: number,
) {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    ...(options.title === undefined ? {} : { title: options.title }),
    width: sizeOption(options.width, defaultWidth, builder, "width"),
    height: sizeOption(options.height, PANEL_HEIGHT, builder, "height"),
  };
}
