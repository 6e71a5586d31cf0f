import { Matrix } from "../tensor";
import { crossEntropyLoss, l2Penalty } from "../layers/softmax-ce";
import { MlpParams } from "./params";

/** The loss and the cost of one forward pass. */
export interface CostParts {
  /** mean cross-entropy */
  readonly loss: number;
  /** loss + λ·Σ‖W‖² */
  readonly cost: number;
}

/** Loss and cost J = loss + λ·Σ_l ‖W_l‖² for probabilities P: K × n and labels y (n). */
export function mlpCost(params: MlpParams, P: Matrix, y: Int32Array, lambda: number): CostParts {
  const loss = crossEntropyLoss(P, y);
  return {
    loss,
    cost:
      loss +
      l2Penalty(
        params.layers.map((p) => p.W),
        lambda,
      ),
  };
}
