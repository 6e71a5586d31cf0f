import type { Config } from "vega-lite";
import type { SplitLabel } from "./records";

/** The one font every figure uses; src/report/render.ts ships it to the PNG renderer. */
export const FIGURE_FONT = "DejaVu Sans";

/** The Vega-Lite version every spec declares (vega-lite@5 is pinned, see the README). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** Split colors shared by every chart: training blue, validation orange, test green. */
export const SPLIT_COLORS: Readonly<Record<SplitLabel, string>> = {
  training: "#1f77b4",
  validation: "#ff7f0e",
  test: "#2ca02c",
};

/** Categorical palette for run/variant/parameter colors (Tableau 10). */
export const CATEGORY_COLORS: readonly string[] = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
];

/** Default size of one panel, in pixels. */
export const PANEL_WIDTH = 260;
export const PANEL_HEIGHT = 200;

/**
 * The shared theme: a fresh Vega-Lite config object on every call, so a caller editing one
 * spec's config never changes another figure.
 */
export function figureConfig(): Config {
  return {
    font: FIGURE_FONT,
    background: "white",
    padding: 8,
    view: { continuousWidth: PANEL_WIDTH, continuousHeight: PANEL_HEIGHT, stroke: "#888888" },
    title: { fontSize: 14, fontWeight: "bold", anchor: "middle" },
    axis: {
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: "normal",
      gridColor: "#e6e6e6",
      domainColor: "#555555",
      tickColor: "#555555",
    },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" },
    header: { labelFontSize: 12, titleFontSize: 12 },
    line: { strokeWidth: 1.75 },
    point: { size: 40 },
    range: { category: [...CATEGORY_COLORS] },
    concat: { spacing: 24 },
  };
}
