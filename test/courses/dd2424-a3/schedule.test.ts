import { strict as assert } from "assert";
import { DD2424_A3_NETWORKS, dd2424Config, networkLabel, withCycles } from "../../../src/courses/dd2424-a3";
import { validateConfig } from "../../../src/experiments";

describe("courses/dd2424-a3/schedule: the assignment's networks and base config", () => {
  const schedule = { nS: 2250, cycles: 2, evalTimes: 10, validationSize: 5000 };

  it("base config: 3-layer (50, 50), He, λ = 0.005, batch 100, cyclical 1e-5 … 1e-1, n_s and cycles as given", () => {
    const c = validateConfig(dd2424Config(schedule));
    assert.deepEqual(c.hidden, [50, 50]);
    assert.deepEqual([c.batchNorm, c.init.kind, c.lambda, c.batchSize, c.shuffle, c.seed], ["off", "he", 0.005, 100, false, 1]);
    assert.deepEqual(c.schedule, { kind: "cyclical", etaMin: 1e-5, etaMax: 1e-1, stepSize: 2250, cycles: 2 });
    assert.deepEqual(c.evaluation, { per: "cycle", times: 10 });
    assert.deepEqual(c.data, { name: "cifar10", options: { validationSize: 5000 } });
  });

  it("overrides replace fields; trainSubset goes into the evaluation spec; withCycles changes only the cycles", () => {
    const c = dd2424Config({ ...schedule, trainSubset: 10000 }, { hidden: [8], batchNorm: "before", seed: 3 });
    assert.deepEqual([c.hidden, c.batchNorm, c.seed, c.evaluation.trainSubset], [[8], "before", 3, 10000]);
    const three = withCycles(c, 3);
    assert.deepEqual(three.schedule, { ...c.schedule, cycles: 3 });
    assert.deepEqual({ ...three, schedule: c.schedule }, c);
    assert.throws(() => withCycles({ ...c, schedule: { kind: "constant", eta: 0.1 } }, 3), /not "cyclical"/);
  });

  it("networks: layer counts as the reports name them (hidden layers + output layer)", () => {
    assert.equal(networkLabel(DD2424_A3_NETWORKS.nineLayer), "9-layer (50, 30, 20, 20, 10, 10, 10, 10)");
    assert.match(networkLabel(DD2424_A3_NETWORKS.fourLayer), /^4-layer/);
    assert.match(networkLabel(DD2424_A3_NETWORKS.twelveLayer), /^12-layer \(120, 110, .*, 20\)$/);
    assert.deepEqual(
      DD2424_A3_NETWORKS.twelveLayer,
      Array.from({ length: 11 }, (_, i) => 120 - 10 * i),
    );
  });
});
