import type { TopLevelSpec } from "vega-lite";
import {
  architectureSummary, compareCurves, gradientErrors, initSensitivity, lambdaSearch, learningCurves, learningRateSchedule,
  type ArchitectureRow, type CurveRow, type GradientErrorRow, type InitSensitivityRow, type LambdaRow,
} from "../../src/figures";

/** Tiny deterministic records (closed-form curves, no randomness) for the figure tests. */

/** η of a cyclical schedule between 1e-5 and 1e-1 with half-cycle ns, at step t. */
export function cyclicEta(t: number, ns: number): number {
  const c = t % (2 * ns);
  return 1e-5 + (c < ns ? c / ns : 2 - c / ns) * (1e-1 - 1e-5);
}

/** Learning-curve rows every `every` steps up to `steps` for the given splits. */
export function curveRows(steps: number, every: number, splits: readonly CurveRow["split"][], shift = 0): CurveRow[] {
  const rows: CurveRow[] = [];
  for (let step = 0; step <= steps; step += every) {
    splits.forEach((split, k) => {
      const loss = 2 * Math.exp(-step / 300) + 0.1 * k + shift;
      rows.push({ step, epoch: step / 100, split, cost: loss + 0.3, loss, accuracy: 0.5 - 0.4 * Math.exp(-step / 200) - 0.02 * k, eta: cyclicEta(step, 250) });
    });
  }
  return rows;
}

/** λ grid 1e-5 … 1e-1 (plus 5.623e-3); validation accuracy peaks at λ* = 5.623e-3 by construction. */
export const LAMBDA_STAR = 5.623e-3;
export function lambdaRows(withStd: boolean): LambdaRow[] {
  const grid = [1e-5, 1e-4, 1e-3, LAMBDA_STAR, 1e-2, 1e-1];
  return grid.flatMap((lambda) => {
    const d = Math.log10(lambda) - Math.log10(LAMBDA_STAR);
    const std = withStd ? { std: 0.002 + 0.001 * Math.abs(d) } : {};
    return [
      { lambda, split: "training" as const, accuracy: 0.6 - 0.02 * Math.log10(lambda / 1e-5), ...std },
      { lambda, split: "validation" as const, accuracy: 0.52 - 0.01 * d * d, ...std },
    ];
  });
}

export function initRows(withStd: boolean): InitSensitivityRow[] {
  return [1e-1, 1e-3, 1e-4].flatMap((sigma, i) => [
    { sigma, batchNorm: false, accuracy: [0.53, 0.45, 0.1][i], ...(withStd ? { std: 0.01 } : {}) },
    { sigma, batchNorm: true, accuracy: 0.53 - 0.01 * i, ...(withStd ? { std: 0.004 } : {}) },
  ]);
}

export function architectureRows(withStd: boolean): ArchitectureRow[] {
  const labels = ["(50, 50)", "(60, 50, 40) BN", "(80, 70, 60, 50, 40, 30) BN", "12-layer BN"];
  return labels.map((label, i) => ({ label, accuracy: 0.53 + 0.005 * i, ...(withStd && i !== 3 ? { std: 0.003 } : {}) }));
}

/** Layers 1–3 with W, b, gamma, beta; the last layer W and b only; one error exactly 0. */
export function gradientRows(): GradientErrorRow[] {
  const rows: GradientErrorRow[] = [];
  for (let layer = 1; layer <= 4; layer++) {
    const params = layer < 4 ? ["W", "b", "gamma", "beta"] : ["W", "b"];
    params.forEach((param, j) => rows.push({ layer, param, maxRelativeError: 10 ** -(8 + 0.5 * layer + j) }));
  }
  rows.push({ layer: "output", param: "b", maxRelativeError: 0 });
  return rows;
}

/** One figure-builder case: its input records, the builder call, and the axis titles it must show. */
export interface FigureCase {
  readonly name: string;
  readonly input: unknown;
  readonly build: (input: never) => TopLevelSpec;
  readonly axisTitles: readonly string[];
}

function figureCase<I>(name: string, input: I, build: (input: I) => TopLevelSpec, axisTitles: string[]): FigureCase {
  return { name, input, build: build as (input: never) => TopLevelSpec, axisTitles };
}

const diverged: CurveRow[] = curveRows(400, 50, ["train", "validation"]).map((r) => (r.step >= 300 || r.step === 150 ? { ...r, cost: NaN, loss: Infinity } : r));

/** Every builder, with its main option variants. */
export const FIGURE_CASES: readonly FigureCase[] = [
  figureCase("learningCurves (DD2424: cost, loss, accuracy over steps)", curveRows(1000, 100, ["training", "validation", "test"]),
    (h) => learningCurves(h, { title: "3-layer network" }), ["Update step", "Cost", "Loss", "Accuracy"]),
  figureCase("learningCurves (TDT4265: loss and accuracy over epochs)", curveRows(1000, 50, ["train", "validation"]),
    (h) => learningCurves(h, { metrics: ["loss", "accuracy"], x: "epoch" }), ["Epoch", "Loss", "Accuracy"]),
  figureCase("learningCurves (diverged run: non-finite values)", diverged, (h) => learningCurves(h), ["Update step", "Cost"]),
  figureCase("compareCurves", [
    { label: "baseline", history: curveRows(600, 50, ["training", "validation"]) },
    { label: "momentum", history: curveRows(600, 50, ["training", "validation"], -0.2) },
  ], (runs) => compareCurves(runs, "loss", "validation", { x: "epoch" }), ["Epoch", "Loss (validation)"]),
  figureCase("lambdaSearch (mean ± std)", lambdaRows(true), (rows) => lambdaSearch(rows), ["λ", "Accuracy"]),
  figureCase("lambdaSearch (single runs, no best mark)", lambdaRows(false), (rows) => lambdaSearch(rows, { best: false }), ["λ", "Accuracy"]),
  figureCase("initSensitivity (mean ± std, chance level)", initRows(true), (rows) => initSensitivity(rows, { chanceLevel: 0.1 }),
    ["σ of the initial weights", "Accuracy"]),
  figureCase("initSensitivity (no std)", initRows(false), (rows) => initSensitivity(rows), ["σ of the initial weights", "Accuracy"]),
  figureCase("architectureSummary", architectureRows(true), (rows) => architectureSummary(rows, { title: "Deeper networks" }),
    ["Test accuracy"]),
  figureCase("gradientErrors (threshold, an exact 0)", gradientRows(), (rows) => gradientErrors(rows, { threshold: 1e-6 }),
    ["Layer", "Max relative error"]),
  figureCase("learningRateSchedule (from history rows)", curveRows(1000, 25, ["training", "validation"]),
    (rows) => learningRateSchedule(rows), ["Update step", "Learning rate η"]),
  figureCase("learningRateSchedule (log η)", [0, 1, 2, 3].map((k) => ({ step: 1000 * k, eta: 0.1 * 0.5 ** k })),
    (rows) => learningRateSchedule(rows, { logScale: true }), ["Update step", "Learning rate η"]),
];
