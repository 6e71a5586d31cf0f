import { createRng } from "../tensor";
import type { ExperimentConfig } from "./config";

/**
 * Sweep generators: pure functions returning arrays of configs (or of values to put into them).
 * A sweep's configs are then run by `runSweep` in parallel, results in the same order.
 */

/** `count` values evenly spaced in log10 from `min` to `max` (both included), e.g. λ 1e-5 … 1e-1. */
export function logGrid(min: number, max: number, count: number): number[] {
  if (!(min > 0 && max > 0)) throw new RangeError(`logGrid: bounds must be positive, got ${min} … ${max}`);
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`logGrid: count must be a positive integer, got ${count}`);
  if (count === 1) return [min];
  const a = Math.log10(min);
  const b = Math.log10(max);
  return Array.from({ length: count }, (_, i) => Math.pow(10, a + ((b - a) * i) / (count - 1)));
}

/** start, start+step, … up to and including `stop` (integers, e.g. widths 50 … 100 step 5). */
export function intRange(start: number, stop: number, step: number): number[] {
  if (!(Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step) && step > 0)) {
    throw new RangeError(`intRange: integers with step > 0 expected, got ${start} … ${stop} step ${step}`);
  }
  const out: number[] = [];
  for (let v = start; v <= stop; v += step) out.push(v);
  return out;
}

/** A fine grid of `count` values log-evenly spaced within ±`halfWidthDecades` of `best`. */
export function fineGridAround(best: number, halfWidthDecades: number, count: number): number[] {
  const f = Math.pow(10, halfWidthDecades);
  return logGrid(best / f, best * f, count);
}

/** `count` draws log-uniform on [min, max], from the seeded generator `seed`. */
export function randomLogUniform(min: number, max: number, count: number, seed: number | string): number[] {
  if (!(min > 0 && max >= min)) throw new RangeError(`randomLogUniform: need 0 < min ≤ max, got ${min} … ${max}`);
  const rng = createRng(`randomLogUniform/${seed}`);
  const a = Math.log10(min);
  const b = Math.log10(max);
  return Array.from({ length: count }, () => Math.pow(10, a + (b - a) * rng.uniform()));
}

/** `count` draws log-uniform within ±`halfWidthDecades` of `best` (random fine search). */
export function randomAround(best: number, halfWidthDecades: number, count: number, seed: number | string): number[] {
  const f = Math.pow(10, halfWidthDecades);
  return randomLogUniform(best / f, best * f, count, seed);
}

/** The config with λ replaced, one per value. */
export function lambdaSweep(base: ExperimentConfig, lambdas: readonly number[]): ExperimentConfig[] {
  return lambdas.map((lambda) => ({ ...base, lambda }));
}

/**
 * The config with its (peak) learning rate replaced: η for constant schedules, η_max for cyclical
 * ones, η₀ for decaying ones.
 */
export function withEta(config: ExperimentConfig, eta: number): ExperimentConfig {
  const s = config.schedule;
  switch (s.kind) {
    case "constant":
      return { ...config, schedule: { ...s, eta } };
    case "cyclical":
      return { ...config, schedule: { ...s, etaMax: eta } };
    default:
      return { ...config, schedule: { ...s, eta0: eta } };
  }
}

/** Ranges for a random (η, λ) search, each sampled log-uniformly. */
export interface RandomSearchOptions {
  readonly eta: readonly [number, number];
  readonly lambda: readonly [number, number];
  readonly count: number;
  readonly seed: number | string;
}

/** `count` configs with (η, λ) drawn independently log-uniform from the ranges (see `withEta`). */
export function randomSearch(base: ExperimentConfig, opts: RandomSearchOptions): ExperimentConfig[] {
  const etas = randomLogUniform(opts.eta[0], opts.eta[1], opts.count, `${opts.seed}/eta`);
  const lambdas = randomLogUniform(opts.lambda[0], opts.lambda[1], opts.count, `${opts.seed}/lambda`);
  return etas.map((eta, i) => ({ ...withEta(base, eta), lambda: lambdas[i] }));
}

/**
 * Architecture grid: the cartesian product of per-layer width lists, e.g.
 * `architectureGrid(base, [intRange(50, 100, 5), intRange(35, 50, 5)])` → 11 × 4 3-layer nets,
 * first layer varying slowest.
 */
export function architectureGrid(base: ExperimentConfig, widths: readonly (readonly number[])[]): ExperimentConfig[] {
  let shapes: number[][] = [[]];
  for (const layer of widths) shapes = shapes.flatMap((prefix) => layer.map((w) => [...prefix, w]));
  return shapes.map((hidden) => ({ ...base, hidden }));
}

/**
 * The initialization sweep: normal(0, σ) for each σ (default 1e-1, 1e-3, 1e-4) × each BN
 * placement (default without and with BN before the activation); σ varies slowest.
 */
export function initSweep(
  base: ExperimentConfig,
  sigmas: readonly number[] = [1e-1, 1e-3, 1e-4],
  batchNorm: readonly ExperimentConfig["batchNorm"][] = ["off", "before"],
): ExperimentConfig[] {
  return sigmas.flatMap((sigma) => batchNorm.map((bn) => ({ ...base, init: { kind: "normal" as const, sigma }, batchNorm: bn })));
}

/** Seeds first, first+1, …: `seedList(3)` → [1, 2, 3]. */
export function seedList(count: number, first = 1): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/** Each config repeated once per seed (config-major: c1s1, c1s2, …, c2s1, …). */
export function withSeeds(configs: readonly ExperimentConfig[], seeds: readonly number[]): ExperimentConfig[] {
  return configs.flatMap((c) => seeds.map((seed) => ({ ...c, seed })));
}
