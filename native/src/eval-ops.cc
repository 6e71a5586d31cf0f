// Element-wise passes of the evaluation forward pass, compiled for the baseline CPU with
// -ffp-contract=off: every operation is the JavaScript one, so the bits are the same on every path.
#include "eval-ops.h"

namespace nnbook {

bool biasBnRelu(double* S, long m, long n, const double* bias, const double* mu, const double* inv, const double* gamma,
                const double* beta) {
  double bad = 0;
  for (long j = 0; j < n; j++) {
    double* col = S + j * m;
    for (long i = 0; i < m; i++) {
      const double s = col[i] + bias[i];
      bad += s - s;  // 0, or NaN once some s is NaN or ±∞
      const double v = gamma[i] * ((s - mu[i]) * inv[i]) + beta[i];
      col[i] = v > 0.0 ? v : (v != v ? v : 0.0);  // Math.max(v, 0)
    }
  }
  return bad == 0;
}

}  // namespace nnbook
