import { strict as assert } from "assert";
import {
  architectureGrid,
  fineGridAround,
  initSweep,
  intRange,
  lambdaSweep,
  logGrid,
  randomAround,
  randomSearch,
  seedList,
  withSeeds,
} from "../../src/experiments";
import { smallConfig } from "./fixtures";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("experiments/sweep", () => {
  it("logGrid spans the decades evenly: 1e-5 … 1e-1 in 5 → the powers of ten", () => {
    const g = logGrid(1e-5, 1e-1, 5);
    [1e-5, 1e-4, 1e-3, 1e-2, 1e-1].forEach((v, i) => assert.ok(rel(g[i], v) < 1e-12, `${g[i]} vs ${v}`));
    const r = logGrid(1e-3, 1e-1, 9);
    for (let i = 1; i < r.length; i++) assert.ok(rel(r[i] / r[i - 1], Math.pow(10, 2 / 8)) < 1e-12);
  });

  it("fine grid and random draws stay within the window around the best value", () => {
    const best = 0.005;
    const f = fineGridAround(best, 0.5, 7);
    assert.ok(rel(f[0], best / Math.sqrt(10)) < 1e-12 && rel(f[6], best * Math.sqrt(10)) < 1e-12 && rel(f[3], best) < 1e-12);
    const r = randomAround(best, 0.5, 50, 7);
    assert.equal(r.length, 50);
    r.forEach((v) => assert.ok(v >= best / Math.sqrt(10) && v <= best * Math.sqrt(10), `${v}`));
    assert.deepEqual(randomAround(best, 0.5, 50, 7), r, "seeded: same draws");
    assert.notDeepEqual(randomAround(best, 0.5, 50, 8), r);
  });

  it("λ sweep and random (η, λ) search replace exactly those fields", () => {
    const base = smallConfig();
    const s = lambdaSweep(base, [0.1, 0.01]);
    assert.deepEqual(
      s.map((c) => c.lambda),
      [0.1, 0.01],
    );
    assert.deepEqual({ ...s[1], lambda: base.lambda }, base);
    const rs = randomSearch(base, { eta: [1e-3, 1e-1], lambda: [1e-5, 1e-2], count: 20, seed: 3 });
    for (const c of rs) {
      assert.equal(c.schedule.kind, "cyclical");
      const etaMax = c.schedule.kind === "cyclical" ? c.schedule.etaMax : NaN;
      assert.ok(etaMax >= 1e-3 && etaMax <= 1e-1 && c.lambda >= 1e-5 && c.lambda <= 1e-2);
      assert.deepEqual({ ...c, lambda: base.lambda, schedule: base.schedule }, base);
    }
    // log-uniform: about half the λ draws below the geometric middle 10^-3.5
    assert.equal(new Set(rs.map((c) => c.lambda)).size, 20);
  });

  it("architecture grid is the cartesian product, widths in steps of 5", () => {
    assert.deepEqual(intRange(50, 100, 5), [50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100]);
    const g = architectureGrid(smallConfig(), [intRange(50, 100, 5), intRange(35, 50, 5)]);
    assert.equal(g.length, 11 * 4);
    assert.deepEqual(g[0].hidden, [50, 35]);
    assert.deepEqual(g[1].hidden, [50, 40]);
    assert.deepEqual(g[43].hidden, [100, 50]);
  });

  it("init sweep: σ ∈ {1e-1, 1e-3, 1e-4} × BN off/before", () => {
    const s = initSweep(smallConfig());
    assert.deepEqual(
      s.map((c) => [c.init, c.batchNorm]),
      [
        [{ kind: "normal", sigma: 1e-1 }, "off"],
        [{ kind: "normal", sigma: 1e-1 }, "before"],
        [{ kind: "normal", sigma: 1e-3 }, "off"],
        [{ kind: "normal", sigma: 1e-3 }, "before"],
        [{ kind: "normal", sigma: 1e-4 }, "off"],
        [{ kind: "normal", sigma: 1e-4 }, "before"],
      ],
    );
  });

  it("repeated seeds, config-major", () => {
    const s = withSeeds(lambdaSweep(smallConfig(), [0.1, 0.2]), seedList(3));
    assert.deepEqual(
      s.map((c) => [c.lambda, c.seed]),
      [
        [0.1, 1],
        [0.1, 2],
        [0.1, 3],
        [0.2, 1],
        [0.2, 2],
        [0.2, 3],
      ],
    );
  });
});
