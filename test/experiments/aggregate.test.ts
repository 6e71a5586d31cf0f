import { strict as assert } from "assert";
import { RunResult, formatMeanStd, formatSummary, groupBySeed, meanStd, withDefaults } from "../../src/experiments";
import { smallConfig } from "./fixtures";

function result(lambda: number, seed: number, testAccuracy: number, status: RunResult["status"] = "completed"): RunResult {
  const m = { cost: 1, loss: 0.9, accuracy: testAccuracy };
  return {
    config: withDefaults(smallConfig({ lambda, seed })),
    status,
    steps: 10,
    epochs: 1,
    history: [],
    untrained: { train: m, validation: m, test: m },
    ...(status === "completed" ? { final: { train: m, validation: m, test: m } } : { message: "diverged at step 3", divergedAtStep: 3 }),
    timing: { totalMs: 0, trainMs: 0, evalMs: 0, msPerStep: 0 },
    data: { fingerprint: "f", provenance: "p" },
    codeVersion: "v",
  };
}

describe("experiments/aggregate", () => {
  it("meanStd: mean and sample standard deviation (n − 1)", () => {
    const xs = [0.5, 0.52, 0.55];
    const mean = (0.5 + 0.52 + 0.55) / 3;
    const std = Math.sqrt(((0.5 - mean) ** 2 + (0.52 - mean) ** 2 + (0.55 - mean) ** 2) / 2);
    const m = meanStd(xs);
    assert.ok(Math.abs(m.mean - mean) < 1e-15 && Math.abs(m.std - std) < 1e-15 && m.n === 3);
    assert.deepEqual(meanStd([0.3]), { mean: 0.3, std: 0, n: 1 });
    assert.throws(() => meanStd([]), /no values/);
    assert.equal(formatMeanStd({ mean: 0.5321, std: 0.0045, n: 3 }, 2, 100), "53.21 ± 0.45");
    assert.equal(formatMeanStd({ mean: 0.5321, std: 0, n: 1 }, 2, 100), "53.21", "one run has no spread to show");
  });

  it("groups runs that differ only by seed, in first-appearance order, counting diverged runs apart", () => {
    const rs = [result(0.01, 1, 0.5), result(0.001, 1, 0.6), result(0.01, 2, 0.54), result(0.001, 2, 0.1, "diverged"), result(0.01, 3, 0.52)];
    const g = groupBySeed(rs);
    assert.equal(g.length, 2);
    assert.equal(g[0].config.lambda, 0.01);
    assert.deepEqual(g[0].seeds, [1, 2, 3]);
    assert.equal(g[0].finished, 3);
    assert.deepEqual(g[0].final!.test.accuracy, meanStd([0.5, 0.54, 0.52]));
    assert.deepEqual([g[1].finished, g[1].diverged, g[1].failed], [1, 1, 0]);
    assert.deepEqual(g[1].final!.test.accuracy, meanStd([0.6]));
    assert.equal("seed" in g[0].config, false);
  });

  it("the summary of a diverged run says so and shows no trained numbers", () => {
    const text = formatSummary(result(0.01, 1, 0.1, "diverged"));
    assert.match(text, /- Status: diverged \(diverged at step 3\)/);
    assert.match(text, /Test data:\n- accuracy \(untrained\): 10\.00 %\n- accuracy \(trained\): —\n- cost \(final\): —/);
  });
});
