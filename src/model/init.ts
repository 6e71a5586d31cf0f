import { Matrix, Rng, zeros, filled } from "../tensor";
import { BnStats } from "../layers/batchnorm";
import { InitSpec, MlpSpec, layerSizes, validateSpec, hasBatchNorm } from "./spec";
import { LayerParams, MlpParams, MlpStats } from "./params";

/** The standard deviation of layer weights for `init` (see `InitSpec`). */
export function initStd(init: InitSpec, fanIn: number, fanOut: number): number {
  switch (init.kind) {
    case "he":
      return Math.sqrt(2 / fanIn);
    case "xavier":
      return Math.sqrt(2 / (fanIn + fanOut));
    case "normal":
      return init.sigma;
    case "fanIn":
      return 1 / Math.sqrt(fanIn);
  }
}

/** An m × d matrix of normal(0, σ²) draws, in column-major order. */
function normalMatrix(m: number, d: number, sigma: number, rng: Rng): Matrix {
  const W = zeros(m, d);
  for (let k = 0; k < W.data.length; k++) W.data[k] = sigma * rng.normal();
  return W;
}

/**
 * Initial parameters and BN statistics. W_l (m × d) ~ normal(0, σ_l²) drawn layer by layer in
 * column-major order from `rng`; b = 0; γ = 1, β = 0 and moving averages muAv = 0, vAv = 1 on
 * every hidden layer when BN is on. Validates `spec` first (clear errors).
 */
export function initMlp(spec: MlpSpec, rng: Rng): { params: MlpParams; stats: MlpStats } {
  validateSpec(spec);
  const sizes = layerSizes(spec);
  const layers: LayerParams[] = [];
  const stats: BnStats[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const d = sizes[l];
    const m = sizes[l + 1];
    const W = normalMatrix(m, d, initStd(spec.init, d, m), rng);
    const b = zeros(m, 1);
    if (hasBatchNorm(spec, l)) {
      layers.push({ W, b, gamma: filled(m, 1, 1), beta: zeros(m, 1) });
      stats.push({ muAv: zeros(m, 1), vAv: filled(m, 1, 1) });
    } else {
      layers.push({ W, b });
    }
  }
  return { params: { spec, layers }, stats };
}
