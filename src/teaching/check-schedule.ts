/** Self-check of a student's triangular cyclical learning rate against the library's `cyclicalEta`. */
import { cyclicalEta } from "../train/schedule";
import { CheckOptions, CheckResult, CheckSpec, guardedCheck, isWorse, measuredCheck, messageNumber } from "./check-result";

/** η(t) must match the library to rounding, relative to η_max. */
export const CYCLICAL_ETA_TOLERANCE = 1e-9;

/** (η_min, η_max, n_s) cases: the DD2424 values, an odd n_s, and n_s = 1. */
const CASES: readonly (readonly [number, number, number])[] = [
  [1e-5, 1e-1, 500],
  [0.01, 0.05, 7],
  [0.2, 0.3, 1],
];
/** Steps checked per case: 3 full cycles and a bit. */
const CYCLES = 3;

/** The first step t of one case where |η_yours − η_lib| / η_max exceeds the tolerance, and the largest such error. */
function compareCase(impl: typeof cyclicalEta, etaMin: number, etaMax: number, nS: number): { error: number; firstBad?: number; mine?: number } {
  let error = 0;
  let firstBad: number | undefined;
  let mine: number | undefined;
  for (let t = 0; t <= 2 * nS * CYCLES + nS; t++) {
    const got = impl(t, etaMin, etaMax, nS);
    const e = typeof got === "number" ? Math.abs(got - cyclicalEta(t, etaMin, etaMax, nS)) / etaMax : NaN;
    if (isWorse(e, error)) error = e;
    if (firstBad === undefined && !(e < CYCLICAL_ETA_TOLERANCE)) {
      firstBad = t;
      mine = got;
    }
  }
  return { error, firstBad, mine };
}

/** The hint for the first wrong step t: which half of which cycle it falls in. */
function phaseHint(t: number, nS: number): string {
  const tau = t % (2 * nS);
  if (t >= 2 * nS) return "the schedule repeats every 2·n_s steps: use the position within the cycle, τ = t mod 2n_s";
  if (tau <= nS) return "rising half (0 ≤ τ ≤ n_s): η = η_min + (τ/n_s)·(η_max − η_min)";
  return "falling half (n_s ≤ τ ≤ 2n_s): η = η_max − ((τ − n_s)/n_s)·(η_max − η_min)";
}

/**
 * Compares `impl(t, etaMin, etaMax, nS)` with the library's `cyclicalEta` for t = 0 … 7·n_s in
 * three cases (η from 1e-5 to 0.1 with n_s = 500; n_s = 7; n_s = 1). The error measured is
 * max_t |η_yours(t) − η(t)| / η_max; the message names the first wrong step, the hint its phase.
 */
export function evaluateCyclicalEta(impl: typeof cyclicalEta, opts: CheckOptions = {}): CheckResult {
  const spec: CheckSpec = { name: "cyclicalEta", measure: "max |η − η_lib|/η_max", tolerance: CYCLICAL_ETA_TOLERANCE };
  return guardedCheck(spec, opts, () => {
    let error = 0;
    let detail = "";
    let hint = "";
    for (const [etaMin, etaMax, nS] of CASES) {
      const c = compareCase(impl, etaMin, etaMax, nS);
      if (isWorse(c.error, error)) error = c.error;
      if (c.firstBad === undefined || hint !== "") continue;
      detail =
        `(first wrong at t = ${c.firstBad} with η_min = ${etaMin}, η_max = ${etaMax}, n_s = ${nS}: ` +
        `yours ${messageNumber(c.mine)}, the library ${messageNumber(cyclicalEta(c.firstBad, etaMin, etaMax, nS))})`;
      hint = phaseHint(c.firstBad, nS);
    }
    return measuredCheck(spec, opts, error, detail, hint);
  });
}
