import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/build/src/channeldef";
import type { LayerSpec, UnitSpec } from "vega-lite/build/src/spec";
import { labelField, requireRows } from "./check-records";
import type { GradientErrorRow } from "./records";
import { chartFrame, distinct, expNumber } from "./spec-parts";
import { PANEL_WIDTH } from "./theme";
import { numberTip, textTip } from "./tooltips";

export interface GradientErrorsOptions {
  /** draws a dashed line at this relative error, labeled with its value (e.g. 1e-6) */
  readonly threshold?: number;
  /** errors below this (e.g. exactly 0) are drawn at it, since a log axis has no 0 (default 1e-16) */
  readonly floor?: number;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

interface ErrorRecord {
  layer: string;
  param: string;
  maxRelativeError: number;
  plotted: number;
}

function positiveOption(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`gradientErrors: option ${name} must be a positive number, got ${value}`);
  return value;
}

function errorRecords(rows: readonly GradientErrorRow[], floor: number): ErrorRecord[] {
  const ctx = { builder: "gradientErrors", name: "rows" };
  return requireRows(rows, ctx).map((row, i) => {
    const layer: unknown = row.layer;
    if (!(typeof layer === "string" && layer.length > 0) && !(typeof layer === "number" && Number.isFinite(layer))) {
      throw new Error(`gradientErrors: rows[${i}].layer must be a number or a non-empty string, got ${String(layer)}`);
    }
    const e: unknown = row.maxRelativeError;
    if (typeof e !== "number" || !Number.isFinite(e) || e < 0) {
      throw new Error(`gradientErrors: rows[${i}].maxRelativeError must be a finite number ≥ 0, got ${String(e)}`);
    }
    return { layer: String(layer), param: labelField(row, i, "param", ctx), maxRelativeError: e, plotted: Math.max(e, floor) };
  });
}

function thresholdLayer(threshold: number): LayerSpec<Field> {
  return {
    data: { values: [{ plotted: threshold, label: `threshold ${expNumber(threshold)}` }] },
    encoding: { y: { field: "plotted", type: "quantitative", scale: { type: "log" } } },
    layer: [
      { mark: { type: "rule", strokeDash: [4, 4], color: "#555555" } },
      { mark: { type: "text", align: "right", dy: -6, x: "width", fontSize: 10, color: "#555555" }, encoding: { text: { field: "label" } } },
    ],
  };
}

/**
 * Gradient-check summary: the maximum relative error of every parameter tensor (W, b, gamma,
 * beta …) per layer on a log axis, one color and shape per parameter, side by side within a layer,
 * with an optional dashed threshold line.
 * rows: GradientErrorRow[] ({layer, param, maxRelativeError ≥ 0}).
 */
export function gradientErrors(rows: readonly GradientErrorRow[], options: GradientErrorsOptions = {}): TopLevelSpec {
  const builder = "gradientErrors";
  const floor = positiveOption(options.floor ?? 1e-16, "floor");
  const values = errorRecords(rows, floor);
  const params = distinct(values.map((v) => v.param));
  const point: UnitSpec<Field> = {
    mark: { type: "point", filled: true, size: 60 },
    encoding: {
      x: { field: "layer", type: "nominal", title: "Layer", sort: distinct(values.map((v) => v.layer)), axis: { labelAngle: 0 } },
      xOffset: { field: "param", type: "nominal", sort: params },
      y: { field: "plotted", type: "quantitative", title: "Max relative error", scale: { type: "log" }, axis: { format: "~e" } },
      // one merged legend: same field, title and scale domain (an explicit `sort` would split it)
      color: { field: "param", type: "nominal", title: "Parameter", scale: { domain: params } },
      shape: { field: "param", type: "nominal", title: "Parameter", scale: { domain: params } },
      tooltip: [textTip("layer", "Layer"), textTip("param", "Parameter"), numberTip("maxRelativeError", "Max relative error", ".3e")],
    },
  };
  const layer: (UnitSpec<Field> | LayerSpec<Field>)[] = [point];
  if (options.threshold !== undefined) layer.push(thresholdLayer(positiveOption(options.threshold, "threshold")));
  return {
    ...chartFrame(builder, options, PANEL_WIDTH),
    data: { values },
    layer,
  };
}
