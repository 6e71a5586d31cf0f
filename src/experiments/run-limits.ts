/**
 * Up-front limits on what one run may ask for, checked before any array is allocated or any step
 * taken: the memory of the network's parameters (a width of 10⁹ would otherwise fail deep inside
 * with "Invalid typed array length", and widths needing gigabytes would be attempted) and the
 * number of update steps (a `stepSize` of 10¹² would otherwise run for centuries). Each failure is a
 * `ConfigError` naming the field to change.
 */
import { stepSizeFromEpochs } from "../train";
import { ConfigError } from "./check";
import { ExperimentConfig } from "./config";

/** Bytes one parameter costs while training: weights, gradients, momentum and a best-so-far copy, Float64 each. */
export const BYTES_PER_PARAMETER = 4 * 8;
/** Memory allowed for the parameters of one run (bytes). */
export const MAX_PARAMETER_BYTES = 2 * 1024 ** 3;
/** Update steps allowed in one run (the reports' longest runs take under 100,000). */
export const MAX_STEPS = 10_000_000;

const fmt = (n: number): string => (n < 1e15 ? Math.round(n).toLocaleString("en-US") : n.toExponential(2));
const gb = (bytes: number): string => `${(bytes / 1e9).toPrecision(3)} GB`;

/**
 * Throws naming `config.hidden[l]` when the network d → hidden → K needs more than
 * {@link MAX_PARAMETER_BYTES} for its parameters; the layer named is the one with the most weights.
 */
export function checkParameterMemory(c: ExperimentConfig, d: number, K: number, path = "config"): void {
  const sizes = [d, ...c.hidden, K];
  let count = 0;
  let worst = 0;
  let worstWeights = -1;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const weights = sizes[l] * sizes[l + 1];
    count += weights + 3 * sizes[l + 1]; // biases, γ and β at most
    const layer = Math.min(l, c.hidden.length - 1); // the output layer's weights grow with the last hidden width
    if (weights > worstWeights && c.hidden.length > 0) [worst, worstWeights] = [layer, weights];
  }
  const bytes = count * BYTES_PER_PARAMETER;
  if (bytes <= MAX_PARAMETER_BYTES) return;
  const field = c.hidden.length > 0 ? `${path}.hidden[${worst}]` : `${path}.hidden`;
  throw new ConfigError(
    field,
    `width ${fmt(c.hidden[worst] ?? 0)}: the network ${sizes.map(fmt).join("-")} has ${fmt(count)} parameters, ` +
      `${gb(bytes)} while training (${BYTES_PER_PARAMETER} bytes each: weights, gradients, momentum, best copy), over the ${gb(MAX_PARAMETER_BYTES)} limit`,
  );
}

/**
 * Throws naming the schedule field (or `epochs`) when the run would take more than
 * {@link MAX_STEPS} update steps on `n` training samples, saying how many it would take.
 */
export function checkRunLength(c: ExperimentConfig, n: number, path = "config"): void {
  const perEpoch = Math.floor(n / c.batchSize);
  if (perEpoch < 1) return; // the training loop names the batch size itself
  const s = c.schedule;
  let steps: number;
  let field: string;
  let how: string;
  if (s.kind === "cyclical") {
    const nS = typeof s.stepSize === "number" ? s.stepSize : stepSizeFromEpochs(s.stepSize.epochs, n, c.batchSize);
    steps = 2 * nS * s.cycles;
    field = 2 * nS > MAX_STEPS ? `${path}.schedule.stepSize` : `${path}.schedule.cycles`;
    how = `2 · stepSize ${fmt(nS)} · cycles ${fmt(s.cycles)}`;
  } else {
    steps = (c.epochs ?? 0) * perEpoch;
    field = `${path}.epochs`;
    how = `epochs ${fmt(c.epochs ?? 0)} · ${fmt(perEpoch)} steps per epoch`;
  }
  if (steps <= MAX_STEPS) return;
  const years = (steps * 1e-3) / (365 * 86_400);
  const time = years >= 1 ? `${years.toPrecision(2)} years` : `${((steps * 1e-3) / 86_400).toPrecision(2)} days`;
  throw new ConfigError(field, `the run would take ${fmt(steps)} update steps (${how}), over the limit of ${fmt(MAX_STEPS)} ` + `(${time} at 1 ms per step)`);
}
