/**
 * The seeds' gradient checks, each on its own network: seed 000's tables (4-layer (50, 50, 50) and
 * 9-layer, without and with BN; first 10 input dimensions of 20 images), seed 001's 2-, 3- and
 * 4-layer nets without BN and 2- and 3-layer nets with BN (10 images; input dimensions and widths
 * not stated: ours are `inputSize` dimensions and 50 per hidden layer). Float64, He initialization,
 * centered differences (`gradientCheck`); the measurements feed the coverage rows.
 */
import { gradientCheck, type GradCheckRow } from "../../gradcheck/check";
import { reducedProblem } from "../../gradcheck/reduced";
import { initMlp } from "../../model/init";
import type { Measurement } from "../../report/results-json";
import { type Matrix, createRng } from "../../tensor";
import type { SeedBlock } from "./seeds/types";

/** What the checks run on: the training images (d × n), labels, λ and the dimensions kept when a seed does not state them. */
export interface GradientCheckInput {
  readonly X: Matrix;
  readonly y: Int32Array;
  readonly lambda: number;
  /** input dimensions where the seed does not state them (ours: 10) */
  readonly inputSize: number;
  /** images where the seed does not state them */
  readonly samples: number;
  readonly seed: number;
  /** pass bound on the relative error (default 1e-6) */
  readonly tolerance?: number;
}

/** One block's check: the network checked and the rows (one per parameter matrix). */
export interface BlockGradientCheck {
  readonly blockId: string;
  readonly hidden: readonly number[];
  readonly batchNorm: boolean;
  readonly inputSize: number;
  readonly samples: number;
  readonly rows: readonly GradCheckRow[];
}

/** The hidden widths a check block names (unstated: 50 per hidden layer). */
export function checkedWidths(b: SeedBlock): number[] {
  const g = b.gradientCheck;
  if (!g) throw new RangeError(`gradient checks: "${b.id}" is not a gradient-check block`);
  return g.hidden ? [...g.hidden] : Array.from({ length: g.layers - 1 }, () => 50);
}

/** Runs the gradient check of every gradient-check block of `blocks`. */
export function seedGradientChecks(blocks: readonly SeedBlock[], input: GradientCheckInput): BlockGradientCheck[] {
  return blocks
    .filter((b) => b.kind === "gradientCheck")
    .map((b) => {
      const g = b.gradientCheck!;
      const inputSize = g.inputSize ?? input.inputSize;
      const samples = g.samples ?? input.samples;
      const hidden = checkedWidths(b);
      const problem = reducedProblem({ X: input.X, y: input.y, inputSize, samples });
      const spec = {
        inputSize,
        hidden,
        outputSize: 10,
        activation: { name: "relu" as const },
        batchNorm: g.batchNorm ? ("before" as const) : ("off" as const),
        init: { kind: "he" as const },
      };
      const { params, stats } = initMlp(spec, createRng(input.seed));
      const rows = gradientCheck(params, stats, problem.X, problem.y, input.lambda, { tolerance: input.tolerance ?? 1e-6 });
      return { blockId: b.id, hidden, batchNorm: g.batchNorm, inputSize, samples, rows };
    });
}

/** Measurements "<block id>" (largest relative error) and "<block id>/abs" (largest absolute error) of each check. */
export function gradientMeasurements(checks: readonly BlockGradientCheck[], section: string): Measurement[] {
  return checks.flatMap((c) => [
    { id: c.blockId, label: `max relative error, ${c.rows.length} parameter matrices`, section, values: [Math.max(...c.rows.map((r) => r.maxRelativeError))] },
    { id: `${c.blockId}/abs`, label: "max |analytic − numerical|", section, values: [Math.max(...c.rows.map((r) => r.maxAbsoluteError))] },
  ]);
}

const PARAM_QUANTITY = { W: "relativeErrorW", b: "relativeErrorB", gamma: "relativeErrorGamma", beta: "relativeErrorBeta" } as const;

/**
 * A check's table: per layer and parameter our largest relative and absolute errors, the seed's
 * printed relative error where it prints one, and whether ours is below `tolerance`.
 */
export function gradientCheckRows(block: SeedBlock, check: BlockGradientCheck, tolerance = 1e-6): Record<string, string>[] {
  return check.rows.map((r) => {
    const seed = block.published.find((p) => p.layer === r.layer + 1 && p.quantity === PARAM_QUANTITY[r.param]);
    return {
      Layer: String(r.layer + 1),
      Param: r.param,
      Shape: r.shape.join(" × "),
      "Ours: max rel. error": r.maxRelativeError.toExponential(2),
      "Ours: max abs. error": r.maxAbsoluteError.toExponential(2),
      "Seed: rel. error": seed ? seed.text : "—",
      [`Ours < ${tolerance.toExponential()}`]: r.maxRelativeError < tolerance ? "yes" : "NO",
      "Kink entries skipped": String(r.kinkCrossings),
    };
  });
}
