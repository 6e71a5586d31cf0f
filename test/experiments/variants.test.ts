import { strict as assert } from "assert";
import { bestByValidation, rankByValidation, runVariants, firstSeedCurves, Variant } from "../../src/experiments";
import { gaussianBlobs } from "../../src/experiments/synthetic-data";
import { gradCheckReportRows, GradCheckRow } from "../../src/gradcheck";
import { fakeGroup } from "./report-fixtures";
import { smallConfig } from "./fixtures";

describe("experiments/variants and the notebook helpers", () => {
  it("rankByValidation orders by mean validation accuracy, unfinished groups last; [0] is bestByValidation", () => {
    const groups = [
      fakeGroup(0.1, [[0.9, 0.5, 0.5]]),
      fakeGroup(0.2, [null]),
      fakeGroup(0.3, [[0.9, 0.7, 0.1]]),
      fakeGroup(0.4, [[0.9, 0.6, 0.9]]),
      fakeGroup(0.5, [[0.9, 0.7, 0.2]]),
    ];
    assert.deepEqual(rankByValidation(groups), [2, 4, 3, 0, 1]);
    assert.equal(rankByValidation(groups)[0], bestByValidation(groups));
  });

  it("runVariants labels each seed group by its variant; firstSeedCurves keeps the label", async () => {
    const variants: Variant[] = [
      { id: "a", label: "λ = 0.001", config: smallConfig({ lambda: 0.001 }) },
      { id: "b", label: "λ = 0.01", config: smallConfig({ lambda: 0.01 }) },
    ];
    const data = gaussianBlobs({ dims: 20, classes: 3, train: 60, validation: 20, test: 20, seed: 1 });
    const groups = await runVariants(variants, [1, 2], data, { workers: 0, cache: false });
    assert.deepEqual(
      groups.map((g) => [g.id, g.label, g.results.length]),
      [
        ["a", "λ = 0.001", 2],
        ["b", "λ = 0.01", 2],
      ],
    );
    assert.deepEqual(
      groups.map((g) => g.config.lambda),
      [0.001, 0.01],
    );
    const curves = firstSeedCurves(groups, 0.5);
    assert.deepEqual(
      curves.map((c) => c.label),
      ["λ = 0.001", "λ = 0.01"],
    );
    assert.ok(curves.every((c) => c.history.length > 0 && c.history.every((r) => r.epoch >= 0.5)));
  });

  it("gradCheckReportRows: one row per layer with the expected bound, kink skips and pass", () => {
    const row = (layer: number, param: GradCheckRow["param"], err: number, kinks = 0): GradCheckRow => ({
      layer,
      param,
      shape: [5, 3],
      maxRelativeError: err,
      maxAbsoluteError: err,
      kinkCrossings: kinks,
      pass: err < 1e-6,
    });
    const rows = gradCheckReportRows([row(0, "W", 2e-9, 1), row(0, "b", 3e-10), row(1, "W", 5e-6)], 1e-6);
    assert.deepEqual(rows[0], {
      "Layer #": "1",
      "Number of nodes": "5",
      "Relative error W": "2.0e-9",
      "Relative error b": "3.0e-10",
      "Relative error γ": "–",
      "Relative error β": "–",
      Expected: "< 1e-6",
      "Kink entries skipped": "1",
      Pass: "yes",
    });
    assert.equal(rows[1].Pass, "NO");
  });
});
