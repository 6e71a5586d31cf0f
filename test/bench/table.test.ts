import { strict as assert } from "assert";
import { parseNumpyOutput } from "../../src/bench/numpy";
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

function ours(config: "3L-BN" | "9L-BN", kernel: string, msPerStep: number, evalPass: number): A3BenchResult {
  const workload = a3Workload(config);
  const scheduleSeconds = (msPerStep / 1000) * 9000 + 20 * evalPass;
  const run = { totalSeconds: scheduleSeconds + 2 * evalPass, steps: 9000, msPerStep, evalPasses: 22, evalPassSeconds: evalPass, scheduleSeconds, foreignCores: 0.1 };
  return { config, kernel, workload, runs: [run], best: run, gflops: workloadFlops(workload) / scheduleSeconds / 1e9, peakRssBytes: 1.3e9 };
}

describe("bench/table and parsing", () => {
  it("parses every run of the NumPy script's output and keeps the smallest estimate as best", () => {
    const r = parseNumpyOutput(NUMPY_OUT);
    assert.equal(r.numpyVersion, "1.24.2");
    assert.equal(r.threads, "default(all cores)");
    assert.match(r.blas, /openblas/);
    assert.equal(r.runs.length, 2);
    assert.deepEqual(r.runs[0], { totalSeconds: 13.48, steps: 1000, evals: 2, msPerStep: 9.691, evalPassSeconds: 1.891, estimateSeconds: 125, foreignCores: 1.22 });
    assert.equal(r.best, r.runs[1]);
    assert.throws(() => parseNumpyOutput("Traceback (most recent call last):"), /no "numpy <version> float64/);
    assert.throws(() => parseNumpyOutput(NUMPY_OUT.split("\n").slice(0, 3).join("\n")), /no "run N: total/);
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
    const md = `# Report\n\nbody executed 2020-01-01T00:00:00.000Z in 999 s (not in the footer)\n${FOOTER_MARKER}\n\n---\n\n` +
      "*01-a: executed 2026-01-01T10:00:00.000Z in 60.00 s; node v20*  \n*02-b: executed 2026-01-01T10:01:30.000Z in 30.50 s*\n";
    const t = parseReportTime(md, "r.md")!;
    assert.equal(t.notebooks, 2);
    assert.equal(t.sumSeconds, 90.5);
    assert.equal(t.spanSeconds, 90 + 30.5);
    assert.equal(parseReportTime("# no footer", "x.md"), undefined);
  });

  it("formats ours, NumPy and the ratio side by side, with the targets judged from the numbers", () => {
    const numpy = parseNumpyOutput(NUMPY_OUT);
    const report: BenchReport = {
      date: "2026-01-01T00:00:00.000Z", machine: { cpu: "Test CPU", cores: 2, node: "v20" }, quick: false, repeat: 2,
      workloads: [
        { config: "3L-BN", ours: [ours("3L-BN", "native-avx2", 1.5, 0.4), ours("3L-BN", "native-avx2-2t", 0.9, 0.1)], numpy: { ok: true, result: numpy } },
        { config: "9L-BN", ours: [ours("9L-BN", "native-avx2", 1.2, 0.3)], numpy: { ok: false, reason: "python3-numpy is not installed" } },
      ],
      gemm: [{ kernel: "native-avx2", shape: "W·X (50×3072)·(3072×100)", m: 50, n: 100, k: 3072, transA: false, transB: false, seconds: 1e-3, gflops: 30.72 }],
      load: { ok: false, reason: "no folder" }, benchSeconds: 12,
    };
    const md = formatBenchMarkdown(report);
    const schedule2t = 0.9 * 9 + 20 * 0.1;
    assert.ok(md.includes(`| A3-3L-BN | nnbook native-avx2-2t | ${schedule2t.toFixed(1)} | ${(schedule2t + 0.2).toFixed(1)} | 0.900 | 0.100 |`), md);
    assert.ok(md.includes(`| A3-3L-BN | ratio native-avx2-2t / NumPy | ${(schedule2t / 110.5).toFixed(3)} |  | ${(0.9 / 8.5).toFixed(3)} | ${(0.1 / 1.7).toFixed(3)} |`), md);
    assert.ok(md.includes("NumPy 1.24.2 (OpenBLAS threads: default(all cores)) | 110.5 | 12.0 | 8.500 | 1.700"), md);
    assert.ok(md.includes("NumPy: not run (python3-numpy is not installed)"), md);
    assert.ok(md.includes(`| A3-3L-BN full schedule ≤ 0.5 × NumPy | ${(schedule2t / 110.5).toFixed(3)} × (10.1 s with native-avx2-2t vs 110.5 s) | yes |`), md);
    assert.match(md, /training step ≤ 1\.0 ms \(3L-BN\) \| 0\.900 ms \| yes/);
    assert.match(md, /matrix products of the MLP ≥ 40 GFLOP\/s on one core \| min 30\.7 GFLOP\/s .* \| \*\*no\*\*/);
    assert.match(md, /whole DD2424 A3 report, cold cache, ≤ 5 min \| not run \(`--report dd2424-a3`\) \| \? \|/);
    assert.match(md, /\| product \| native-avx2 GFLOP\/s \|\n\| --- \| ---: \|\n\| W·X \(50×3072\)·\(3072×100\) \| 30\.7 \|/);

    const withLoad = formatBenchMarkdown({ ...report, load: { ok: true, seconds: 2.5, upfrontSeconds: 0.31, images: 60000, dir: "/data/cifar" } });
    assert.ok(withLoad.includes("- Loading CIFAR-10 (60,000 images from /data/cifar): read, checked and hashed in 0.31 s, decoded and standardized on first use: 2.50 s in all (best of 2)."), withLoad);
    const withRun = formatBenchMarkdown({ ...report, reportRun: {
      name: "dd2424-a3", jobs: 2, coldSeconds: 1500, warmSeconds: 21.4, runsComputed: 90, warmEqualsCold: true,
      equalsCommitted: { body: true, figures: false, differingFigures: ["02/cell-4.svg"] } } });
    assert.match(withRun, /whole dd2424-a3 report, cold cache, ≤ 5 min \| 25\.00 min \(90 training runs, 2 notebooks at a time\); warm 21\.4 s \| \*\*no\*\* \|/);
    assert.ok(withRun.includes("cold (empty result cache, 90 training runs) 1500.0 s, warm 21.4 s; warm body byte-identical to the cold one; " +
      "body byte-identical to the committed report, figures **differ**: 02/cell-4.svg."), withRun);
  });
});
