import { strict as assert } from "assert";
import { createRng, zeros, filled, clone, Matrix } from "../../src/tensor";
import {
  BnStats,
  batchnormForward,
  batchnormBackward,
  batchnormBackwardStaged,
  batchnormActivationForward,
  batchnormActivationBackward,
  activationForward,
  activationBackward,
  ACTIVATION_NAMES,
  DEFAULT_BN_EPS,
} from "../../src/layers";
import { numericalGradient } from "../../src/gradcheck";
import { randn, dot, assertClose, assertSameBytes } from "./helpers";

describe("layers/batchnorm", () => {
  const rng = createRng("batchnorm");
  const m = 4;
  const n = 7;
  const S = randn(m, n, rng, 3);
  for (let k = 0; k < S.data.length; k++) S.data[k] += 2; // non-zero means
  const gamma = randn(m, 1, rng);
  const beta = randn(m, 1, rng);
  const stats: BnStats = { muAv: randn(m, 1, rng), vAv: filled(m, 1, 1.5) };
  const eps = 1e-8;

  /** μ_i and the biased variance v_i written out per row (the oracle). */
  const rowStats = (i: number): [number, number] => {
    let mu = 0;
    for (let j = 0; j < n; j++) mu += S.data[i + j * m] / n;
    let v = 0;
    for (let j = 0; j < n; j++) v += (S.data[i + j * m] - mu) ** 2 / n;
    return [mu, v];
  };

  it("train mode: out = γ(S − μ)/√(v + ε) + β with the batch mean and biased variance", () => {
    const { out } = batchnormForward(S, gamma, beta, { mode: "train", stats, eps });
    for (let i = 0; i < m; i++) {
      const [mu, v] = rowStats(i);
      for (let j = 0; j < n; j++) {
        const want = (gamma.data[i] * (S.data[i + j * m] - mu)) / Math.sqrt(v + eps) + beta.data[i];
        assert.ok(Math.abs(out.data[i + j * m] - want) < 1e-12, `batchnorm train (${i}, ${j})`);
      }
    }
  });

  it("moving averages follow μ_av ← α·μ_av + (1 − α)·μ and v_av ← α·v_av + (1 − α)·v; stats are not mutated", () => {
    const before = { muAv: clone(stats.muAv), vAv: clone(stats.vAv) };
    for (const alpha of [0.9, 0.5]) {
      const { nextStats } = batchnormForward(S, gamma, beta, { mode: "train", stats, alpha, eps });
      for (let i = 0; i < m; i++) {
        const [mu, v] = rowStats(i);
        assert.ok(Math.abs(nextStats.muAv.data[i] - (alpha * stats.muAv.data[i] + (1 - alpha) * mu)) < 1e-12, `muAv ${i}`);
        assert.ok(Math.abs(nextStats.vAv.data[i] - (alpha * stats.vAv.data[i] + (1 - alpha) * v)) < 1e-12, `vAv ${i}`);
      }
    }
    assertSameBytes(stats.muAv.data, before.muAv.data, "muAv untouched");
    assertSameBytes(stats.vAv.data, before.vAv.data, "vAv untouched");
  });

  it("nextStatsOut receives the moving averages; sharing memory with stats is refused", () => {
    const fresh = batchnormForward(S, gamma, beta, { mode: "train", stats }).nextStats;
    const nextStatsOut = { muAv: zeros(m, 1), vAv: zeros(m, 1) };
    const r = batchnormForward(S, gamma, beta, { mode: "train", stats, nextStatsOut });
    assert.equal(r.nextStats.muAv, nextStatsOut.muAv);
    assertSameBytes(nextStatsOut.muAv.data, fresh.muAv.data, "muAv");
    assertSameBytes(nextStatsOut.vAv.data, fresh.vAv.data, "vAv");
    assert.throws(
      () => batchnormForward(S, gamma, beta, { mode: "train", stats, nextStatsOut: { muAv: stats.muAv, vAv: zeros(m, 1) } }),
      /nextStatsOut must not share memory with stats/,
    );
  });

  it("the variance stays accurate when the mean dwarfs the spread (S = 1e6 + N(0, 1))", () => {
    const T = randn(3, 50, rng);
    for (let k = 0; k < T.data.length; k++) T.data[k] += 1e6;
    const { cache } = batchnormForward(T, zeros(3, 1), zeros(3, 1), { mode: "train", stats: { muAv: zeros(3, 1), vAv: zeros(3, 1) } });
    for (let i = 0; i < 3; i++) {
      let mu = 0;
      for (let j = 0; j < 50; j++) mu += T.data[i + j * 3] / 50;
      let v = 0;
      for (let j = 0; j < 50; j++) v += (T.data[i + j * 3] - mu) ** 2 / 50;
      assert.ok(Math.abs(cache.v.data[i] / v - 1) < 1e-8, `row ${i}: variance ${cache.v.data[i]} vs two-pass ${v}`);
    }
  });

  it("the default α is 0.9", () => {
    const a = batchnormForward(S, gamma, beta, { mode: "train", stats }).nextStats;
    const b = batchnormForward(S, gamma, beta, { mode: "train", stats, alpha: 0.9 }).nextStats;
    assertSameBytes(a.muAv.data, b.muAv.data, "default alpha");
  });

  it("eval mode normalizes with the moving averages (and returns them unchanged)", () => {
    const { out, nextStats } = batchnormForward(S, gamma, beta, { mode: "eval", stats, eps });
    assert.equal(nextStats, stats);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const want = (gamma.data[i] * (S.data[i + j * m] - stats.muAv.data[i])) / Math.sqrt(stats.vAv.data[i] + eps) + beta.data[i];
        assert.ok(Math.abs(out.data[i + j * m] - want) < 1e-12, `batchnorm eval (${i}, ${j})`);
      }
    }
    // each column depends only on itself: a one-column batch gives the same column
    const single = batchnormForward({ rows: m, cols: 1, data: S.data.slice(0, m) }, gamma, beta, { mode: "eval", stats, eps });
    assertClose(single.out, { rows: m, cols: 1, data: out.data.slice(0, m) }, 0, "eval column independence");
  });

  for (const mode of ["train", "eval"] as const) {
    it(`${mode}: closed-form backward matches centered differences for S, γ and β`, () => {
      const R = randn(m, n, rng);
      const f = (): number => dot(batchnormForward(S, gamma, beta, { mode, stats, eps }).out, R);
      const g = batchnormBackward(R, batchnormForward(S, gamma, beta, { mode, stats, eps }).cache);
      assertClose(g.dS, numericalGradient(f, S, 1e-6), 1e-7, `${mode} dS`);
      assertClose(g.dGamma, numericalGradient(f, gamma, 1e-6), 1e-7, `${mode} dGamma`);
      assertClose(g.dBeta, numericalGradient(f, beta, 1e-6), 1e-7, `${mode} dBeta`);
    });

    it(`${mode}: staged and closed-form backward agree`, () => {
      const R = randn(m, n, rng);
      const { cache } = batchnormForward(S, gamma, beta, { mode, stats, eps });
      const closed = batchnormBackward(R, cache);
      const staged = batchnormBackwardStaged(R, cache);
      assertClose(closed.dS, staged.dS, 1e-12, `${mode} staged vs closed dS`);
      assertClose(closed.dGamma, staged.dGamma, 1e-12, `${mode} staged vs closed dGamma`);
      assertClose(closed.dBeta, staged.dBeta, 1e-12, `${mode} staged vs closed dBeta`);
    });
  }

  it("train mode: dS has zero row sums (so b before BN gets no gradient)", () => {
    const { dS } = batchnormBackward(randn(m, n, rng), batchnormForward(S, gamma, beta, { mode: "train", stats }).cache);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += dS.data[i + j * m];
      assert.ok(Math.abs(s) < 1e-12, `row ${i} sum ${s}`);
    }
  });

  for (const name of ACTIVATION_NAMES) {
    it(`fused BN + ${name} is bit-identical to BN then ${name}, forward and backward`, () => {
      const spec = { name };
      const fused = batchnormActivationForward(S, gamma, beta, spec, { mode: "train", stats });
      const bn = batchnormForward(S, gamma, beta, { mode: "train", stats });
      const act = activationForward(bn.out, spec);
      assertSameBytes(fused.out.data, act.out.data, `${name} forward`);
      assertSameBytes(fused.activation.S.data, bn.out.data, `${name} BN output`);
      assertSameBytes(fused.bn.SHat.data, bn.cache.SHat.data, `${name} SHat`);
      assertSameBytes(fused.nextStats.vAv.data, bn.nextStats.vAv.data, `${name} nextStats`);
      const R = randn(m, n, rng);
      const g1 = batchnormActivationBackward(R, fused.bn, fused.activation);
      const g2 = batchnormBackward(activationBackward(R, act.cache), bn.cache);
      assertSameBytes(g1.dS.data, g2.dS.data, `${name} dS`);
      assertSameBytes(g1.dGamma.data, g2.dGamma.data, `${name} dGamma`);
      assertSameBytes(g1.dBeta.data, g2.dBeta.data, `${name} dBeta`);
    });
  }

  it("the default ε is DEFAULT_BN_EPS", () => {
    const a = batchnormForward(S, gamma, beta, { mode: "train", stats });
    assert.equal(a.cache.eps, DEFAULT_BN_EPS);
  });

  it("bad shapes and options raise clear errors", () => {
    const bad: Matrix = zeros(m + 1, 1);
    assert.throws(() => batchnormForward(S, bad, beta, { mode: "train", stats }), /batchnorm: gamma: expected shape 4 × 1, got 5 × 1/);
    assert.throws(() => batchnormForward(S, gamma, beta, { mode: "train", stats: { muAv: bad, vAv: stats.vAv } }), /stats.muAv/);
    assert.throws(() => batchnormForward(S, gamma, beta, { mode: "train", stats, alpha: 1.5 }), /alpha must be in \[0, 1\], got 1.5/);
    assert.throws(() => batchnormForward(S, gamma, beta, { mode: "train", stats, eps: 0 }), /eps must be a positive number, got 0/);
    assert.throws(() => batchnormForward(zeros(m, 0), gamma, beta, { mode: "train", stats }), /train mode needs at least one sample/);
    const { cache } = batchnormForward(S, gamma, beta, { mode: "train", stats });
    assert.throws(() => batchnormBackward(zeros(m, n + 1), cache), /batchnormBackward: dOut: expected shape 4 × 7/);
  });
});
