import { strict as assert } from "assert";
import { PublishedEntry, accuracyEntry, reproductionRows, reproductionSummary, runSeedGroups, seedGroupRows } from "../../src/experiments";
import { gaussianBlobs } from "../../src/experiments/synthetic-data";
import { fakeGroup, testOnly } from "./report-fixtures";
import { smallConfig } from "./fixtures";

const two: PublishedEntry = {
  quantity: "testAccuracy",
  values: [
    { source: "first", value: 53.36 },
    { source: "second", value: 52.57, note: "3 cycles" },
  ],
};

describe("experiments/reproduction: our numbers beside the published ones", () => {
  it("rows: ours as mean ± std (n), both published values, ours − published in points, notes", () => {
    const group = testOnly(0.1, [0.53, 0.54, 0.55]); // 54.00 ± 1.00 %
    const [row] = reproductionRows([accuracyEntry("3-layer", group, two, "our note")]);
    assert.deepEqual(row, {
      Configuration: "3-layer",
      Ours: "54.00 ± 1.00 % (n = 3)",
      Published: "53.36 (first), 52.57 (second)",
      "Ours − published": `+${(54 - 53.36).toFixed(2)} pts (first), +${(54 - 52.57).toFixed(2)} pts (second)`,
      Note: "our note; second report: 3 cycles",
    });
    const [lower] = reproductionRows([accuracyEntry("x", testOnly(0.1, [0.5, 0.5]), two)]);
    assert.equal(lower["Ours − published"], `−${(53.36 - 50).toFixed(2)} pts (first), −${(52.57 - 50).toFixed(2)} pts (second)`);
  });

  it("λ rows give the ratio ours / published; a group without finished runs shows dashes", () => {
    const [lambda, lost] = reproductionRows([
      {
        label: "best λ",
        ours: { mean: 0.004, std: 0, n: 1 },
        published: {
          quantity: "lambda",
          values: [
            { source: "first", value: 0.005623 },
            { source: "second", value: 0.0041 },
          ],
        },
      },
      accuracyEntry("lost", fakeGroup(0.1, [null]), two),
    ]);
    assert.equal(lambda.Ours, "λ = 0.004");
    assert.equal(lambda["Ours − published"], `×${(0.004 / 0.005623).toFixed(2)} (first), ×${(0.004 / 0.0041).toFixed(2)} (second)`);
    assert.equal(lost.Ours, "— (no finished run)");
    assert.equal(lost["Ours − published"], "—");
  });

  it("summary lists entries further than the threshold from every published value", () => {
    const near = accuracyEntry("near", testOnly(0.1, [0.52]), two); // 1.36 / 0.57 away
    const far = accuracyEntry("far", testOnly(0.2, [0.45]), two); // 8.36 / 7.57 away
    assert.equal(reproductionSummary([near]), "All 1 of our test accuracies lie within 2 points of at least one published number.");
    assert.equal(
      reproductionSummary([near, far]),
      `1 of 2 test accuracies differ by more than 2 points from every published number: far (−${(52.57 - 45).toFixed(2)} pts from the nearest, 52.57).`,
    );
  });

  it("seedGroupRows: mean ± std per split (the mean alone for one finished run), runs finished, best VALIDATION row marked", () => {
    const rows = seedGroupRows(
      [
        fakeGroup(0.1, [
          [0.6, 0.5, 0.7],
          [0.6, 0.5, 0.7],
        ]),
        fakeGroup(0.2, [[0.6, 0.54, 0.4], null]),
      ],
      ["a", "b"],
      { labelHeader: "λ", markBest: true },
    );
    assert.deepEqual(rows[1], {
      λ: "b",
      Runs: "1 of 2 (1 diverged)",
      "Training acc.": "60.00 %",
      "Validation acc.": "54.00 %",
      "Test acc.": "40.00 %",
      Selected: "◀ best (validation)",
    });
    assert.equal(rows[0].Selected, "");
    assert.equal(rows[0]["Test acc."], "70.00 ± 0.00 %", "two equal runs: a spread of 0, shown");
    assert.throws(() => seedGroupRows([], ["x"]), /1 labels for 0 groups/);
  });

  it("runSeedGroups: one group per config in config order, each over every seed", async () => {
    const data = gaussianBlobs({ dims: 20, classes: 3, train: 60, validation: 20, test: 20, seed: 5 });
    const configs = [smallConfig({ lambda: 0.01 }), smallConfig({ lambda: 0.001 })];
    const groups = await runSeedGroups(configs, [4, 7], data, { workers: 0, cache: false, progress: false });
    assert.deepEqual(
      groups.map((g) => g.config.lambda),
      [0.01, 0.001],
    );
    assert.deepEqual(
      groups.map((g) => g.seeds),
      [
        [4, 7],
        [4, 7],
      ],
    );
    let told = -1;
    await runSeedGroups(configs.slice(0, 1), [1, 2, 3], data, {
      workers: 0,
      cache: false,
      progress: (runs) => ((told = runs), { update: () => undefined, stop: () => undefined }),
    });
    assert.equal(told, 3);
    await assert.rejects(runSeedGroups([configs[0], configs[0]], [1], data, { workers: 0, cache: false, progress: false }), /2 configs gave 1 groups/);
  });
});
