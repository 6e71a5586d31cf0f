import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/build/src/channeldef";
import type { LayerSpec, UnitSpec } from "vega-lite/build/src/spec";
import { finiteField, positiveField, requireRows, splitField, splitOption, stdField } from "./check-records";
import { SPLIT_LABELS, type FigureSplit, type LambdaRow, type SplitLabel } from "./records";
import { chartFrame, presentSplits, shortNumber, splitColor } from "./spec-parts";
import { PANEL_WIDTH } from "./theme";
import { DECADE_FORMAT, numberTip, STD_TIP, stdLabel, textTip, VALUE_FORMAT } from "./tooltips";

export interface LambdaSearchOptions {
  /** the split whose highest accuracy is marked as the best λ (default "validation"; false: none) */
  readonly best?: FigureSplit | false;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

interface LambdaRecord {
  lambda: number;
  split: SplitLabel;
  accuracy: number;
  low: number | null;
  high: number | null;
  spread: string;
}

const X_LAMBDA = { field: "lambda", type: "quantitative", title: "λ", scale: { type: "log" }, axis: { format: "~e" } } as const;
const Y_ACCURACY = { field: "accuracy", type: "quantitative", title: "Accuracy", scale: { zero: false } } as const;

function lambdaRecords(rows: readonly LambdaRow[]): LambdaRecord[] {
  const ctx = { builder: "lambdaSearch", name: "rows" };
  return requireRows(rows, ctx).map((row, i) => {
    const accuracy = finiteField(row, i, "accuracy", ctx);
    const std = stdField(row, i, ctx);
    return {
      lambda: positiveField(row, i, "lambda", ctx),
      split: splitField(row, i, ctx),
      accuracy,
      low: std === null ? null : accuracy - std,
      high: std === null ? null : accuracy + std,
      spread: stdLabel(std),
    };
  });
}

const LAMBDA_TOOLTIP = [numberTip("lambda", "λ", DECADE_FORMAT), textTip("split", "Data"), numberTip("accuracy", "Accuracy", VALUE_FORMAT), STD_TIP];

/** The record with the highest accuracy on `split` (first on ties), or undefined if none. */
export function bestLambda<R extends { split: SplitLabel; accuracy: number }>(records: readonly R[], split: SplitLabel): R | undefined {
  let best: R | undefined;
  for (const r of records) if (r.split === split && (best === undefined || r.accuracy > best.accuracy)) best = r;
  return best;
}

function bestLayer(best: LambdaRecord): LayerSpec<Field> {
  const label = `best λ = ${shortNumber(best.lambda)}`;
  return {
    data: { values: [{ lambda: best.lambda, accuracy: best.accuracy, label }] },
    encoding: { x: X_LAMBDA, y: Y_ACCURACY },
    layer: [
      { mark: { type: "point", shape: "circle", size: 220, filled: false, color: "black", strokeWidth: 1.5 } },
      { mark: { type: "text", dy: -16, fontSize: 11, color: "black" }, encoding: { text: { field: "label" } } },
    ],
  };
}

/**
 * λ search summary: accuracy over λ on a log axis, one line per split, error bars (±std) where
 * rows have `std`, and the best λ (highest accuracy on `options.best`) circled and labeled.
 * Hovering a point shows λ, split, accuracy and ± std.
 * rows: LambdaRow[] ({lambda > 0, split, accuracy, std?}).
 */
export function lambdaSearch(rows: readonly LambdaRow[], options: LambdaSearchOptions = {}): TopLevelSpec {
  const builder = "lambdaSearch";
  const values = lambdaRecords(rows);
  const color = splitColor(presentSplits(values, SPLIT_LABELS));
  const layer: (UnitSpec<Field> | LayerSpec<Field>)[] = [
    { mark: { type: "line" }, encoding: { x: X_LAMBDA, y: Y_ACCURACY, color } },
  ];
  if (values.some((v) => v.low !== null)) {
    layer.push({
      transform: [{ filter: "datum.low != null" }],
      mark: { type: "errorbar", ticks: true },
      // no tooltip of its own (the point above the bar shows ± std)
      encoding: { x: X_LAMBDA, y: { field: "low", type: "quantitative", title: "Accuracy" }, y2: { field: "high" }, color, tooltip: null },
    });
  }
  const bestSplit = options.best === false ? false : splitOption(options.best ?? "validation", builder, "option best");
  const best = bestSplit === false ? undefined : bestLambda(values, bestSplit);
  if (best !== undefined) layer.push(bestLayer(best));
  // the points last, on top: hovering the circled best point shows its tooltip, not the circle
  layer.push({ mark: { type: "point", filled: true }, encoding: { x: X_LAMBDA, y: Y_ACCURACY, color, tooltip: LAMBDA_TOOLTIP } });
  return {
    ...chartFrame(builder, options, Math.round(1.5 * PANEL_WIDTH)),
    data: { values },
    layer,
  };
}
