import { Matrix } from "../tensor";

/**
 * Mini-batch gradient descent with (classical, "heavy-ball") momentum, as the TDT4265 assignment
 * writes it: v ← μ·v + η·∇J, θ ← θ − v. With μ = 0 this is plain θ ← θ − η·∇J (and no velocity
 * buffers are allocated). Velocity buffers are allocated once, at creation; `step` allocates
 * nothing and updates the parameters IN PLACE.
 */
export interface Optimizer {
  /** one update with learning rate `eta`; `grads[i]` is the gradient of `params[i]` (same shape) */
  step(grads: readonly Matrix[], eta: number): void;
  /** the velocity buffers (empty when μ = 0), for inspection in tests */
  readonly velocities: readonly Float64Array[];
}

/** An optimizer over the parameter matrices `params` (in a fixed order) with momentum μ ∈ [0, 1). */
export function createMomentumSgd(params: readonly Matrix[], mu: number): Optimizer {
  if (!(mu >= 0 && mu < 1)) throw new RangeError(`momentum: expected μ in [0, 1), got ${mu}`);
  const velocities = mu === 0 ? [] : params.map((p) => new Float64Array(p.data.length));
  return {
    velocities,
    step(grads: readonly Matrix[], eta: number): void {
      if (grads.length !== params.length) {
        throw new RangeError(`optimizer: ${grads.length} gradients for ${params.length} parameters`);
      }
      for (let i = 0; i < params.length; i++) {
        const theta = params[i].data;
        const g = grads[i].data;
        if (g.length !== theta.length) {
          throw new RangeError(`optimizer: gradient ${i} has ${g.length} entries, parameter has ${theta.length}`);
        }
        if (mu === 0) {
          for (let k = 0; k < theta.length; k++) theta[k] -= eta * g[k];
        } else {
          const v = velocities[i];
          for (let k = 0; k < theta.length; k++) {
            v[k] = mu * v[k] + eta * g[k];
            theta[k] -= v[k];
          }
        }
      }
    },
  };
}
