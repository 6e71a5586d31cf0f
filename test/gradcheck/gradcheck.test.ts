import { strict as assert } from "assert";
import { createRng, fromRows, map, zeros } from "../../src/tensor";
import { ACTIVATION_NAMES, ActivationName, activationBackward, batchnormBackward } from "../../src/layers";
import { MlpSpec, BatchNormPlacement, initMlp, paramEntries, cloneMlpParams } from "../../src/model";
import {
  GradCheckRow,
  gradientCheck,
  reducedProblem,
  numericalGradient,
  gradRelativeError,
  DEFAULT_GRADCHECK_FLOOR,
  gradCheckTable,
  gradCheckTableCells,
  GRADCHECK_TABLE_HEADER,
} from "../../src/gradcheck";
import { assertSameBytes } from "../layers/helpers";

const LAMBDA = 0.01;
const { X, y } = reducedProblem(); // the reports' reduced problem: d = 10, n = 20, seed "gradcheck"

function spec(hidden: number[], batchNorm: BatchNormPlacement, name: ActivationName, over: Partial<MlpSpec> = {}): MlpSpec {
  return { inputSize: 10, hidden, outputSize: 10, activation: { name }, batchNorm, init: { kind: "he" }, ...over };
}

/** Runs the check and asserts every row passes; kink crossings (ReLU family) must stay rare. */
function checkAll(s: MlpSpec, lambda = LAMBDA): GradCheckRow[] {
  const { params, stats } = initMlp(s, createRng("gradcheck-init"));
  const rows = gradientCheck(params, stats, X, y, lambda);
  const entries = rows.reduce((t, r) => t + r.shape[0] * r.shape[1], 0);
  const crossings = rows.reduce((t, r) => t + r.kinkCrossings, 0);
  for (const r of rows) {
    const what = `[${s.hidden}] BN ${s.batchNorm} ${s.activation.name}: layer ${r.layer} ${r.param}`;
    assert.ok(r.maxRelativeError < 1e-6, `${what}: max relative error ${r.maxRelativeError}`);
    assert.ok(r.pass, `${what}: pass`);
  }
  assert.ok(crossings <= 0.01 * entries, `${crossings} of ${entries} entries straddle a kink`);
  return rows;
}

describe("gradcheck: analytic vs numerical gradients (every max relative error < 1e-6)", function () {
  this.timeout(300000);
  const archs = [[50], [50, 50], [50, 50, 50], [50, 30, 20, 20, 10, 10, 10, 10]];

  for (const hidden of archs) {
    for (const bn of ["off", "before", "after"] as const) {
      it(`${hidden.length + 1}-layer net [${hidden}], BN ${bn}, ReLU, λ = ${LAMBDA}`, () => {
        const rows = checkAll(spec(hidden, bn, "relu"));
        const L = hidden.length + 1;
        const per = bn === "off" ? 2 : 4;
        assert.equal(rows.length, (L - 1) * per + 2, "one row per W, b (γ, β) of every layer");
      });
    }
  }

  for (const name of ACTIVATION_NAMES.filter((a) => a !== "relu")) {
    for (const bn of ["off", "before", "after"] as const) {
      it(`3-layer net [50, 50], BN ${bn}, ${name}, λ = ${LAMBDA}`, () => {
        const rows = checkAll(spec([50, 50], bn, name));
        if (name !== "leakyRelu" && name !== "elu")
          assert.ok(
            rows.every((r) => r.kinkCrossings === 0),
            "smooth: no kinks",
          );
      });
    }
  }

  it("dropout (fixed mask), TDT4265 biases and λ = 0 also pass", () => {
    checkAll(spec([50], "before", "tanh", { dropout: 0.4 }));
    const rows = checkAll(spec([20, 20], "off", "improvedSigmoid", { biases: "firstLayer" }), 0);
    assert.deepEqual(
      rows.map((r) => `${r.layer}${r.param}`),
      ["0W", "0b", "1W", "2W"],
    );
  });

  it("fails on wrong gradients: a derivative off by 0.1 %, or BN backward treating batch statistics as constants", () => {
    const { params, stats } = initMlp(spec([20], "before", "tanh"), createRng("gradcheck-init"));
    assert.ok(
      gradientCheck(params, stats, X, y, LAMBDA).every((r) => r.pass),
      "control: the library passes",
    );
    const scaled = gradientCheck(params, stats, X, y, LAMBDA, {
      impl: { activationBackward: (dOut, cache, out) => map(activationBackward(dOut, cache, out), (v) => 1.001 * v) },
    });
    const w0 = scaled.find((r) => r.layer === 0 && r.param === "W")!;
    assert.ok(!w0.pass && w0.maxRelativeError > 1e-4, `scaled derivative: layer 0 W error ${w0.maxRelativeError}`);
    const constantStats = gradientCheck(params, stats, X, y, LAMBDA, {
      impl: { batchnormBackward: (dOut, cache, out) => batchnormBackward(dOut, { ...cache, mode: "eval" }, out) },
    });
    assert.ok(
      constantStats.some((r) => !r.pass && r.maxRelativeError > 1e-3),
      "BN without the mean/variance terms",
    );
  });

  it("leaves the parameters exactly as they were", () => {
    const { params, stats } = initMlp(spec([20], "before", "relu"), createRng(1));
    const before = cloneMlpParams(params);
    gradientCheck(params, stats, X, y, LAMBDA);
    paramEntries(params).forEach((e, i) => assertSameBytes(e.value.data, paramEntries(before)[i].value.data, `${e.layer} ${e.name}`));
  });
});

describe("gradcheck: building blocks", () => {
  it("gradRelativeError is |a − n| / max(floor, |a| + |n|)", () => {
    assert.equal(gradRelativeError(1, 1.1, 1e-4), Math.abs(1 - 1.1) / 2.1);
    assert.equal(gradRelativeError(0, 1e-12, 1e-4), 1e-12 / 1e-4);
    assert.equal(gradRelativeError(0, 1e-12), 1e-12 / DEFAULT_GRADCHECK_FLOOR);
  });

  it("numericalGradient: centered differences of Σ sin(x) give cos(x); x is restored exactly", () => {
    const x = fromRows([
      [0.1, -1.3],
      [2.0, 0.7],
    ]);
    const saved = x.data.slice();
    const f = (): number => x.data.reduce((s, v) => s + Math.sin(v), 0);
    const g = numericalGradient(f, x, 1e-5);
    for (let k = 0; k < 4; k++) assert.ok(Math.abs(g.data[k] - Math.cos(saved[k])) < 1e-9, `entry ${k}`);
    assertSameBytes(x.data, saved, "restored");
    assert.throws(() => numericalGradient(f, x, 0), /step h must be a positive number, got 0/);
  });

  it("reducedProblem: the first 10 dimensions of the first 20 samples, or seeded random data", () => {
    const big = zeros(30, 50);
    for (let k = 0; k < big.data.length; k++) big.data[k] = k;
    const labels = Int32Array.from({ length: 50 }, (_, j) => j % 10);
    const r = reducedProblem({ X: big, y: labels });
    assert.equal(r.X.rows, 10);
    assert.equal(r.X.cols, 20);
    for (let j = 0; j < 20; j++) for (let i = 0; i < 10; i++) assert.equal(r.X.data[i + j * 10], big.data[i + j * 30]);
    assert.deepEqual(Array.from(r.y), Array.from(labels.subarray(0, 20)));
    const a = reducedProblem({ seed: 5, classes: 3 });
    assertSameBytes(a.X.data, reducedProblem({ seed: 5, classes: 3 }).X.data, "seeded");
    assert.ok(a.y.every((c) => c >= 0 && c < 3));
    assert.throws(() => reducedProblem({ X: zeros(5, 50), y: labels }), /X is 5 × 50, too small for 10 dimensions × 20 samples/);
    assert.throws(() => reducedProblem({ X: big }), /labels y are required with X/);
  });
});

describe("gradcheck: table rows", () => {
  const rows: GradCheckRow[] = [
    { layer: 0, param: "W", shape: [50, 10], maxRelativeError: 1.234e-8, maxAbsoluteError: 1e-11, kinkCrossings: 0, pass: true },
    { layer: 0, param: "b", shape: [50, 1], maxRelativeError: 2e-9, maxAbsoluteError: 1e-12, kinkCrossings: 0, pass: true },
    { layer: 0, param: "gamma", shape: [50, 1], maxRelativeError: 3e-9, maxAbsoluteError: 1e-12, kinkCrossings: 0, pass: true },
    { layer: 0, param: "beta", shape: [50, 1], maxRelativeError: 4e-9, maxAbsoluteError: 1e-12, kinkCrossings: 0, pass: true },
    { layer: 1, param: "W", shape: [10, 50], maxRelativeError: 5e-8, maxAbsoluteError: 1e-11, kinkCrossings: 0, pass: true },
    { layer: 1, param: "b", shape: [10, 1], maxRelativeError: 6e-10, maxAbsoluteError: 1e-12, kinkCrossings: 0, pass: true },
  ];

  it("one line per layer: Layer # (1-based) | Number of nodes | W | b | gamma | beta", () => {
    assert.deepEqual(gradCheckTable(rows), [
      { layer: 1, nodes: 50, W: 1.234e-8, b: 2e-9, gamma: 3e-9, beta: 4e-9 },
      { layer: 2, nodes: 10, W: 5e-8, b: 6e-10 },
    ]);
    assert.deepEqual(gradCheckTableCells(rows), [
      [...GRADCHECK_TABLE_HEADER],
      ["1", "50", "1.2e-8", "2.0e-9", "3.0e-9", "4.0e-9"],
      ["2", "10", "5.0e-8", "6.0e-10", "–", "–"],
    ]);
  });
});
