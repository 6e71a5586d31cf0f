import { strict as assert } from "assert";
import { createRng } from "../../src/tensor";
import { BatchNormPlacement, MlpStats, initMlp, mlpForward, mlpBackward, paramEntries, gradEntries, evaluateMlp, createWorkspace } from "../../src/model";
import { smallSpec, tinySet } from "./fixtures";

describe("model: a tiny net overfits a tiny synthetic set", () => {
  // 40 random points in 8-D with random labels out of 3: only memorization fits them
  const { X, y } = tinySet(8, 40, 3, "overfit");

  for (const batchNorm of ["off", "before", "after"] as BatchNormPlacement[]) {
    it(`reaches 100 % training accuracy (eval mode, moving averages) with BN ${batchNorm}, plain full-batch gradient descent`, () => {
      const spec = smallSpec({ inputSize: 8, hidden: [40], outputSize: 3, batchNorm });
      const { params, stats: s0 } = initMlp(spec, createRng("overfit-init"));
      const workspace = createWorkspace(spec, 40);
      let stats: MlpStats = s0;
      let accuracy = 0;
      let step = 0;
      // full batch, so that the moving averages converge to the statistics eval mode needs
      for (; step < 3000 && accuracy < 1; step++) {
        const f = mlpForward(params, X, { mode: "train", stats, workspace });
        const grads = gradEntries(mlpBackward(params, f.cache, y, 0, { workspace }));
        paramEntries(params).forEach((e, i) => {
          for (let k = 0; k < e.value.data.length; k++) e.value.data[k] -= 0.2 * grads[i].value.data[k];
        });
        stats = f.nextStats;
        if (step % 50 === 49) accuracy = evaluateMlp(params, stats, X, y, 0).accuracy;
      }
      assert.equal(accuracy, 1, `BN ${batchNorm}: training accuracy ${accuracy} after ${step} steps`);
    });
  }
});
