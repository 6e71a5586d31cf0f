import { strict as assert } from "assert";
import { parsePeerOutput, peerArgs, peerEnv } from "../../src/bench/peers";
import { parseReportTime } from "../../src/bench/report-time";
import { formatBenchMarkdown } from "../../src/bench/table";
import { BenchReport } from "../../src/bench/bench-report";
import { A3BenchResult, workloadFlops } from "../../src/bench/run-a3";
import { a3Workload, layerSizesOf, matmulFlopsEval, matmulFlopsPerStep } from "../../src/bench/workload";
import { FOOTER_MARKER } from "../../src/report/export-header";

// The shape of numpy_a3.py's output (one partial run of 1,000 steps, as printed on this machine).
const NUMPY_OUT = `[cpuwatch] other processes busy (1.20 cores), waiting...
numpy 1.24.2 float64, BLAS libs: libblas.so.3,liblapack.so.3,libopenblasp-r0.3.21.so, OPENBLAS_NUM_THREADS=default(all cores)
config A3-3L-BN: layers [3072, 50, 50, 10], batch 100, n_s 2250, lambda 0.005, train 45000 val 5000, data prep 18.47 s
run 1: total 13.48 s for 1000 steps + 2 evals | 9.691 ms/step (6.53 GFLOP/s matmul) | eval pass (train+val) 1.891 s (8.28 GFLOP/s) | full-schedule estimate 125.0 s | process CPU 10.5 s, other load 1.22 cores
        last eval @step 900: train cost 2.8891 acc 0.2633 | val cost 3.1107 acc 0.0950
run 2: total 12.00 s for 1000 steps + 2 evals | 8.500 ms/step (7.44 GFLOP/s matmul) | eval pass (train+val) 1.700 s (9.21 GFLOP/s) | full-schedule estimate 110.5 s | process CPU 10.1 s, other load 0.30 cores
MIN over 2: total 12.00 s, 8.500 ms/step, eval pass 1.700 s, full-schedule estimate 110.5 s; matmul FLOP/step 63.2 M, FLOP/eval 15.66 G
`;

// The shape of torch_a3.py's output (its header differs, its run lines are the NumPy script's).
const TORCH_OUT = `torch 1.13.0a0 float32, threads 1, mkldnn True
config A3-3L-BN: layers [3072, 50, 50, 10], batch 100, n_s 2250, lambda 0.005, train 45000 val 5000, data prep 3.10 s
run 1: total 9.00 s for 1000 steps + 2 evals | 6.000 ms/step (10.53 GFLOP/s matmul) | eval pass (train+val) 1.500 s (10.44 GFLOP/s) | full-schedule estimate 84.0 s | process CPU 8.9 s, other load 0.10 cores
MIN over 1: total 9.00 s, 6.000 ms/step, eval pass 1.500 s, full-schedule estimate 84.0 s; matmul FLOP/step 63.2 M, FLOP/eval 15.66 G
`;

function ours(config: "3L-BN" | "9L-BN", kernel: string, msPerStep: number, evalPass: number): A3BenchResult {
  const workload = a3Workload(config);
  const scheduleSeconds = (msPerStep / 1000) * 9000 + 20 * evalPass;
  const run = {
    totalSeconds: scheduleSeconds + 2 * evalPass,
    steps: 9000,
    msPerStep,
    evalPasses: 22,
    evalPassSeconds: evalPass,
    scheduleSeconds,
    foreignCores: 0.1,
  };
  return { config, kernel, workload, runs: [run], best: run, gflops: workloadFlops(workload) / scheduleSeconds / 1e9, peakRssBytes: 1.3e9 };
}

describe("bench/table and parsing", () => {
  it("parses every run of a peer script's output and keeps the smallest estimate as best", () => {
    const r = parsePeerOutput("numpy", NUMPY_OUT, "Cooperlake");
    assert.equal(r.label, "NumPy 1.24.2");
    assert.equal(r.setting, "float64, OpenBLAS threads: default(all cores)");
    assert.equal(r.openblasCore, "Cooperlake");
    assert.equal(r.runs.length, 2);
    assert.deepEqual(r.runs[0], {
      totalSeconds: 13.48,
      steps: 1000,
      evals: 2,
      msPerStep: 9.691,
      evalPassSeconds: 1.891,
      estimateSeconds: 125,
      foreignCores: 1.22,
    });
    assert.equal(r.best, r.runs[1]);
    const t = parsePeerOutput("torch", TORCH_OUT);
    assert.equal(t.label, "PyTorch 1.13.0a0");
    assert.equal(t.setting, "float32, 1 torch thread, 1 OpenBLAS thread");
    assert.equal(t.best.estimateSeconds, 84);
    assert.throws(() => parsePeerOutput("numpy", "Traceback (most recent call last):"), /no "numpy <version> float…" header/);
    assert.throws(() => parsePeerOutput("torch", NUMPY_OUT), /no "torch <version> float…" header/);
    assert.throws(() => parsePeerOutput("numpy", NUMPY_OUT.split("\n").slice(0, 3).join("\n")), /no "run N: total/);
  });

  it("runs the peers at their best: OPENBLAS_CORETYPE / L2_SIZE removed; PyTorch on 1 torch and 1 OpenBLAS thread", () => {
    const env = { PATH: "/bin", OPENBLAS_CORETYPE: "Haswell", OPENBLAS_L2_SIZE: "512", OPENBLAS_NUM_THREADS: "2" };
    assert.deepEqual(peerEnv("numpy", env), { PATH: "/bin", OPENBLAS_NUM_THREADS: "2" });
    assert.deepEqual(peerEnv("torch", env), { PATH: "/bin", OPENBLAS_NUM_THREADS: "1" });
    assert.equal(env.OPENBLAS_CORETYPE, "Haswell", "our own environment is left alone");
    assert.deepEqual(peerArgs("torch", "t.py", { config: "3L-BN", repeat: 3, steps: 2000 }), [
      "t.py",
      "--config",
      "3L-BN",
      "--repeat",
      "3",
      "--threads",
      "1",
      "--steps",
      "2000",
      "--no-wait",
    ]);
    assert.deepEqual(peerArgs("numpy", "n.py", { config: "9L-BN", repeat: 1, waitQuiet: true }), ["n.py", "--config", "9L-BN", "--repeat", "1"]);
  });

  it("counts matrix-product flops as the NumPy script does (63.2 M per step, 15.66 G per evaluation for 3L-BN)", () => {
    const sizes = layerSizesOf(a3Workload("3L-BN"));
    // 2·d·m·n for W·X and G·Xᵀ of every layer, plus Wᵀ·G for every layer but the first
    const expectedStep = 2 * 100 * (2 * 3072 * 50 + 3 * 50 * 50 + 3 * 50 * 10);
    assert.equal(matmulFlopsPerStep(sizes, 100), expectedStep);
    assert.equal((matmulFlopsPerStep(sizes, 100) / 1e6).toFixed(1), "63.2");
    assert.equal((matmulFlopsEval(sizes, 50000) / 1e9).toFixed(2), "15.66");
    assert.throws(() => a3Workload("3L-BN", { steps: 10 }), /multiple of 4/);
  });

  it("reads the whole-report time from a footer: the span of the notebooks and their sum", () => {
    const md =
      `# Report\n\nbody executed 2020-01-01T00:00:00.000Z in 999 s (not in the footer)\n${FOOTER_MARKER}\n\n---\n\n` +
      "*01-a: executed 2026-01-01T10:00:00.000Z in 60.00 s; node v20*  \n*02-b: executed 2026-01-01T10:01:30.000Z in 30.50 s*\n";
    const t = parseReportTime(md, "r.md")!;
    assert.equal(t.notebooks, 2);
    assert.equal(t.sumSeconds, 90.5);
    assert.equal(t.spanSeconds, 90 + 30.5);
    assert.equal(parseReportTime("# no footer", "x.md"), undefined);
  });

  it("formats ours, each peer and the ratios side by side, with the targets judged from the numbers", () => {
    const numpy = parsePeerOutput("numpy", NUMPY_OUT, "Cooperlake");
    const torch = parsePeerOutput("torch", TORCH_OUT);
    const report: BenchReport = {
      date: "2026-01-01T00:00:00.000Z",
      machine: { cpu: "Test CPU", cores: 2, node: "v20" },
      quick: false,
      repeat: 2,
      workloads: [
        {
          config: "3L-BN",
          ours: [ours("3L-BN", "native-avx2", 1.5, 0.4), ours("3L-BN", "native-avx2-2t", 0.6, 0.1)],
          peers: { numpy: { ok: true, result: numpy }, torch: { ok: true, result: torch } },
        },
        { config: "9L-BN", ours: [ours("9L-BN", "native-avx2", 1.2, 0.3)], peers: { numpy: { ok: false, reason: "python3-numpy is not installed" } } },
      ],
      peersSkipped: { torch: "--no-torch" },
      gemm: [{ kernel: "native-avx2", shape: "W·X (50×3072)·(3072×100)", m: 50, n: 100, k: 3072, transA: false, transB: false, seconds: 1e-3, gflops: 30.72 }],
      load: { ok: false, reason: "no folder" },
      benchSeconds: 12,
    };
    const md = formatBenchMarkdown(report);
    const schedule2t = 0.6 * 9 + 20 * 0.1;
    assert.ok(md.includes(`| A3-3L-BN | nnbook native-avx2-2t | ${schedule2t.toFixed(1)} | ${(schedule2t + 0.2).toFixed(1)} | 0.600 | 0.100 |`), md);
    assert.ok(
      md.includes(
        `| A3-3L-BN | ratio native-avx2-2t / NumPy 1.24.2 | ${(schedule2t / 110.5).toFixed(3)} |  | ${(0.6 / 8.5).toFixed(3)} | ${(0.1 / 1.7).toFixed(3)} |`,
      ),
      md,
    );
    assert.ok(md.includes(`| A3-3L-BN | ratio native-avx2-2t / PyTorch 1.13.0a0 | ${(schedule2t / 84).toFixed(3)} |`), md);
    assert.ok(md.includes("NumPy 1.24.2 (float64, OpenBLAS threads: default(all cores), OpenBLAS core Cooperlake) | 110.5 | 12.0 | 8.500 | 1.700"), md);
    assert.ok(md.includes("numpy: not run (python3-numpy is not installed)"), md);
    assert.ok(md.includes("torch: not run (--no-torch)."), md);
    // the faster peer (PyTorch, 84.0 s) is the yardstick
    assert.ok(
      md.includes(
        `| A3-3L-BN full schedule ≤ 0.5 × the faster peer | ${(schedule2t / 84).toFixed(3)} × (7.4 s with native-avx2-2t vs 84.0 s, PyTorch 1.13.0a0) | yes |`,
      ),
      md,
    );
    assert.match(md, /A3-9L-BN full schedule ≤ 0\.5 × the faster peer \| no peer measured \| \? \|/);
    assert.match(md, /training step ≤ 0\.7 ms \(3L-BN\) \| 0\.600 ms \| yes/);
    assert.match(md, /evaluation pass over 50,000 images ≤ 0\.12 s \(3L-BN\) \| 0\.100 s \| yes/);
    assert.match(md, /peak memory of one CIFAR-10 run ≤ 0\.6 GB \| 1\.30 GB .* \| \*\*no\*\*/);
    assert.match(md, /\| product \| native-avx2 GFLOP\/s \|\n\| --- \| ---: \|\n\| W·X \(50×3072\)·\(3072×100\) \| 30\.7 \|/);

    // a full run has no partial-run line; a partial one says how much more it weighs the warm-up
    assert.ok(!md.includes("Partial run"), md);
    const partial = formatBenchMarkdown({ ...report, steps: 2000 });
    assert.match(partial, /Partial run: 2000 steps measured and extrapolated to 9,000 .* weighs 4\.5 times as much as the full schedule does/);

    const withLoad = formatBenchMarkdown({ ...report, load: { ok: true, seconds: 2.5, upfrontSeconds: 0.31, images: 60000, dir: "/data/cifar" } });
    assert.ok(
      withLoad.includes(
        "- Loading CIFAR-10 (60,000 images from /data/cifar): read, checked and hashed in 0.31 s, decoded and standardized on first use: 2.50 s in all (best of 2).",
      ),
      withLoad,
    );
    const withRun = formatBenchMarkdown({
      ...report,
      reportRuns: [
        {
          name: "dd2424-a3",
          jobs: 2,
          coldSeconds: 1500,
          warmSeconds: 21.4,
          runsComputed: 90,
          warmEqualsCold: true,
          equalsCommitted: { body: true, figures: false, differingFigures: ["02/cell-4.svg"] },
        },
      ],
    });
    assert.match(withRun, /report dd2424-a3, cold cache \| 25\.00 min \(90 training runs, 2 notebooks at a time\); warm 21\.4 s \| – \|/);
    assert.ok(
      withRun.includes(
        "cold (empty result cache, 90 training runs) 1500.0 s, warm 21.4 s; warm body byte-identical to the cold one; " +
          "body byte-identical to the committed report, figures **differ**: 02/cell-4.svg.",
      ),
      withRun,
    );
    assert.doesNotMatch(withRun, /all 1 reports/);
    const second = { name: "tdt4265-a2", jobs: 2, coldSeconds: 300, warmSeconds: 5, runsComputed: 30, warmEqualsCold: true };
    const withRuns = formatBenchMarkdown({ ...report, reportRuns: [{ ...second, name: "dd2424-a3", coldSeconds: 1500, runsComputed: 90 }, second] });
    assert.match(withRuns, /report tdt4265-a2, cold cache \| 5\.00 min \(30 training runs, 2 notebooks at a time\); warm 5\.0 s \| – \|/);
    assert.match(withRuns, /all 2 reports, cold cache \| 30\.00 min \(120 training runs\) \| – \|/);
    assert.ok(
      withRuns.includes("Report tdt4265-a2 generated into a scratch folder, 2 notebooks at a time: cold (empty result cache, 30 training runs) 300.0 s"),
      withRuns,
    );
  });
});
