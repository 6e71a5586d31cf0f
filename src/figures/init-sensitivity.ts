import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/build/src/channeldef";
import type { LayerSpec, UnitSpec } from "vega-lite/build/src/spec";
import { booleanField, finiteField, positiveField, requireRows, stdField } from "./check-records";
import type { InitSensitivityRow } from "./records";
import { chartFrame, distinct, expNumber } from "./spec-parts";
import { CATEGORY_COLORS, PANEL_WIDTH } from "./theme";
import { numberTip, STD_TIP, stdLabel, textTip, VALUE_FORMAT } from "./tooltips";

export interface InitSensitivityOptions {
  /** draws a dashed reference line at this accuracy, labeled "chance" (e.g. 0.1 for 10 classes) */
  readonly chanceLevel?: number;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const BN_LABELS = ["without BN", "with BN"] as const;

const INIT_TOOLTIP = [textTip("sigma", "σ"), textTip("bn", "Network"), numberTip("accuracy", "Accuracy", VALUE_FORMAT), STD_TIP];

interface SigmaRecord {
  sigma: string;
  bn: string;
  accuracy: number;
  low: number | null;
  high: number | null;
  spread: string;
}

function sigmaRecords(rows: readonly InitSensitivityRow[]): { values: SigmaRecord[]; sigmaOrder: string[] } {
  const ctx = { builder: "initSensitivity", name: "rows" };
  const parsed = requireRows(rows, ctx).map((row, i) => {
    const accuracy = finiteField(row, i, "accuracy", ctx);
    const std = stdField(row, i, ctx);
    return {
      sigmaValue: positiveField(row, i, "sigma", ctx),
      bn: BN_LABELS[booleanField(row, i, "batchNorm", ctx) ? 1 : 0],
      accuracy,
      low: std === null ? null : accuracy - std,
      high: std === null ? null : accuracy + std,
      spread: stdLabel(std),
    };
  });
  const sigmaOrder = distinct([...parsed].sort((a, b) => b.sigmaValue - a.sigmaValue).map((p) => expNumber(p.sigmaValue)));
  const values = parsed.map(({ sigmaValue, ...rest }) => ({ sigma: expNumber(sigmaValue), ...rest }));
  const keys = values.map((v) => `σ = ${v.sigma} ${v.bn}`);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) throw new Error(`initSensitivity: rows hold ${dup} twice; give one row per (sigma, batchNorm)`);
  return { values, sigmaOrder };
}

function chanceLayer(level: number): LayerSpec<Field> {
  if (!Number.isFinite(level)) throw new Error(`initSensitivity: option chanceLevel must be a finite number, got ${level}`);
  return {
    data: { values: [{ accuracy: level, label: "chance" }] },
    encoding: { y: { field: "accuracy", type: "quantitative" } },
    layer: [
      { mark: { type: "rule", strokeDash: [4, 4], color: "#555555" } },
      { mark: { type: "text", align: "right", dy: -6, x: "width", fontSize: 10, color: "#555555" }, encoding: { text: { field: "label" } } },
    ],
  };
}

/**
 * Sensitivity to initialization: accuracy per weight-init σ (largest first, as ordered
 * categories: the grid is a few decades) in groups of bars without/with BN, ±std error bars
 * where rows have `std`, and an optional chance-level line. Hovering a bar shows σ, BN,
 * accuracy and ± std.
 * rows: InitSensitivityRow[] ({sigma > 0, batchNorm, accuracy, std?}).
 */
export function initSensitivity(rows: readonly InitSensitivityRow[], options: InitSensitivityOptions = {}): TopLevelSpec {
  const builder = "initSensitivity";
  const { values, sigmaOrder } = sigmaRecords(rows);
  const x = {
    field: "sigma", type: "nominal", title: "σ of the initial weights", sort: sigmaOrder, axis: { labelAngle: 0 },
  } as const;
  const xOffset = { field: "bn", type: "nominal", sort: [...BN_LABELS] } as const;
  const color = {
    field: "bn", type: "nominal", title: "Network", scale: { domain: [...BN_LABELS], range: CATEGORY_COLORS.slice(0, 2) },
  } as const;
  const layer: (UnitSpec<Field> | LayerSpec<Field>)[] = [
    {
      mark: { type: "bar" },
      encoding: { x, xOffset, color, y: { field: "accuracy", type: "quantitative", title: "Accuracy" }, tooltip: INIT_TOOLTIP },
    },
  ];
  if (values.some((v) => v.low !== null)) {
    layer.push({
      transform: [{ filter: "datum.low != null" }],
      mark: { type: "rule", color: "black" },
      encoding: { x, xOffset, y: { field: "low", type: "quantitative" }, y2: { field: "high" } },
    });
  }
  if (options.chanceLevel !== undefined) layer.push(chanceLayer(options.chanceLevel));
  return {
    ...chartFrame(builder, options, PANEL_WIDTH),
    data: { values },
    layer,
  };
}
