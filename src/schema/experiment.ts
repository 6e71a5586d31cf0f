/**
 * The experiment config: one plain JSON object with the network, the training settings, the
 * data's name and the seed. `validateConfig` (src/experiments) checks a value against it.
 */
import { z } from "zod";
import { bool, num, strict } from "./rules";
import { networkShape } from "./model";
import { earlyStoppingSpecSchema, evaluationSpecSchema, noiseSpecSchema, scheduleSpecSchema } from "./training";
import { DeepReadonly } from "./readonly";

/** Which data an experiment runs on: a name and the loader's options (recorded and hashed). */
export const dataSpecSchema = strict({
  name: z.string({ error: "expected a non-empty string" }).min(1, { error: "expected a non-empty string" }).describe('"cifar10", "mnist", "synthetic", …'),
  options: z.record(z.string(), z.json(), { error: "expected an object" }).describe("the loader's options (split sizes, normalization …)").optional(),
});
export type DataSpec = DeepReadonly<z.output<typeof dataSpecSchema>>;

/** The fields of `TrainSettings` (src/train/settings.ts). */
export const trainingShape = {
  lambda: num({ min: 0 }, "L2 strength λ in J = mean CE loss + λ·Σ‖W‖²"),
  batchSize: num({ integer: true, min: 1 }, "mini-batch size"),
  schedule: scheduleSpecSchema,
  epochs: num({ integer: true, min: 1 }, "training length; required unless the schedule is cyclical").optional(),
  momentum: num({ min: 0, below: 1 }, "momentum μ, default 0").optional(),
  shuffle: bool("reshuffle the training samples every epoch (default false)").optional(),
  noise: noiseSpecSchema.optional(),
  evaluation: evaluationSpecSchema,
  earlyStopping: earlyStoppingSpecSchema.describe("stop on the validation loss (default: train the full length)").optional(),
} as const;

/** Rules between fields: the training length and per-cycle evaluation depend on the schedule. */
function checkLength(ctx: z.core.ParsePayload<{ schedule: { kind: string }; epochs?: number; evaluation: { per: string } }>): void {
  const { schedule, epochs, evaluation } = ctx.value;
  const cyclical = schedule.kind === "cyclical";
  if (cyclical && epochs !== undefined) {
    ctx.issues.push({
      code: "custom",
      path: ["epochs"],
      input: epochs,
      message: `must be omitted with a cyclical schedule (its cycles fix the length), got ${epochs}`,
    });
  }
  if (!cyclical && epochs === undefined) {
    ctx.issues.push({ code: "custom", path: ["epochs"], input: epochs, message: "expected an integer ≥ 1" });
  }
  if (!cyclical && evaluation.per === "cycle") {
    ctx.issues.push({ code: "custom", path: ["evaluation", "per"], input: evaluation.per, message: '"cycle" needs a cyclical schedule' });
  }
}

/** One experiment (see `ExperimentConfig` in src/experiments/config.ts for an example). */
export const experimentConfigSchema = strict({
  ...networkShape,
  data: dataSpecSchema,
  seed: num({ integer: true }, "the seed every random draw of the run comes from"),
  ...trainingShape,
}).check(checkLength);
export type ExperimentConfigShape = DeepReadonly<z.output<typeof experimentConfigSchema>>;
