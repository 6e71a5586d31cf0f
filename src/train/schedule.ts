/**
 * Learning-rate schedules: constant, cyclical (triangular, as in DD2424 Assignments 2–3),
 * step decay and exponential decay. A schedule is plain JSON (`ScheduleSpec`); `createSchedule`
 * turns it into η(t) for the update step t = 0, 1, 2, … (t counts updates already made, so the
 * first update uses η(0)).
 */
import { SchedulePieces } from "./pieces";

/**
 * The vocabulary (src/schema/training.ts): `StepSizeSpec` = n_s as a number of update steps, or k
 * epochs' worth (n_s = k·⌊n/batch⌋); `ScheduleSpec` = constant η, cyclical (η_min, η_max, n_s,
 * cycles; the cycles fix the training length), stepDecay (η = eta0 · factor^⌊epoch / everyEpochs⌋)
 * or exponentialDecay (η = eta0 · gamma^epoch), epoch = completed epochs.
 */
import type { ScheduleSpec } from "../schema";
export type { ScheduleSpec, StepSizeSpec } from "../schema";

/** A schedule resolved against a data set size and batch size. */
export interface Schedule {
  /** η used by update step t (t ≥ 0) */
  etaAt(t: number): number;
  /** the training length the schedule fixes (cyclical: 2·n_s·cycles), undefined otherwise */
  readonly totalSteps: number | undefined;
  /** n_s for cyclical schedules, undefined otherwise */
  readonly stepSize: number | undefined;
}

/**
 * n_s = k·n/batch, the DD2424 rule (5·45,000/100 = 2,250): k epochs' worth of update steps.
 * Uses ⌊n/batch⌋ update steps per epoch (the last partial batch is dropped), so when batch
 * divides n this is exactly k·n/batch.
 */
export function stepSizeFromEpochs(k: number, n: number, batchSize: number): number {
  if (!(k > 0) || !(n > 0) || !(batchSize > 0)) {
    throw new RangeError(`stepSizeFromEpochs: k, n and batch size must be positive, got k=${k}, n=${n}, batch=${batchSize}`);
  }
  const stepsPerEpoch = Math.floor(n / batchSize);
  if (stepsPerEpoch < 1) throw new RangeError(`stepSizeFromEpochs: batch size ${batchSize} exceeds n = ${n}`);
  return Math.max(1, Math.round(k * stepsPerEpoch));
}

/**
 * The triangular cyclical learning rate at step t (Smith 2015; DD2424 eq. 14–15):
 * for 2l·n_s ≤ t ≤ (2l+1)·n_s, η_t = η_min + (t − 2l·n_s)/n_s · (η_max − η_min);
 * for (2l+1)·n_s ≤ t ≤ 2(l+1)·n_s, η_t = η_max − (t − (2l+1)·n_s)/n_s · (η_max − η_min).
 */
export function cyclicalEta(t: number, etaMin: number, etaMax: number, nS: number): number {
  const cycle = 2 * nS;
  const tau = t - Math.floor(t / cycle) * cycle; // position within the current cycle, 0 … 2n_s−1
  if (tau <= nS) return etaMin + (tau / nS) * (etaMax - etaMin);
  return etaMax - ((tau - nS) / nS) * (etaMax - etaMin);
}

/**
 * Resolves a `ScheduleSpec` for a training set of n samples and the given batch size
 * (⌊n/batch⌋ update steps per epoch). Throws naming the field on invalid values. `pieces` swaps in
 * a walkthrough's own implementation (e.g. `cyclicalEta`).
 */
export function createSchedule(spec: ScheduleSpec, n: number, batchSize: number, pieces: SchedulePieces = {}): Schedule {
  const stepsPerEpoch = Math.floor(n / batchSize);
  if (!(stepsPerEpoch >= 1)) throw new RangeError(`createSchedule: batch size ${batchSize} exceeds n = ${n}`);
  switch (spec.kind) {
    case "constant":
      return { etaAt: () => spec.eta, totalSteps: undefined, stepSize: undefined };
    case "cyclical": {
      const nS = typeof spec.stepSize === "number" ? spec.stepSize : stepSizeFromEpochs(spec.stepSize.epochs, n, batchSize);
      if (!Number.isInteger(nS) || nS < 1) throw new RangeError(`schedule.stepSize: expected a positive integer, got ${nS}`);
      const { etaMin, etaMax } = spec;
      const eta = pieces.cyclicalEta ?? cyclicalEta;
      return { etaAt: (t) => eta(t, etaMin, etaMax, nS), totalSteps: 2 * nS * spec.cycles, stepSize: nS };
    }
    case "stepDecay": {
      const { eta0, factor, everyEpochs } = spec;
      const etaAt = (t: number): number => eta0 * Math.pow(factor, Math.floor(Math.floor(t / stepsPerEpoch) / everyEpochs));
      return { etaAt, totalSteps: undefined, stepSize: undefined };
    }
    case "exponentialDecay": {
      const { eta0, gamma } = spec;
      return { etaAt: (t) => eta0 * Math.pow(gamma, Math.floor(t / stepsPerEpoch)), totalSteps: undefined, stepSize: undefined };
    }
    default:
      throw new RangeError(`schedule.kind: unknown schedule ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
  }
}
