import { strict as assert } from "assert";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { mergeA3Results, mergePeerOutcomes, runBench } from "../../src/bench/run-bench";
import type { PeerOutcome, PeerRun } from "../../src/bench/peers";
import type { A3BenchResult, A3Run } from "../../src/bench/run-a3";

/** A stand-in peer script: the real scripts' output format, an estimate that depends on the call. */
const FAKE_PEER = (header: string): string => `
import sys, os
args = sys.argv[1:]
config = args[args.index("--config") + 1]
n = int(open(os.environ["COUNTER"]).read()) + 1 if os.path.exists(os.environ["COUNTER"]) else 1
open(os.environ["COUNTER"], "w").write(str(n))
print("${header}")
print(f"run 1: total 1.00 s for 40 steps + 2 evals | 1.000 ms/step (1.0 GFLOP/s matmul) | eval pass (train+val) 0.100 s (1.0 GFLOP/s) | full-schedule estimate {20 - n}.0 s | process CPU 1.0 s, other load 0.00 cores")
`;

const run = (scheduleSeconds: number): A3Run => ({
  totalSeconds: 1,
  steps: 40,
  msPerStep: 1,
  evalPasses: 2,
  evalPassSeconds: 0.1,
  scheduleSeconds,
  foreignCores: 0,
});

describe("bench: ours and the peers' interleaved round by round", function () {
  this.timeout(180_000);

  it("each round runs every configuration with our kernel, then each peer; the best of the rounds counts", async function () {
    if (!existsSync("/usr/bin/python3")) {
      console.log("      (skipped: /usr/bin/python3 is not installed)");
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), "nnbook-interleave-"));
    const counter = join(dir, "calls");
    process.env.COUNTER = counter;
    try {
      const numpy = join(dir, "numpy_a3.py");
      const torch = join(dir, "torch_a3.py");
      writeFileSync(numpy, FAKE_PEER("numpy 9.9.9 float64, BLAS libs: fake, OPENBLAS_NUM_THREADS=default(all cores)"));
      writeFileSync(torch, FAKE_PEER("torch 9.9.9 float32, threads 1, mkldnn True"));
      const lines: string[] = [];
      const report = await runBench({
        quick: true,
        repeat: 2,
        threads: [1],
        numpy: true,
        torch: true,
        peerScripts: { numpy, torch },
        log: (l) => lines.push(l),
      });
      const order = lines
        .filter((l) => /^(A3-\S+: \d+ steps with |numpy A3-|torch A3-)/.test(l))
        .map((l) => l.replace(/: .*round (\d+)$/, " round $1").replace(/ with .*/, ""));
      const expected = [1, 2].flatMap((r) => ["3L-BN", "9L-BN"].flatMap((c) => [`A3-${c} round ${r}`, `numpy A3-${c} round ${r}`, `torch A3-${c} round ${r}`]));
      assert.deepEqual(
        order.map((l) => l.replace(/^A3-(\S+): \d+ steps round/, "A3-$1 round")),
        expected,
      );
      for (const w of report.workloads) {
        assert.equal(w.ours[0].runs.length, 2, `${w.config}: our two rounds kept`);
        for (const peer of ["numpy", "torch"] as const) {
          const outcome = w.peers?.[peer];
          assert.ok(outcome?.ok, `${w.config} ${peer}`);
          assert.equal(outcome.result.runs.length, 2);
          assert.equal(outcome.result.best.estimateSeconds, Math.min(...outcome.result.runs.map((r) => r.estimateSeconds)));
        }
      }
    } finally {
      delete process.env.COUNTER;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("merging rounds: all runs kept, the best one chosen, a failed round reported", () => {
    const round = (s: number, rss: number): A3BenchResult =>
      ({
        config: "3L-BN",
        kernel: "k",
        workload: {} as A3BenchResult["workload"],
        runs: [run(s)],
        best: run(s),
        gflops: 100 / s,
        peakRssBytes: rss,
      }) as A3BenchResult;
    const merged = mergeA3Results([round(12, 5), round(10, 7), round(11, 6)]);
    assert.deepEqual(
      merged.runs.map((r) => r.scheduleSeconds),
      [12, 10, 11],
    );
    assert.equal(merged.best.scheduleSeconds, 10);
    assert.equal(merged.gflops, 10);
    assert.equal(merged.peakRssBytes, 7);
    const peerRun = (e: number): PeerRun => ({ totalSeconds: 1, steps: 40, evals: 2, msPerStep: 1, evalPassSeconds: 0.1, estimateSeconds: e, foreignCores: 0 });
    const ok = (e: number): PeerOutcome => ({ ok: true, result: { peer: "torch", label: "PyTorch x", setting: "s", runs: [peerRun(e)], best: peerRun(e) } });
    const both = mergePeerOutcomes([ok(17), ok(16)]);
    assert.ok(both.ok);
    assert.equal(both.result.best.estimateSeconds, 16);
    assert.equal(both.result.runs.length, 2);
    assert.deepEqual(mergePeerOutcomes([ok(17), { ok: false, reason: "python3-torch is not installed" }]), {
      ok: false,
      reason: "python3-torch is not installed",
    });
  });
});
