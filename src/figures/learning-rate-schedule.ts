import type { TopLevelSpec } from "vega-lite";
import { finiteField, requireRows, sizeOption } from "./check-records";
import type { EtaRow } from "./records";
import { CATEGORY_COLORS, PANEL_HEIGHT, PANEL_WIDTH, VEGA_LITE_SCHEMA, figureConfig } from "./theme";
import { DECADE_FORMAT, hoverPoints, numberTip } from "./tooltips";

export interface LearningRateScheduleOptions {
  /** a log η axis (for step decay); default linear (the cyclical schedule is linear in η) */
  readonly logScale?: boolean;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * One {step, eta} per distinct step, sorted by step. Several rows may share a step (history rows
 * hold one per split) if they agree on η; disagreeing rows are an error.
 */
function etaRecords(rows: readonly EtaRow[]): { step: number; eta: number }[] {
  const ctx = { builder: "learningRateSchedule", name: "rows" };
  const byStep = new Map<number, number>();
  requireRows(rows, ctx).forEach((row, i) => {
    const step = finiteField(row, i, "step", ctx);
    const eta = finiteField(row, i, "eta", ctx);
    const seen = byStep.get(step);
    if (seen !== undefined && seen !== eta) {
      throw new Error(`learningRateSchedule: rows[${i}] gives eta ${eta} at step ${step}, an earlier row gave ${seen}`);
    }
    byStep.set(step, eta);
  });
  return [...byStep].sort((a, b) => a[0] - b[0]).map(([step, eta]) => ({ step, eta }));
}

/**
 * The learning rate η over update steps (e.g. the cyclical schedule between η_min and η_max).
 * rows: EtaRow[] ({step, eta}); curve/history rows can be passed as is. Hovering shows step and η.
 */
export function learningRateSchedule(rows: readonly EtaRow[], options: LearningRateScheduleOptions = {}): TopLevelSpec {
  const builder = "learningRateSchedule";
  const values = etaRecords(rows);
  if (options.logScale === true) {
    const bad = values.find((v) => v.eta <= 0);
    if (bad !== undefined) throw new Error(`learningRateSchedule: logScale needs eta > 0, got ${bad.eta} at step ${bad.step}`);
  }
  const xDef = { field: "step", type: "quantitative", title: "Update step" } as const;
  const yDef = { field: "eta", type: "quantitative", title: "Learning rate η", ...(options.logScale === true ? { scale: { type: "log" as const } } : {}) } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    ...(options.title === undefined ? {} : { title: options.title }),
    width: sizeOption(options.width, Math.round(1.5 * PANEL_WIDTH), builder, "width"),
    height: sizeOption(options.height, Math.round(0.6 * PANEL_HEIGHT), builder, "height"),
    data: { values },
    layer: [
      { mark: { type: "line", color: CATEGORY_COLORS[0] }, encoding: { x: xDef, y: yDef } },
      hoverPoints(xDef, yDef, [numberTip("step", "Update step"), numberTip("eta", "η", DECADE_FORMAT)]),
    ],
  };
}
