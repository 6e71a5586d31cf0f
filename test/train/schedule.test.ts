import { strict as assert } from "assert";
import { createSchedule, cyclicalEta, stepSizeFromEpochs } from "../../src/train";

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe("train/schedule", () => {
  it("n_s = k·n/batch as in the reports (5·45,000/100 = 2,250)", () => {
    assert.equal(stepSizeFromEpochs(5, 45000, 100), (5 * 45000) / 100);
    assert.equal(stepSizeFromEpochs(2, 49000, 100), (2 * 49000) / 100);
    assert.throws(() => stepSizeFromEpochs(5, 50, 100), /batch size 100 exceeds n = 50/);
  });

  it("cyclical η hits η_min at even corners, η_max at odd corners, the middle at midpoints, over 3 cycles", () => {
    const etaMin = 1e-5;
    const etaMax = 1e-1;
    const nS = 500;
    const s = createSchedule({ kind: "cyclical", etaMin, etaMax, stepSize: nS, cycles: 3 }, 50000, 100);
    assert.equal(s.totalSteps, 2 * nS * 3);
    assert.equal(s.stepSize, nS);
    for (let l = 0; l < 3; l++) {
      close(s.etaAt(2 * l * nS), etaMin, `t = 2·${l}·n_s`);
      close(s.etaAt((2 * l + 1) * nS), etaMax, `t = (2·${l}+1)·n_s`);
      close(s.etaAt(2 * l * nS + nS / 2), (etaMin + etaMax) / 2, `rising midpoint of cycle ${l}`);
      close(s.etaAt((2 * l + 1) * nS + nS / 2), (etaMin + etaMax) / 2, `falling midpoint of cycle ${l}`);
      // a quarter of the way up and down: linear in t
      close(s.etaAt(2 * l * nS + nS / 4), etaMin + 0.25 * (etaMax - etaMin), `rising quarter of cycle ${l}`);
      close(s.etaAt((2 * l + 1) * nS + nS / 4), etaMax - 0.25 * (etaMax - etaMin), `falling quarter of cycle ${l}`);
    }
    close(s.etaAt(2 * 3 * nS), etaMin, "end of the last cycle");
    // the formula written out for every step of cycle 2 (eq. 14–15 of the assignment)
    for (let t = 2 * 2 * nS; t <= 3 * 2 * nS; t++) {
      const l = 2;
      const want = t <= (2 * l + 1) * nS ? etaMin + ((t - 2 * l * nS) / nS) * (etaMax - etaMin) : etaMax - ((t - (2 * l + 1) * nS) / nS) * (etaMax - etaMin);
      close(cyclicalEta(t, etaMin, etaMax, nS), want, `t = ${t}`);
    }
  });

  it("a step size in epochs resolves with the data and batch size", () => {
    const s = createSchedule({ kind: "cyclical", etaMin: 0, etaMax: 1, stepSize: { epochs: 5 }, cycles: 2 }, 45000, 100);
    assert.equal(s.stepSize, 2250);
    assert.equal(s.totalSteps, 9000);
  });

  it("constant, step decay and exponential decay follow their formulas per completed epoch", () => {
    const n = 1000;
    const batch = 100; // 10 steps per epoch
    assert.equal(createSchedule({ kind: "constant", eta: 0.1 }, n, batch).etaAt(12345), 0.1);
    const step = createSchedule({ kind: "stepDecay", eta0: 0.5, factor: 0.1, everyEpochs: 2 }, n, batch);
    for (const t of [0, 9, 10, 19, 20, 39, 40, 65]) {
      close(step.etaAt(t), 0.5 * Math.pow(0.1, Math.floor(Math.floor(t / 10) / 2)), `step decay t=${t}`);
    }
    const exp = createSchedule({ kind: "exponentialDecay", eta0: 0.5, gamma: 0.9 }, n, batch);
    for (const t of [0, 9, 10, 25, 99]) close(exp.etaAt(t), 0.5 * Math.pow(0.9, Math.floor(t / 10)), `exp decay t=${t}`);
    assert.equal(step.totalSteps, undefined);
  });
});
