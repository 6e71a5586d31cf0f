import { strict as assert } from "assert";
import { createRng, Matrix, zeros } from "../../src/tensor";
import { BatchnormCache, BatchnormGrads, batchnormBackward, batchnormBackwardStaged, batchnormForward } from "../../src/layers";
import { gradientCheck, numericalGradient, reducedProblem } from "../../src/gradcheck";
import { initMlp, MlpSpec } from "../../src/model";
import { createSchedule, cyclicalEta, trainMlp, TrainSettings } from "../../src/train";
import { gaussianBlobs } from "../../src/experiments";
import {
  BN_BACKWARD_TOLERANCE,
  CheckResult,
  checkCyclicalEta,
  checkLine,
  CYCLICAL_ETA_TOLERANCE,
  evaluateBatchnormBackward,
  evaluateBatchnormForward,
  evaluateCyclicalEta,
  evaluateNumericalGradient,
  NUMERICAL_GRADIENT_TOLERANCE,
} from "../../src/teaching";

const stub = (name: string) => (): never => {
  throw new Error(`not implemented yet: ${name}`);
};

/** BN backward without the mean term −(1/n)·Σ_j dOut (the subtle mistake of the issue). */
function withoutMeanTerm(dOut: Matrix, cache: BatchnormCache): BatchnormGrads {
  const { dGamma, dBeta } = batchnormBackward(dOut, cache);
  const m = dOut.rows;
  const n = dOut.cols;
  const dS = zeros(m, n);
  for (let k = 0; k < dS.data.length; k++) {
    const i = k % m;
    dS.data[k] = cache.gamma.data[i] * cache.invStd.data[i] * (dOut.data[k] - (cache.SHat.data[k] * dGamma.data[i]) / n);
  }
  return { dS, dGamma, dBeta };
}

/** One-sided differences (f(θ + h) − f(θ))/h: right idea, O(h) error. */
function forwardDifference(f: () => number, value: Matrix, h: number): Matrix {
  const g = zeros(value.rows, value.cols);
  const f0 = f();
  for (let k = 0; k < value.data.length; k++) {
    const saved = value.data[k];
    value.data[k] = saved + h;
    g.data[k] = (f() - f0) / h;
    value.data[k] = saved;
  }
  return g;
}

function assertFailsMeasured(r: CheckResult, tolerance: number, pattern: RegExp): void {
  assert.equal(r.pass, false, checkLine(r));
  assert.ok(r.measuredError !== null && r.measuredError >= tolerance, `measured ${r.measuredError}`);
  assert.ok(r.message.includes(r.measuredError.toExponential(1)), `the measured error is shown: ${r.message}`);
  assert.match(checkLine(r), pattern);
  assert.ok(r.hint.length > 0, "a failing check gives a hint");
}

describe("teaching/checks: the library's pieces pass, stubs and wrong pieces fail clearly", () => {
  it("the library's own implementations pass every check, within the stated tolerances", () => {
    const results = [
      evaluateBatchnormForward(batchnormForward),
      evaluateBatchnormBackward(batchnormBackward),
      evaluateBatchnormBackward((dOut, cache) => batchnormBackwardStaged(dOut, cache)),
      evaluateCyclicalEta(cyclicalEta),
      evaluateNumericalGradient(numericalGradient),
    ];
    for (const r of results) {
      assert.ok(r.pass, checkLine(r));
      assert.equal(r.hint, "");
      assert.match(checkLine(r), new RegExp(`^✔ PASS ${r.check} \\(1 point\\): .*; expected .* < \\d`));
    }
  });

  it('a stub that throws "not implemented yet" fails with that message (no crash, nothing measured)', () => {
    const results = [
      evaluateBatchnormForward(stub("myBatchnormForward")),
      evaluateBatchnormBackward(stub("myBatchnormBackward"), { points: 3 }),
      evaluateCyclicalEta(stub("myCyclicalEta")),
      evaluateNumericalGradient(stub("myNumericalGradient")),
    ];
    for (const r of results) {
      assert.equal(r.pass, false);
      assert.equal(r.measuredError, null);
      assert.match(r.message, /^not implemented yet: my\w+$/);
      assert.match(checkLine(r), /^✘ FAIL \w+ \(0\/\d points?\): not implemented yet: my\w+; expected .* Hint: replace the stub/);
    }
    assert.equal(results[1].points, 3);
  });

  it("BN backward without the mean term fails with the measured error in dS", () => {
    const r = evaluateBatchnormBackward(withoutMeanTerm);
    assertFailsMeasured(r, BN_BACKWARD_TOLERANCE, /FAIL batchnormBackward .* in dS; expected .* < 1e-6\. Hint: .*mean/);
  });

  it("BN forward: ignoring α, using the batch statistics in eval mode, or changing opts.stats fail and name the field", () => {
    const ignoresAlpha = evaluateBatchnormForward((S, g, b, o) => batchnormForward(S, g, b, { ...o, alpha: undefined }));
    assertFailsMeasured(ignoresAlpha, 1e-9, /in muAv/);
    const alwaysTrain = evaluateBatchnormForward((S, g, b, o) => batchnormForward(S, g, b, { ...o, mode: "train" }));
    assertFailsMeasured(alwaysTrain, 1e-9, /in out \(eval mode\)/);
    const mutates = evaluateBatchnormForward((S, g, b, o) => {
      const r = batchnormForward(S, g, b, o);
      if (o.mode === "train") o.stats.muAv.data.set(r.nextStats.muAv.data);
      return r;
    });
    assert.equal(mutates.pass, false);
    assert.match(mutates.message, /modified its input opts\.stats\.muAv/);
  });

  it("cyclical η: a schedule that does not repeat, or never falls, fails at the first wrong step with a phase hint", () => {
    const once = evaluateCyclicalEta((t, lo, hi, nS) => (t <= nS ? lo + (t / nS) * (hi - lo) : hi - ((t - nS) / nS) * (hi - lo)));
    assertFailsMeasured(once, CYCLICAL_ETA_TOLERANCE, /first wrong at t = 1001 .* Hint: the schedule repeats every 2·n_s/);
    const sawtooth = evaluateCyclicalEta((t, lo, hi, nS) => lo + ((t % (2 * nS)) / (2 * nS)) * (hi - lo));
    assertFailsMeasured(sawtooth, CYCLICAL_ETA_TOLERANCE, /first wrong at t = 1 .* Hint: rising half/);
  });

  it("numerical gradient: one-sided differences, an unrestored θ and a wrong shape fail with clear messages", () => {
    assertFailsMeasured(evaluateNumericalGradient(forwardDifference), NUMERICAL_GRADIENT_TOLERANCE, /Hint: use the centered difference/);
    const drifting = evaluateNumericalGradient((f, value, h) => {
      const g = numericalGradient(f, value, h);
      value.data[0] += h;
      return g;
    });
    assert.match(drifting.message, /W is not restored: entry 0/);
    const shape = evaluateNumericalGradient(() => zeros(2, 2));
    assert.match(checkLine(shape), /the returned gradient is 2 × 2 \(4 entries\), expected 3 × 4.*Hint: return a 3 × 4 Matrix/);
  });

  it("check* functions outside a kernel print the line on stdout and return the result", () => {
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
    let r: CheckResult;
    try {
      r = checkCyclicalEta(cyclicalEta, { points: 2 });
    } finally {
      process.stdout.write = write;
    }
    assert.deepEqual(written, [`${checkLine(r)}\n`]);
    assert.equal(r.points, 2);
  });
});

describe("pluggable pieces: numerical gradient in gradientCheck, η(t) in createSchedule and trainMlp", () => {
  const { X, y } = reducedProblem();
  const spec: MlpSpec = { inputSize: 10, hidden: [12, 8], outputSize: 10, activation: { name: "relu" }, batchNorm: "before", init: { kind: "he" } };

  it("gradientCheck with the library's numericalGradient passed in agrees with the built-in path (kink crossings too)", () => {
    const { params, stats } = initMlp(spec, createRng("teaching-pieces"));
    const builtIn = gradientCheck(params, stats, X, y, 0.01);
    const plugged = gradientCheck(params, stats, X, y, 0.01, { numericalGradient: numericalGradient });
    assert.deepEqual(
      plugged.map((r) => [r.layer, r.param, r.kinkCrossings, r.pass]),
      builtIn.map((r) => [r.layer, r.param, r.kinkCrossings, r.pass]),
    );
    for (const [i, r] of plugged.entries()) assert.ok(Math.abs(r.maxRelativeError - builtIn[i].maxRelativeError) < 1e-7, `${r.param}: ${r.maxRelativeError}`);
    const oneSided = gradientCheck(params, stats, X, y, 0.01, { numericalGradient: forwardDifference });
    assert.ok(
      oneSided.some((r) => !r.pass),
      "one-sided differences fail the network's check",
    );
    assert.throws(
      () => gradientCheck(params, stats, X, y, 0.01, { numericalGradient: () => zeros(1, 1) }),
      /numericalGradient option returned 1 × 1 for W of layer 1/,
    );
  });

  it("createSchedule uses a cyclicalEta piece; without one, nothing changes", () => {
    const s = { kind: "cyclical", etaMin: 0.01, etaMax: 0.1, stepSize: 5, cycles: 1 } as const;
    const half = (t: number, lo: number, hi: number, nS: number): number => cyclicalEta(t, lo, hi, nS) / 2;
    const plain = createSchedule(s, 100, 10);
    const plugged = createSchedule(s, 100, 10, { cyclicalEta: half });
    for (let t = 0; t <= 10; t++) {
      assert.equal(plain.etaAt(t), cyclicalEta(t, 0.01, 0.1, 5));
      assert.equal(plugged.etaAt(t), cyclicalEta(t, 0.01, 0.1, 5) / 2);
    }
    assert.equal(plugged.totalSteps, plain.totalSteps);
  });

  it("trainMlp trains with the piece: the library's cyclicalEta reproduces the run bit for bit, another η changes it", () => {
    const data = gaussianBlobs({ dims: 10, classes: 3, train: 60, validation: 30, test: 30, seed: 5, shared: false });
    const net: MlpSpec = { ...spec, outputSize: 3 };
    const settings: TrainSettings = {
      lambda: 0.001,
      batchSize: 10,
      schedule: { kind: "cyclical", etaMin: 1e-3, etaMax: 0.05, stepSize: 6, cycles: 1 },
      evaluation: { per: "cycle", times: 4 },
    };
    const plain = trainMlp(net, data, settings, 1);
    assert.deepEqual(trainMlp(net, data, settings, 1, { cyclicalEta: (t, a, b, n) => cyclicalEta(t, a, b, n) }).history, plain.history);
    const flat = trainMlp(net, data, settings, 1, { cyclicalEta: () => 0.02 });
    assert.ok(flat.history.every((r) => r.eta === 0.02));
    assert.notDeepEqual(
      flat.history.map((r) => r.cost),
      plain.history.map((r) => r.cost),
    );
  });
});
