/**
 * Self-checks of a student's BatchNorm forward pass (against the library's, field by field) and
 * backward pass (against centered differences of the library's forward pass, float64).
 */
import { clone, createRng, Matrix, zeros } from "../tensor";
import { batchnormForward, batchnormBackward, BatchnormOptions, BnStats } from "../layers/batchnorm";
import { compareGradients, DEFAULT_GRADCHECK_FLOOR } from "../gradcheck/relative-error";
import { numericalGradient } from "../gradcheck/numerical";
import { CheckOptions, CheckResult, CheckSpec, failedCheck, guardedCheck, isWorse, measuredCheck, requireShape } from "./check-result";

/** m features × n samples: small enough to difference, big enough to catch missing terms. */
const M = 4;
const N = 6;
/** Forward passes must agree with the library to rounding (different summation orders). */
export const BN_FORWARD_TOLERANCE = 1e-9;
/** Backward passes must agree with centered differences (h = 1e-5) to this relative error. */
export const BN_BACKWARD_TOLERANCE = 1e-6;

/** A random BatchNorm problem: S (M × N, offset rows), γ, β, moving averages, upstream G. */
function bnProblem(seed: string): { S: Matrix; gamma: Matrix; beta: Matrix; stats: BnStats; G: Matrix } {
  const rng = createRng(seed);
  const fill = (rows: number, cols: number, f: (i: number) => number): Matrix => {
    const out = zeros(rows, cols);
    for (let k = 0; k < out.data.length; k++) out.data[k] = f(k % rows);
    return out;
  };
  return {
    S: fill(M, N, (i) => 2 * i - 3 + (1 + i) * rng.normal()),
    gamma: fill(M, 1, () => 1 + 0.5 * rng.normal()),
    beta: fill(M, 1, () => rng.normal()),
    stats: { muAv: fill(M, 1, () => rng.normal()), vAv: fill(M, 1, () => 0.5 + rng.uniform()) },
    G: fill(M, N, () => rng.normal()),
  };
}

const FORWARD_HINTS: Record<string, string> = {
  out: "out = γ ⊙ SHat + β, with SHat = (S − μ)/√(v + ε); μ and v are per feature (row), over the n samples (columns)",
  SHat: "cache.SHat = (S − μ)/√(v + ε), entry (i, j) at data[i + j·m]",
  mu: "cache.mu: the mean of each row of S (each feature over the batch)",
  v: "cache.v: the biased variance of each row (divide by n, not n − 1)",
  invStd: "cache.invStd = 1/√(v + ε) with ε = opts.eps",
  muAv: "nextStats.muAv = α·muAv + (1 − α)·μ with α = opts.alpha (a new matrix: never change opts.stats)",
  vAv: "nextStats.vAv = α·vAv + (1 − α)·v with α = opts.alpha (a new matrix: never change opts.stats)",
  evalOut: "in eval mode normalize with the moving averages opts.stats.muAv and opts.stats.vAv, not the batch statistics",
};

type Forward = typeof batchnormForward;

/** Largest floored relative difference over named (yours, library's) pairs, and where. */
function worstField(pairs: readonly [string, Matrix | undefined, Matrix][], what: string): { error: number; field: string } {
  let worst = { error: -1, field: "" };
  for (const [field, mine, lib] of pairs) {
    requireShape(`${what}: ${field === "evalOut" ? "out (eval mode)" : field}`, mine, lib.rows, lib.cols);
    const { maxRelativeError } = compareGradients(mine!, lib, 1e-6);
    if (isWorse(maxRelativeError, worst.error)) worst = { error: maxRelativeError, field };
  }
  return worst;
}

/**
 * Compares `impl` (same signature as `batchnormForward`) with the library on a random 4 × 6
 * problem, α = 0.8, ε = 1e-3: train mode out, cache (SHat, mu, v, invStd) and nextStats; eval
 * mode out. Fails when any differs by more than BN_FORWARD_TOLERANCE (floored relative) or when
 * `opts.stats` or S is modified.
 */
export function evaluateBatchnormForward(impl: Forward, opts: CheckOptions = {}): CheckResult {
  const spec: CheckSpec = { name: "batchnormForward", measure: "max relative difference from the library", tolerance: BN_FORWARD_TOLERANCE };
  return guardedCheck(spec, opts, () => {
    const p = bnProblem("teaching/batchnormForward");
    const before = [p.S, p.stats.muAv, p.stats.vAv].map(clone);
    const options = (mode: "train" | "eval"): BatchnormOptions => ({ mode, stats: p.stats, alpha: 0.8, eps: 1e-3 });
    const lib = batchnormForward(p.S, p.gamma, p.beta, options("train"));
    const libEval = batchnormForward(p.S, p.gamma, p.beta, options("eval"));
    const mine = impl(p.S, p.gamma, p.beta, options("train"));
    const mineEval = impl(p.S, p.gamma, p.beta, options("eval"));
    const changed = [p.S, p.stats.muAv, p.stats.vAv].findIndex((m, k) => m.data.some((x, i) => x !== before[k].data[i]));
    if (changed >= 0) {
      const what = ["S", "opts.stats.muAv", "opts.stats.vAv"][changed];
      return failedCheck(
        spec,
        opts,
        `your batchnormForward modified its input ${what}`,
        "BatchNorm is pure: write into new matrices (zeros(m, n)) and return them",
      );
    }
    const c = mine?.cache;
    const worst = worstField(
      [
        ["out", mine?.out, lib.out],
        ["SHat", c?.SHat, lib.cache.SHat],
        ["mu", c?.mu, lib.cache.mu],
        ["v", c?.v, lib.cache.v],
        ["invStd", c?.invStd, lib.cache.invStd],
        ["muAv", mine?.nextStats?.muAv, lib.nextStats.muAv],
        ["vAv", mine?.nextStats?.vAv, lib.nextStats.vAv],
        ["evalOut", mineEval?.out, libEval.out],
      ],
      spec.name,
    );
    const where = worst.field === "evalOut" ? "in out (eval mode)" : `in ${worst.field}`;
    return measuredCheck(spec, opts, worst.error, where, FORWARD_HINTS[worst.field] ?? "");
  });
}

const BACKWARD_HINTS: Record<string, string> = {
  dBeta: "dBeta = Σ_j dOut(:, j), the row sums of dOut",
  dGamma: "dGamma = Σ_j dOut(:, j) ⊙ SHat(:, j)",
  dS: "dS = γ ⊙ invStd ⊙ (dOut − mean_j(dOut) − SHat ⊙ mean_j(dOut ⊙ SHat)); μ and v depend on S too, so both mean terms are needed",
};

/**
 * Numerical gradient check of `impl` (same signature as `batchnormBackward`) in train mode: for
 * the loss L = Σ G ⊙ batchnormForward(S, γ, β).out on a random 4 × 6 problem, dOut = G, and dS,
 * dGamma, dBeta are compared with centered differences (h = 1e-5) of L through the library's
 * forward pass. Passes when the max relative error (floored at DEFAULT_GRADCHECK_FLOOR) is below
 * BN_BACKWARD_TOLERANCE.
 */
export function evaluateBatchnormBackward(impl: typeof batchnormBackward, opts: CheckOptions = {}): CheckResult {
  const spec: CheckSpec = { name: "batchnormBackward", measure: "max relative error vs. the numerical gradient", tolerance: BN_BACKWARD_TOLERANCE };
  return guardedCheck(spec, opts, () => {
    const p = bnProblem("teaching/batchnormBackward");
    const train = (): BatchnormOptions => ({ mode: "train", stats: p.stats });
    const loss = (): number => {
      const out = batchnormForward(p.S, p.gamma, p.beta, train()).out.data;
      let sum = 0;
      for (let k = 0; k < out.length; k++) sum += p.G.data[k] * out[k];
      return sum;
    };
    const { cache } = batchnormForward(p.S, p.gamma, p.beta, train());
    const mine = impl(clone(p.G), cache);
    const numeric = { dS: numericalGradient(loss, p.S, 1e-5), dGamma: numericalGradient(loss, p.gamma, 1e-5), dBeta: numericalGradient(loss, p.beta, 1e-5) };
    let worst = { error: -1, field: "" };
    for (const field of ["dS", "dGamma", "dBeta"] as const) {
      requireShape(`${spec.name}: ${field}`, mine?.[field], numeric[field].rows, numeric[field].cols);
      const { maxRelativeError } = compareGradients(mine[field], numeric[field], DEFAULT_GRADCHECK_FLOOR);
      if (isWorse(maxRelativeError, worst.error)) worst = { error: maxRelativeError, field };
    }
    return measuredCheck(spec, opts, worst.error, `in ${worst.field}`, BACKWARD_HINTS[worst.field] ?? "");
  });
}
