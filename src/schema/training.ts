/**
 * The training vocabulary: learning-rate schedules, input noise, evaluation and early stopping.
 * The meaning of each field is documented where it is used (src/train).
 */
import { z } from "zod";
import { OBJECT, bool, num, oneOf, strict } from "./rules";
import { DeepReadonly } from "./readonly";
import { show } from "./errors";

/** The cyclical step size n_s: a number of update steps, or k epochs' worth (n_s = k·⌊n/batch⌋). */
export const stepSizeSchema = z
  .union([num({ integer: true, min: 1 }), strict({ epochs: num({ above: 0 }, "n_s in epochs") })], { error: "expected an integer ≥ 1 or { epochs }" })
  .describe("n_s, steps from η_min to η_max (half a cycle)");
export type StepSizeSpec = DeepReadonly<z.output<typeof stepSizeSchema>>;

const cyclicalSchema = strict({
  kind: z.literal("cyclical"),
  etaMin: num({ min: 0 }, "η_min"),
  etaMax: num({ above: 0 }, "η_max > η_min"),
  stepSize: stepSizeSchema,
  cycles: num({ integer: true, min: 1 }, "number of full cycles (2·n_s steps each); fixes the training length"),
}).check((ctx) => {
  const { etaMin, etaMax } = ctx.value;
  if (!(etaMax > etaMin)) {
    ctx.issues.push({ code: "custom", message: `expected a number > ${etaMin}`, path: ["etaMax"], input: etaMax });
  }
});

/** A learning-rate schedule, JSON-serialisable. */
export const scheduleSpecSchema = z
  .discriminatedUnion(
    "kind",
    [
      strict({ kind: z.literal("constant"), eta: num({ above: 0 }, "η") }),
      cyclicalSchema,
      strict({
        kind: z.literal("stepDecay"),
        eta0: num({ above: 0 }, "η at epoch 0"),
        factor: num({ above: 0, max: 1 }, "η = eta0 · factor^⌊epoch / everyEpochs⌋"),
        everyEpochs: num({ integer: true, min: 1 }),
      }),
      strict({
        kind: z.literal("exponentialDecay"),
        eta0: num({ above: 0 }, "η at epoch 0"),
        gamma: num({ above: 0, max: 1 }, "η = eta0 · gamma^epoch"),
      }),
    ],
    OBJECT,
  )
  .describe("learning-rate schedule η(t)");
export type ScheduleSpec = DeepReadonly<z.output<typeof scheduleSpecSchema>>;

const saltPepperSchema = strict({
  kind: z.literal("saltPepper"),
  fraction: num({ min: 0, max: 1 }, "probability that an entry is replaced"),
  low: num({}, "replacement value for 'salt' (default: the batch's minimum)").optional(),
  high: num({}, "replacement value for 'pepper' (default: the batch's maximum)").optional(),
}).check((ctx) => {
  const { low, high } = ctx.value;
  if ((low === undefined) !== (high === undefined)) {
    ctx.issues.push({ code: "custom", message: `give both low and high or neither, got low=${show(low)}, high=${show(high)}`, input: ctx.value });
  } else if (low !== undefined && high !== undefined && high < low) {
    ctx.issues.push({ code: "custom", message: `expected a number ≥ ${low}`, path: ["high"], input: high });
  }
});

/** Input noise added to each mini-batch on the fly. */
export const noiseSpecSchema = z
  .discriminatedUnion(
    "kind",
    [
      strict({
        kind: z.literal("gaussian"),
        sigma: num({ min: 0 }, "σ of the added N(0, σ²) noise"),
        relative: bool("σ as a fraction of the batch's standard deviation").optional(),
      }),
      saltPepperSchema,
    ],
    OBJECT,
  )
  .describe("input noise on every mini-batch (default none)");
export type NoiseSpec = DeepReadonly<z.output<typeof noiseSpecSchema>>;

export const EVALUATION_PER = ["cycle", "epoch"] as const;

/** How often the training loop evaluates cost, loss and accuracy. */
export const evaluationSpecSchema = strict({
  per: oneOf(EVALUATION_PER, '"cycle" (cyclical schedules only) or "epoch"'),
  times: num({ integer: true, min: 1 }, "evaluations per cycle or epoch"),
  trainSubset: num({ integer: true, min: 1 }, "evaluate the training split on its first n samples only").optional(),
});
export type EvaluationSpec = DeepReadonly<z.output<typeof evaluationSpecSchema>>;

/** Early stopping on the validation loss; patience counts evaluations. */
export const earlyStoppingSpecSchema = strict({
  patience: num({ integer: true, min: 1 }, "evaluations without improvement before stopping"),
  restoreBest: bool("put back the best evaluation's parameters (default true)").optional(),
  minDelta: num({ min: 0 }, "an improvement must lower the loss by more than this (default 0)").optional(),
});
export type EarlyStoppingSpec = DeepReadonly<z.output<typeof earlyStoppingSpecSchema>>;
