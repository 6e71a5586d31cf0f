import assert from "assert";
import {
  architectureSummary, bestLambda, gradientErrors, initSensitivity, lambdaSearch,
} from "../../src/figures";
import { architectureRows, gradientRows, initRows, LAMBDA_STAR, lambdaRows } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const json = (spec: unknown): any => spec;
/** The sub-layer holding its own inline data (the best mark, chance line, threshold line). */
const annotation = (spec: any): any => spec.layer.find((l: any) => l.data !== undefined);

describe("figures/lambda-search", () => {
  it("circles and labels the λ with the best validation accuracy (λ* by construction)", () => {
    const spec = json(lambdaSearch(lambdaRows(true)));
    const best = annotation(spec).data.values[0];
    assert.strictEqual(best.lambda, LAMBDA_STAR);
    assert.strictEqual(best.accuracy, 0.52);
    assert.strictEqual(best.label, "best λ = 0.005623");
    assert.strictEqual(spec.layer[0].encoding.x.scale.type, "log");
  });

  it("marks the best of another split on request, none with best: false; ties go to the first row", () => {
    const rows = lambdaRows(false);
    assert.strictEqual(annotation(json(lambdaSearch(rows, { best: "train" }))).data.values[0].lambda, 1e-5);
    assert.strictEqual(annotation(json(lambdaSearch(rows, { best: false }))), undefined);
    const tie = [{ lambda: 1e-3, split: "validation", accuracy: 0.5 }, { lambda: 1e-2, split: "validation", accuracy: 0.5 }] as const;
    assert.strictEqual(bestLambda(tie, "validation")?.lambda, 1e-3);
    assert.strictEqual(annotation(json(lambdaSearch(tie))).data.values[0].lambda, 1e-3);
  });

  it("draws ±std error bars only when rows carry std", () => {
    const rows = lambdaRows(true);
    const spec = json(lambdaSearch(rows));
    const bars = spec.layer.find((l: any) => l.mark.type === "errorbar");
    assert.ok(bars, "error-bar layer");
    spec.data.values.forEach((v: any, i: number) => {
      assert.strictEqual(v.low, rows[i].accuracy - (rows[i].std as number));
      assert.strictEqual(v.high, rows[i].accuracy + (rows[i].std as number));
    });
    assert.strictEqual(json(lambdaSearch(lambdaRows(false))).layer.find((l: any) => l.mark?.type === "errorbar"), undefined);
  });

  it("rejects λ ≤ 0 (log axis), a negative std and an unknown split", () => {
    assert.throws(() => lambdaSearch([{ lambda: 0, split: "validation", accuracy: 0.5 }]), /lambdaSearch: rows\[0\]\.lambda must be a positive finite number, got 0/);
    assert.throws(() => lambdaSearch([{ lambda: 1, split: "validation", accuracy: 0.5, std: -1 }]), /rows\[0\]\.std must be a finite number ≥ 0, got -1/);
    assert.throws(() => lambdaSearch(lambdaRows(false), { best: "dev" as never }), /option best must be one of/);
  });
});

describe("figures/init-sensitivity", () => {
  it("groups bars by σ, largest first, labeled as the assignment writes them, without/with BN", () => {
    const spec = json(initSensitivity(initRows(true), { chanceLevel: 0.1 }));
    assert.deepStrictEqual(spec.layer[0].encoding.x.sort, ["1e-1", "1e-3", "1e-4"]);
    assert.deepStrictEqual(spec.data.values.map((v: any) => [v.sigma, v.bn]), [
      ["1e-1", "without BN"], ["1e-1", "with BN"], ["1e-3", "without BN"], ["1e-3", "with BN"], ["1e-4", "without BN"], ["1e-4", "with BN"],
    ]);
    assert.strictEqual(spec.data.values[2].low, 0.45 - 0.01);
    assert.deepStrictEqual(annotation(spec).data.values, [{ accuracy: 0.1, label: "chance" }]);
  });

  it("rejects two rows for one (σ, BN) cell and a non-boolean batchNorm", () => {
    const rows = initRows(false);
    assert.throws(() => initSensitivity([...rows, rows[0]]), /rows hold σ = 1e-1 without BN twice/);
    assert.throws(() => initSensitivity([{ ...rows[0], batchNorm: "yes" as never }]), /rows\[0\]\.batchNorm must be true or false, got "yes"/);
  });
});

describe("figures/architecture-summary", () => {
  it("keeps the rows' order and draws error bars for rows with std only", () => {
    const rows = architectureRows(true);
    const spec = json(architectureSummary(rows));
    assert.deepStrictEqual(spec.layer[0].encoding.y.sort, rows.map((r) => r.label));
    assert.strictEqual(spec.data.values[3].low, null);
    assert.strictEqual(spec.data.values[0].high, rows[0].accuracy + 0.003);
    assert.strictEqual(spec.layer[1].mark.type, "rule");
    assert.throws(() => architectureSummary([rows[0], rows[0]]), /label "\(50, 50\)" appears twice/);
  });
});

describe("figures/gradient-errors", () => {
  it("plots each error on a log axis, an exact 0 at the floor, and keeps the true value for the tooltip", () => {
    const spec = json(gradientErrors(gradientRows(), { threshold: 1e-6 }));
    const zero = spec.data.values.find((v: any) => v.layer === "output");
    assert.deepStrictEqual(zero, { layer: "output", param: "b", maxRelativeError: 0, plotted: 1e-16 });
    const w1 = spec.data.values[0];
    assert.deepStrictEqual(w1, { layer: "1", param: "W", maxRelativeError: 10 ** -8.5, plotted: 10 ** -8.5 });
    assert.strictEqual(spec.layer[0].encoding.y.scale.type, "log");
    assert.deepStrictEqual(spec.layer[0].encoding.color.scale.domain, ["W", "b", "gamma", "beta"]);
    assert.deepStrictEqual(spec.layer[0].encoding.x.sort, ["1", "2", "3", "4", "output"]);
    assert.strictEqual(annotation(spec).data.values[0].label, "threshold 1e-6");
  });

  it("rejects negative or non-finite errors and a bad floor", () => {
    assert.throws(() => gradientErrors([{ layer: 1, param: "W", maxRelativeError: -1 }]), /rows\[0\]\.maxRelativeError must be a finite number ≥ 0, got -1/);
    assert.throws(() => gradientErrors([{ layer: 1, param: "W", maxRelativeError: NaN }]), /got NaN/);
    assert.throws(() => gradientErrors(gradientRows(), { floor: 0 }), /option floor must be a positive number, got 0/);
  });
});
