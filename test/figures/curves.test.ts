import assert from "assert";
import {
  compareCurves, figureConfig, FIGURE_FONT, learningCurves, learningRateSchedule, SPLIT_COLORS, type CurveRow,
} from "../../src/figures";
import { curveRows, cyclicEta } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const json = (spec: unknown): any => spec;

describe("figures/learning-curves", () => {
  it("draws one panel per metric, left to right, over the chosen x field", () => {
    const h = curveRows(300, 100, ["training", "validation"]);
    const all = json(learningCurves(h));
    assert.deepStrictEqual(all.hconcat.map((p: any) => p.layer[0].encoding.y.field), ["cost", "loss", "accuracy"]);
    assert.deepStrictEqual(all.hconcat.map((p: any) => p.layer[0].encoding.x.field), ["step", "step", "step"]);
    const two = json(learningCurves(h, { metrics: ["loss", "accuracy"], x: "epoch" }));
    assert.deepStrictEqual(two.hconcat.map((p: any) => [p.layer[0].encoding.x.field, p.layer[0].encoding.y.field]), [["epoch", "loss"], ["epoch", "accuracy"]]);
    assert.deepStrictEqual(Object.keys(two.data.values[0]).sort(), ["accuracy", "epoch", "loss", "split"]);
  });

  it("keeps the chosen splits only, colors them with the theme, and labels \"train\" as training", () => {
    const h = curveRows(200, 100, ["train", "validation", "test"]);
    const spec = json(learningCurves(h));
    assert.strictEqual(spec.data.values.length, (h.length / 3) * 2);
    assert.deepStrictEqual([...new Set(spec.data.values.map((v: any) => v.split))], ["training", "validation"]);
    const color = spec.hconcat[0].layer[0].encoding.color;
    assert.deepStrictEqual(color.scale, { domain: ["training", "validation"], range: [SPLIT_COLORS.training, SPLIT_COLORS.validation] });
    const withTest = json(learningCurves(h, { splits: ["test", "training"] }));
    assert.deepStrictEqual(withTest.hconcat[0].layer[0].encoding.color.scale.domain, ["test", "training"]);
  });

  it("copies the plotted values, turning non-finite values (a diverged run) into gaps (null)", () => {
    const h: CurveRow[] = [
      { step: 0, epoch: 0, split: "training", cost: 2.5, loss: 2.3, accuracy: 0.1, eta: 1e-5 },
      { step: 10, epoch: 0.5, split: "training", cost: NaN, loss: Infinity, accuracy: 0.1, eta: 1e-3 },
    ];
    const values = json(learningCurves(h)).data.values;
    assert.deepStrictEqual(values, [
      { step: 0, split: "training", cost: 2.5, loss: 2.3, accuracy: 0.1 },
      { step: 10, split: "training", cost: null, loss: null, accuracy: 0.1 },
    ]);
    assert.notStrictEqual(values[0], h[0]);
    assert.strictEqual(json(learningCurves(h)).hconcat[0].layer[0].mark.invalid, "break-paths-filter-domains", "nulls break the line");
  });

  it("gives errors that name the record, field and value", () => {
    const h = curveRows(100, 100, ["training"]);
    const bad = (patch: object) => [h[0], { ...h[1], ...patch }] as CurveRow[];
    assert.throws(() => learningCurves(bad({ split: "val" })), /learningCurves: history\[1\]\.split must be one of .*got "val"/);
    assert.throws(() => learningCurves(bad({ loss: "0.3" })), /history\[1\]\.loss must be a number, got "0\.3"/);
    assert.throws(() => learningCurves(bad({ step: NaN })), /history\[1\]\.step must be a finite number, got NaN/);
    assert.throws(() => learningCurves([]), /learningCurves: history is empty/);
    assert.throws(() => learningCurves(h, { splits: ["validation"] }), /history has no rows for splits validation/);
    assert.throws(() => learningCurves(h, { metrics: ["loss", "loss"] }), /option metrics must be a non-empty list of distinct/);
    assert.throws(() => learningCurves(h, { metrics: ["err" as never] }), /option metrics/);
    assert.throws(() => learningCurves(h, { x: "time" as never }), /option x must be "step" or "epoch", got time/);
    assert.throws(() => learningCurves(h, { width: -5 }), /option width must be a positive number, got -5/);
  });
});

describe("figures/compare-curves", () => {
  const runs = [
    { label: "baseline", history: curveRows(300, 100, ["training", "validation"]) },
    { label: "shuffling", history: curveRows(300, 100, ["train", "validation"], 0.1) },
  ];

  it("puts every run's rows of one split in one chart, legend in the runs' order", () => {
    const spec = json(compareCurves(runs, "accuracy", "training"));
    assert.strictEqual(spec.data.values.length, 4 + 4);
    assert.deepStrictEqual(spec.data.values.map((v: any) => v.run), ["baseline", "baseline", "baseline", "baseline",
      "shuffling", "shuffling", "shuffling", "shuffling"]);
    assert.deepStrictEqual(spec.data.values[5], { run: "shuffling", step: 100, accuracy: runs[1].history[2].accuracy });
    assert.deepStrictEqual(spec.layer[0].encoding.color.scale.domain, ["baseline", "shuffling"]);
    assert.strictEqual(spec.layer[0].encoding.y.title, "Accuracy (training)");
  });

  it("rejects duplicate labels, a run without rows of the split and a bad metric", () => {
    assert.throws(() => compareCurves([runs[0], runs[0]], "loss", "validation"), /run label "baseline" appears twice/);
    assert.throws(() => compareCurves(runs, "loss", "test"), /compareCurves: runs\[0\] \("baseline"\) has no test rows/);
    assert.throws(() => compareCurves(runs, "error" as never, "test"), /compareCurves: option metric/);
    assert.throws(() => compareCurves([{ label: "", history: [] }], "loss", "test"), /runs\[0\]\.label must be a non-empty string/);
  });
});

describe("figures/learning-rate-schedule", () => {
  it("takes history rows as is: one point per step, sorted, η as given", () => {
    const h = curveRows(500, 50, ["validation", "training"]).reverse();
    const values = json(learningRateSchedule(h)).data.values;
    assert.deepStrictEqual(values, Array.from({ length: 11 }, (_, k) => ({ step: 50 * k, eta: cyclicEta(50 * k, 250) })));
  });

  it("rejects two different η at one step and η ≤ 0 on a log axis", () => {
    assert.throws(() => learningRateSchedule([{ step: 1, eta: 0.1 }, { step: 1, eta: 0.2 }]), /rows\[1\] gives eta 0\.2 at step 1, an earlier row gave 0\.1/);
    assert.throws(() => learningRateSchedule([{ step: 1, eta: 0 }], { logScale: true }), /logScale needs eta > 0, got 0 at step 1/);
  });
});

describe("figures/theme", () => {
  it("sets the bundled font everywhere and returns a fresh config object per call", () => {
    const a = figureConfig();
    assert.strictEqual(a.font, FIGURE_FONT);
    assert.strictEqual(FIGURE_FONT, "DejaVu Sans");
    (a.axis as { labelFontSize?: number }).labelFontSize = 99;
    assert.notStrictEqual(figureConfig().axis?.labelFontSize, 99);
    const spec = json(learningCurves(curveRows(100, 100, ["training"])));
    assert.strictEqual(spec.config.font, "DejaVu Sans");
    assert.strictEqual(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
  });
});
