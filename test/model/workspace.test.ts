import { strict as assert } from "assert";
import { createRng, columnsView, zeros } from "../../src/tensor";
import { BatchNormPlacement, initMlp, mlpForward, mlpBackward, createWorkspace, paramEntries, gradEntries, MlpWorkspace, MlpStats } from "../../src/model";
import { assertSameBytes } from "../layers/helpers";
import { smallSpec, tinySet } from "./fixtures";

describe("model/workspace", () => {
  const { X, y } = tinySet(6, 20, 3, "ws");

  /** Three SGD steps (batch 8, then 8, then a partial batch of 4); returns every output array. */
  function steps(placement: BatchNormPlacement, workspace?: MlpWorkspace): Float64Array[] {
    const spec = smallSpec({ batchNorm: placement, dropout: 0.25 });
    const { params, stats: s0 } = initMlp(spec, createRng(9));
    let stats: MlpStats = s0;
    const rng = createRng("dropout");
    const out: Float64Array[] = [];
    for (const [start, count] of [
      [0, 8],
      [8, 8],
      [16, 4],
    ]) {
      const Xb = columnsView(X, start, count);
      const f = mlpForward(params, Xb, { mode: "train", stats, rng, workspace });
      const g = mlpBackward(params, f.cache, y.subarray(start, start + count), 0.01, { workspace });
      out.push(f.P.data.slice(), ...f.nextStats.map((s) => s.vAv.data.slice()));
      const grads = gradEntries(g);
      paramEntries(params).forEach((e, i) => {
        out.push(grads[i].value.data.slice());
        for (let k = 0; k < e.value.data.length; k++) e.value.data[k] -= 0.1 * grads[i].value.data[k];
      });
      stats = f.nextStats;
    }
    return out;
  }

  for (const placement of ["off", "before", "after"] as const) {
    it(`BN ${placement}: the workspace path is bit-identical to the allocating path over several steps`, () => {
      const plain = steps(placement);
      const ws = steps(placement, createWorkspace(smallSpec({ batchNorm: placement, dropout: 0.25 }), 8));
      assert.equal(ws.length, plain.length);
      plain.forEach((a, i) => assertSameBytes(ws[i], a, `${placement} output ${i}`));
    });
  }

  it("statsOut: two alternating sets of moving-average buffers give the same statistics as fresh ones", () => {
    const spec = smallSpec({ batchNorm: "before" });
    const { params, stats: s0 } = initMlp(spec, createRng(9));
    const sets = [0, 1].map(() => s0.map((s) => ({ muAv: zeros(s.muAv.rows, 1), vAv: zeros(s.vAv.rows, 1) })));
    let fresh: MlpStats = s0;
    let reused: MlpStats = s0;
    for (let t = 0; t < 4; t++) {
      const Xb = columnsView(X, 4 * t, 4);
      fresh = mlpForward(params, Xb, { mode: "train", stats: fresh }).nextStats;
      reused = mlpForward(params, Xb, { mode: "train", stats: reused, statsOut: sets[t % 2] }).nextStats;
      reused.forEach((s, l) => assert.equal(s.muAv, sets[t % 2][l].muAv, "written into statsOut"));
      fresh.forEach((s, l) => assertSameBytes(reused[l].vAv.data, s.vAv.data, `step ${t} layer ${l}`));
    }
    assert.throws(() => mlpForward(params, X, { mode: "train", stats: sets[0], statsOut: sets[0] }), /must not share memory with stats/);
  });

  it("a warmed-up training step does not grow the workspace (also for a smaller last batch)", () => {
    const spec = smallSpec({ batchNorm: "before", dropout: 0.25 });
    const { params, stats } = initMlp(spec, createRng(9));
    const workspace = createWorkspace(spec, 10);
    const rng = createRng(1);
    const step = (n: number): void => {
      const f = mlpForward(params, columnsView(X, 0, n), { mode: "train", stats, rng, workspace });
      mlpBackward(params, f.cache, y.subarray(0, n), 0.01, { workspace });
    };
    step(10);
    const bytes = workspace.bytes;
    const allocations = workspace.allocations;
    assert.ok(bytes > 0, "the first step fills the workspace");
    for (let i = 0; i < 5; i++) step(10);
    step(7);
    step(10);
    assert.equal(workspace.bytes, bytes, "bytes after warm-up");
    assert.equal(workspace.allocations, allocations, "allocations after warm-up");
  });
});
