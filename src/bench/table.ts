import { markdownTable } from "../report/markdown";
import { MLP_GEMM_SHAPES } from "../tensor/bench-kernel";
import type { A3BenchResult } from "./run-a3";
import { workloadFlops } from "./run-a3";
import type { BenchReport, WorkloadComparison } from "./bench-report";
import type { PeerResult } from "./peers";

const f = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;

/** Our fastest result for a configuration (smallest full-schedule time). */
export function fastest(w: WorkloadComparison): A3BenchResult {
  return w.ours.reduce((a, b) => (b.best.scheduleSeconds < a.best.scheduleSeconds ? b : a));
}

/** The peers that ran successfully for a configuration. */
function peerResults(w: WorkloadComparison): PeerResult[] {
  return Object.values(w.peers ?? {}).flatMap((o) => (o?.ok ? [o.result] : []));
}

/** The faster peer (smallest full-schedule estimate) of a configuration, if any ran. */
export function fastestPeer(w: WorkloadComparison): PeerResult | undefined {
  return peerResults(w).reduce<PeerResult | undefined>((a, b) => (!a || b.best.estimateSeconds < a.best.estimateSeconds ? b : a), undefined);
}

function peerRow(name: string, w: WorkloadComparison, p: PeerResult): Record<string, string> {
  const rate = workloadFlops(w.ours[0].workload) / p.best.estimateSeconds / 1e9;
  const core = p.openblasCore ? `, OpenBLAS core ${p.openblasCore}` : "";
  return {
    config: name,
    implementation: `${p.label} (${p.setting}${core})`,
    "schedule (s)": f(p.best.estimateSeconds, 1),
    "wall (s)": f(p.best.totalSeconds, 1),
    "ms/step": f(p.best.msPerStep, 3),
    "eval pass (s)": f(p.best.evalPassSeconds, 3),
    "GFLOP/s": f(rate, 1),
    "peak RSS": "–",
    "other load (cores)": f(Math.max(...p.runs.map((r) => r.foreignCores)), 2),
    runs: String(p.runs.length),
  };
}

/** The rows of one configuration: ours (one per kernel), each peer, and our ratios to each peer. */
function workloadRows(w: WorkloadComparison): Record<string, string>[] {
  const name = `A3-${w.config}`;
  const rows: Record<string, string>[] = w.ours.map((ours) => ({
    config: name,
    implementation: `nnbook ${ours.kernel}`,
    "schedule (s)": f(ours.best.scheduleSeconds, 1),
    "wall (s)": f(ours.best.totalSeconds, 1),
    "ms/step": f(ours.best.msPerStep, 3),
    "eval pass (s)": f(ours.best.evalPassSeconds, 3),
    "GFLOP/s": f(ours.gflops, 1),
    "peak RSS": gb(ours.peakRssBytes),
    "other load (cores)": f(Math.max(...ours.runs.map((r) => r.foreignCores)), 2),
    runs: String(ours.runs.length),
  }));
  for (const [peer, outcome] of Object.entries(w.peers ?? {})) {
    if (outcome && !outcome.ok) rows.push({ config: name, implementation: `${peer}: not run (${outcome.reason})` });
  }
  for (const p of peerResults(w)) {
    rows.push(peerRow(name, w, p));
    for (const ours of w.ours) {
      rows.push({
        config: name,
        implementation: `ratio ${ours.kernel} / ${p.label}`,
        "schedule (s)": f(ours.best.scheduleSeconds / p.best.estimateSeconds, 3),
        "ms/step": f(ours.best.msPerStep / p.best.msPerStep, 3),
        "eval pass (s)": f(ours.best.evalPassSeconds / p.best.evalPassSeconds, 3),
      });
    }
  }
  return rows;
}

const yes = (ok: boolean): string => (ok ? "yes" : "**no**");

/** "ours ≤ 0.5 × the faster peer" for one configuration. */
function ratioRow(w: WorkloadComparison): Record<string, string> {
  const best = fastest(w);
  const peer = fastestPeer(w);
  const target = `A3-${w.config} full schedule ≤ 0.5 × the faster peer`;
  if (!peer) return { target, measured: "no peer measured", met: "?" };
  const ratio = best.best.scheduleSeconds / peer.best.estimateSeconds;
  return {
    target,
    measured: `${f(ratio, 3)} × (${f(best.best.scheduleSeconds, 1)} s with ${best.kernel} vs ${f(peer.best.estimateSeconds, 1)} s, ${peer.label})`,
    met: yes(ratio <= 0.5),
  };
}

/** The performance issue's targets against the measurements (not in quick mode: its numbers mean nothing). */
function targetRows(r: BenchReport): Record<string, string>[] {
  const rows = r.workloads.map(ratioRow);
  const three = r.workloads.find((w) => w.config === "3L-BN");
  if (three) {
    const step = Math.min(...three.ours.map((o) => o.best.msPerStep));
    const evalPass = Math.min(...three.ours.map((o) => o.best.evalPassSeconds));
    rows.push({ target: "training step ≤ 0.7 ms (3L-BN)", measured: `${f(step, 3)} ms`, met: yes(step <= 0.7) });
    rows.push({ target: "evaluation pass over 50,000 images ≤ 0.12 s (3L-BN)", measured: `${f(evalPass, 3)} s`, met: yes(evalPass <= 0.12) });
  }
  const runs = r.reportRuns ?? [];
  for (const run of runs) {
    rows.push({
      target: `report ${run.name}, cold cache`,
      measured: `${f(run.coldSeconds / 60, 2)} min (${run.runsComputed} training runs, ${run.jobs} notebooks at a time); warm ${f(run.warmSeconds, 1)} s`,
      met: "–",
    });
  }
  if (runs.length > 1) {
    const cold = runs.reduce((s, run) => s + run.coldSeconds, 0);
    const trained = runs.reduce((s, run) => s + run.runsComputed, 0);
    rows.push({ target: `all ${runs.length} reports, cold cache`, measured: `${f(cold / 60, 2)} min (${trained} training runs)`, met: "–" });
  }
  const rss = Math.max(...r.workloads.flatMap((w) => w.ours.map((o) => o.peakRssBytes)));
  if (Number.isFinite(rss))
    rows.push({ target: "peak memory of one CIFAR-10 run ≤ 0.6 GB", measured: `${gb(rss)} (process peak, data included)`, met: yes(rss <= 0.6e9) });
  return rows;
}

/** The GEMM table: one row per shape, one GFLOP/s column per kernel. */
function gemmRows(r: BenchReport): Record<string, string>[] {
  const kernels = [...new Set(r.gemm.map((g) => g.kernel))];
  return MLP_GEMM_SHAPES.filter((s) => r.gemm.some((g) => g.shape === s.label)).map((s) => {
    const row: Record<string, string> = { product: s.label };
    for (const k of kernels) {
      const g = r.gemm.find((x) => x.kernel === k && x.shape === s.label);
      row[`${k} GFLOP/s`] = g ? f(g.gflops, 1) : "–";
    }
    return row;
  });
}

/** The whole bench report as Markdown (the table `npm run bench` prints and writes to build/bench.md). */
export function formatBenchMarkdown(r: BenchReport): string {
  const out: string[] = [`## nnbook bench, ${r.date}${r.quick ? " (quick smoke run: tiny data, numbers not representative)" : ""}`, ""];
  out.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}. Best of ${r.repeat} run(s) per row, taken in ` +
      `${r.repeat} round(s), each running every configuration once with our kernels and then with each peer, so that ours and the ` +
      `peers' are measured side by side in time; "other load" is the CPU time other processes used meanwhile (the machine is shared).`,
    "",
  );
  const w0 = r.workloads[0]?.ours[0]?.workload;
  if (w0) {
    out.push(
      `### DD2424 A3 schedule: 9,000 steps of batch 100 + 20 evaluation passes over ${w0.nTrain.toLocaleString("en")} + ${w0.nValidation.toLocaleString("en")} images (d = 3,072, float64)`,
      "",
    );
    if (r.steps !== undefined) {
      out.push(
        `Partial run: ${r.steps} steps measured and extrapolated to 9,000 (as the peer scripts do). Our steps include the JavaScript engine's ` +
          `warm-up (its compilations run beside our two threads during the first ≈ 2,000 steps), which a partial run weighs ` +
          `${(9000 / r.steps).toFixed(1)} times as much as the full schedule does: the targets are judged on the full schedule (\`npm run bench\`).`,
        "",
      );
    }
    out.push(
      markdownTable(r.workloads.flatMap(workloadRows), {
        columns: ["config", "implementation", "schedule (s)", "wall (s)", "ms/step", "eval pass (s)", "GFLOP/s", "peak RSS", "other load (cores)", "runs"],
        align: {
          "schedule (s)": "right",
          "wall (s)": "right",
          "ms/step": "right",
          "eval pass (s)": "right",
          "GFLOP/s": "right",
          "other load (cores)": "right",
          runs: "right",
        },
      }),
      "",
    );
    out.push(
      'schedule = ms/step × 9,000 + eval pass × 20, the peer scripts\' workload and their "full-schedule estimate". wall = the measured run: ' +
        "ours is `trainMlp`, which also evaluates before the first step and after the last (22 passes); a partial run's wall covers only its steps.",
      "",
    );
    for (const [peer, why] of Object.entries(r.peersSkipped ?? {})) out.push(`${peer}: not run (${why}).`, "");
  }
  if (!r.quick) out.push("### Targets of the performance issue", "", markdownTable(targetRows(r), { columns: ["target", "measured", "met"] }), "");
  if (r.gemm.length > 0) {
    const rows = gemmRows(r);
    const align = Object.fromEntries(
      Object.keys(rows[0] ?? {})
        .filter((c) => c !== "product")
        .map((c) => [c, "right" as const]),
    );
    out.push("### Matrix products of one step (best of repeats)", "", markdownTable(rows, { align }), "");
  }
  out.push("### Other timings", "");
  out.push(
    r.load.ok
      ? `- Loading CIFAR-10 (${r.load.images.toLocaleString("en")} images from ${r.load.dir}): read, checked and hashed in ${f(r.load.upfrontSeconds, 2)} s, ` +
          `decoded and standardized on first use: ${f(r.load.seconds, 2)} s in all (best of 2).`
      : `- Loading CIFAR-10: not measured (${r.load.reason}).`,
  );
  out.push(
    r.report
      ? `- Whole report ${r.report.file}: ${f(r.report.spanSeconds, 1)} s wall from its footer (Σ over ${r.report.notebooks} notebooks ${f(r.report.sumSeconds, 1)} s; cache state of that run unknown).`
      : "- Whole DD2424 A3 report: not generated yet (no reports/dd2424-a3.md with a timing footer).",
  );
  for (const run of r.reportRuns ?? []) {
    const same = run.equalsCommitted;
    out.push(
      `- Report ${run.name} generated into a scratch folder, ${run.jobs} notebooks at a time: cold (empty result cache, ${run.runsComputed} training runs) ` +
        `${f(run.coldSeconds, 1)} s, warm ${f(run.warmSeconds, 1)} s; warm body ${run.warmEqualsCold ? "byte-identical to" : "**differs from**"} the cold one; ` +
        (same
          ? `body ${same.body ? "byte-identical to" : "**differs from**"} the committed report, figures ${same.figures ? "identical" : `**differ**: ${same.differingFigures.join(", ")}`}.`
          : "no committed report to compare with."),
    );
  }
  out.push(`- This bench took ${f(r.benchSeconds, 1)} s.`, "");
  return out.join("\n");
}
