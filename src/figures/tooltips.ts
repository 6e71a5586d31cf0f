/**
 * Tooltips: what a reader sees when hovering a mark in a live chart (JupyterLab, VS Code, the HTML
 * report). Every builder encodes one: the x value, the series (split, run, BN, …) and the measured
 * value, with ± std where the records have one. Lines get a row of invisible points to hover,
 * because a line mark is one path and would show only its first record.
 */
import type { Field, PositionDef } from "vega-lite/build/src/channeldef";
import type { UnitSpec } from "vega-lite/build/src/spec";

/** One tooltip entry: a record field, its title, and how numbers are formatted. */
export interface TooltipField {
  readonly field: string;
  readonly type: "quantitative" | "nominal";
  readonly title: string;
  readonly format?: string;
}

/** A quantitative tooltip entry (`format`: a d3-format string, e.g. ".4f"). */
export function numberTip(field: string, title: string, format?: string): TooltipField {
  return { field, type: "quantitative", title, ...(format === undefined ? {} : { format }) };
}

/** A nominal (text) tooltip entry. */
export function textTip(field: string, title: string): TooltipField {
  return { field, type: "nominal", title };
}

/** Format of measured values (cost, loss, accuracy): 4 decimals. */
export const VALUE_FORMAT = ".4f";

/** Format of values spanning decades (λ, η, σ): 4 significant digits, no trailing zeros. */
export const DECADE_FORMAT = ".4~g";

/** The field that holds {@link stdLabel}, and its tooltip entry. */
export const STD_FIELD = "spread";
export const STD_TIP: TooltipField = textTip(STD_FIELD, "± std");

/** The ± std entry as text: "0.0042" for a mean of several runs, "single run" when there is no std. */
export function stdLabel(std: number | null): string {
  return std === null ? "single run" : std.toFixed(4);
}

/**
 * Transparent points at every record of a line, carrying the tooltip, to be layered over the line
 * (same x/y encoding, so same scales). Records whose y is null are filtered out by the point mark.
 */
export function hoverPoints(x: PositionDef<Field>, y: PositionDef<Field>, tooltip: readonly TooltipField[]): UnitSpec<Field> {
  return {
    mark: { type: "point", opacity: 0, size: 80 },
    encoding: { x, y, tooltip: [...tooltip] },
  };
}
