import { strict as assert } from "assert";
import { TDT4265_DEFAULTS } from "../../../src/courses/tdt4265-a2/presets";
import {
  SEED_003_DEFAULTS,
  TDT4265_A2_BLOCKS,
  seed003Plan,
  series002Variants,
  series003Variants,
  tdt4265CoverageRows,
  tdt4265Measurements,
} from "../../../src/courses/tdt4265-a2";
import type { ConfigurationResults, ResultsDoc } from "../../../src/report/results-json";
import { coverageCounts, coverageTable } from "../../../src/report/coverage";

const READINGS = ["sum", "mean"] as const;

/** A document with every configuration of the report, three finished seeds each (accuracies near `level`). */
function fakeDoc(level: (id: string) => number): ResultsDoc {
  const variants = [
    ...series002Variants(TDT4265_DEFAULTS),
    ...READINGS.flatMap((r) => series003Variants(seed003Plan({ ...SEED_003_DEFAULTS, normalization: r }))),
  ];
  const configurations: ConfigurationResults[] = variants.map((v) => ({
    id: v.id,
    label: v.variant.label,
    section: v.section,
    config: v.variant.config,
    runs: [1, 2, 3].map((seed) => {
      const a = level(v.id) + 0.001 * seed;
      const m = { cost: 1 - a, loss: 1 - a, accuracy: a };
      return { seed, status: "completed", steps: 1000 * seed, train: m, validation: m, test: m };
    }),
  }));
  const measurements = tdt4265Measurements({ pixelMean: 33.318421449829934, pixelStd: 78.5674, gradcheckMaxAbs: [5e-8] });
  const base = { report: "tdt4265-a2", configurations, measurements, coverage: [] };
  return { ...base, coverage: tdt4265CoverageRows(base, READINGS, 15) };
}

describe("courses/tdt4265-a2/coverage: every block of seeds 002 and 003, like with like", () => {
  const doc = fakeDoc((id) => (id.includes("momentum-0.5") ? 0.9 : id.endsWith("/I@1") ? 0.95 : 0.97));

  it("every block of seed 002 has a row, every block of seed 003 one per reading; every configuration referenced exists", () => {
    const covered = doc.coverage.map((r) => r.block.id);
    for (const b of TDT4265_A2_BLOCKS) {
      const n = covered.filter((id) => id === b.id).length;
      assert.ok(b.seed === "002" ? n >= 1 : n === READINGS.length, `${b.id}: ${n} rows`);
    }
    for (const r of doc.coverage) assert.match(r.status, /^(reproduced|differs: .+|not run: .+)/, r.block.id);
    assert.equal(coverageCounts(doc.coverage)["not run"], 0, "a full document leaves nothing unrun");
  });

  it("seed 003's table rows read the test accuracy after 15 epochs of its own setup; seed 002's the validation accuracy of ours", () => {
    for (const r of doc.coverage.filter((x) => x.block.id.startsWith("003/table"))) {
      const reading = /\[(sum|mean)\]$/.exec(r.block.title)![1];
      assert.deepEqual(r.ours, { configuration: `003-${reading}/${r.block.id.split("/")[2]}@15`, split: "test", metric: "accuracy", scale: 100 });
    }
    const m = doc.coverage.find((x) => x.block.id === "003/table01/M")!;
    assert.equal(m.published!.value, 97.0, "row M's test accuracy at epoch 15");
    for (const r of doc.coverage.filter((x) => x.block.seed === "002")) {
      const q = r.ours;
      if (q && "configuration" in q) assert.ok(q.configuration.startsWith("002/"), `${r.block.id} → ${q.configuration}`);
    }
  });

  it("verdicts: counts against the seed's arithmetic, Welch for the qualitative claims, the normalization statistics", () => {
    const status = (id: string) => doc.coverage.filter((x) => x.block.id === id).map((x) => x.status);
    assert.deepEqual(status("002/task2d/parameters"), ["reproduced"]);
    assert.match(status("002/task4d/parameters")[0], /^differs: the seed's arithmetic/);
    assert.match(status("003/task4c/weights")[0], /^differs: the seed writes 764/);
    assert.deepEqual(status("002/task2a/normalization"), ["reproduced", "differs: different files"]);
    assert.match(status("003/task3d/momentumLearningRates")[0], /^reproduced: η = 0\.05 better than η = 0\.5 \(Welch p < 0\.001\)$/);
    assert.match(status("003/task3b/tanhNormalization")[0], /^differs: improved sigmoid ahead/);
    assert.match(status("003/task2b/gradcheck")[0], /^reproduced/);
    assert.match(status("003/task5/bonus")[0], /^differs: our best seed/);
    assert.equal(coverageTable(doc).split("\n").length, doc.coverage.length + 2);
  });
});
