// Element-wise passes of the evaluation forward pass that are worth native code (see eval-ops.cc).
#ifndef NNBOOK_EVAL_OPS_H
#define NNBOOK_EVAL_OPS_H

namespace nnbook {

/**
 * S ← max(γ·((S + b − μ)·inv) + β, 0) on the column-major m × n matrix S, in place, with one
 * b, μ, inv, γ, β per row: the operations of src/model/infer.ts's `biasBnRelu` in the same
 * order (each rounded; no FMA), max as JavaScript's Math.max(v, 0) (NaN stays NaN, −0 becomes +0;
 * a NaN's payload is not fixed, as it is not in V8, whose interpreter and optimized code give
 * different NaN bits for Math.max(NaN, 0)).
 * Returns false if some S + b is NaN or ±∞.
 */
bool biasBnRelu(double* S, long m, long n, const double* bias, const double* mu, const double* inv, const double* gamma,
                const double* beta);

}  // namespace nnbook

#endif
