import { strict as assert } from "assert";
import { spawn } from "child_process";
import { existsSync, readdirSync } from "fs";
import { mkdir, mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { reportNames, timeReportRun, timeReportRuns } from "../../src/bench/report-run";
import { buildReportEntry } from "../../src/report/report-entry";
import { Notebook, serializeNotebook } from "../../src/nbformat/notebook";
import { requireBuild, ROOT } from "../notebook/helpers";

/** A notebook that trains two small runs through the result cache and prints their accuracies. */
function trainingNotebook(then?: string): Notebook {
  const code = [
    `import { gaussianBlobs, runSweep } from ${JSON.stringify(join(ROOT, "dist"))};`,
    `import type { ExperimentConfig } from ${JSON.stringify(join(ROOT, "dist"))};`,
    "const data = gaussianBlobs({ dims: 6, classes: 3, train: 60, validation: 20, test: 20, seed: 3 });",
    'const base: ExperimentConfig = { hidden: [8], activation: { name: "relu" }, batchNorm: "off", init: { kind: "he" }, lambda: 0.001, batchSize: 20,',
    '  schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 6, cycles: 1 }, evaluation: { per: "cycle", times: 2 },',
    '  data: { name: "synthetic", options: { dims: 6 } }, seed: 1 };',
    "const results = await runSweep([base, { ...base, seed: 2 }], data, { workers: 0, progress: false });",
    'console.log(results.map((r) => r.final!.test.accuracy.toFixed(4)).join(" "));',
  ].join("\n");
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript" } },
    cells: [
      { id: "t", cell_type: "markdown", metadata: {}, source: "# Two runs" },
      { id: "c", cell_type: "code", metadata: {}, source: code, execution_count: null, outputs: [] },
      ...(then === undefined ? [] : [{ id: "d", cell_type: "code" as const, metadata: {}, source: then, execution_count: null, outputs: [] }]),
    ],
  };
}

describe("bench/report-run: a report generated cold, then warm, in a scratch folder", function () {
  this.timeout(180000);
  let dir: string;
  before(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-report-run-test-"));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it("times both passes, counts the runs computed cold, and compares with the committed report", async () => {
    await mkdir(join(dir, "nb"));
    await writeFile(join(dir, "nb", "runs.ipynb"), serializeNotebook(trainingNotebook()));
    const manifest = join(dir, "nb", "reports.json");
    await writeFile(manifest, JSON.stringify({ reports: [{ name: "tiny", title: "Tiny", notebooks: ["runs.ipynb"] }] }));
    const committed = { reportsDir: join(dir, "reports"), figuresDir: join(dir, "figures") };
    const saved = process.env.NNBOOK_CACHE_DIR;
    process.env.NNBOOK_CACHE_DIR = join(dir, "own-cache");
    try {
      await buildReportEntry(
        { name: "tiny", title: "Tiny", notebooks: [join(dir, "nb", "runs.ipynb")] },
        { manifest, executedDir: join(dir, "exec"), ...committed },
      );
      const lines: string[] = [];
      const t = await timeReportRun("tiny", { manifest, ...committed, log: (l) => lines.push(l) });
      assert.equal(t.runsComputed, 2, "the cold pass trained both runs into its empty cache");
      assert.ok(t.coldSeconds > 0 && t.warmSeconds > 0);
      assert.equal(t.warmEqualsCold, true);
      assert.deepEqual(t.equalsCommitted, { body: true, figures: true, differingFigures: [] });
      assert.deepEqual(lines, ["report tiny, cold (empty) cache, 1 notebook(s) at a time", "report tiny, warm cache, 1 notebook(s) at a time"]);
      assert.equal(process.env.NNBOOK_CACHE_DIR, join(dir, "own-cache"), "environment restored");
      assert.equal(readdirSync(join(dir, "own-cache")).length, 2, "the user's cache was not touched by the bench");
      assert.ok(!existsSync(join(dir, "reports", "tiny.md.tmp")));
    } finally {
      if (saved === undefined) delete process.env.NNBOOK_CACHE_DIR;
      else process.env.NNBOOK_CACHE_DIR = saved;
    }
  });

  it("--report all: every report of the manifest in order, each with its cold time and training runs", async () => {
    await mkdir(join(dir, "all"));
    await writeFile(join(dir, "all", "runs.ipynb"), serializeNotebook(trainingNotebook()));
    const manifest = join(dir, "all", "reports.json");
    await writeFile(
      manifest,
      JSON.stringify({
        reports: [
          { name: "first", title: "First", notebooks: ["runs.ipynb"] },
          { name: "second", title: "Second", notebooks: ["runs.ipynb"] },
        ],
      }),
    );
    assert.deepEqual(await reportNames("all", manifest), ["first", "second"]);
    assert.deepEqual(await reportNames("second, first", manifest), ["second", "first"]);
    await assert.rejects(reportNames("first,third", manifest), /third/);
    const none = { reportsDir: join(dir, "no-reports"), figuresDir: join(dir, "no-figures") };
    const runs = await timeReportRuns("all", { manifest, ...none });
    assert.deepEqual(
      runs.map((r) => [r.name, r.runsComputed, r.warmEqualsCold, r.equalsCommitted]),
      [
        ["first", 2, true, undefined],
        ["second", 2, true, undefined],
      ],
    );
    assert.ok(runs.every((r) => r.coldSeconds > 0));
  });

  it("a generation stopped by SIGTERM says how far its pass got and leaves no scratch folder", async () => {
    // the notebook trains its two runs, then claims a third, as a sweep does while the run trains, and
    // waits: the progress line shows the two runs in the scratch cache (not the claim), and SIGTERM
    // arrives in the middle of the cold pass (as when a session ends under a long report)
    await mkdir(join(dir, "stop", "tmp"), { recursive: true });
    await writeFile(
      join(dir, "stop", "runs.ipynb"),
      serializeNotebook(
        trainingNotebook(
          [
            'import { writeFileSync } from "fs";',
            'writeFileSync(`${process.env.NNBOOK_CACHE_DIR}/${"0".repeat(64)}.json.claim`, "{}");',
            "await new Promise((r) => setTimeout(r, 120000));",
          ].join("\n"),
        ),
      ),
    );
    const manifest = join(dir, "stop", "reports.json");
    await writeFile(manifest, JSON.stringify({ reports: [{ name: "slow", title: "Slow", notebooks: ["runs.ipynb"] }] }));
    const script = [
      `require(${JSON.stringify(join(ROOT, "dist", "kernel", "kernel-process.js"))}).exitOnSignalsOnceKernelsRun();`,
      `require(${JSON.stringify(join(ROOT, "dist", "bench", "report-run.js"))}).timeReportRun("slow", {`,
      `  manifest: ${JSON.stringify(manifest)}, reportsDir: ${JSON.stringify(join(dir, "stop", "no-reports"))}, figuresDir: ${JSON.stringify(join(dir, "stop", "no-figures"))},`,
      `  progressEveryMs: 250, log: (l) => process.stderr.write(l + "\\n") });`,
    ].join("\n");
    const child = spawn(process.execPath, ["-e", script], { cwd: ROOT, env: { ...process.env, TMPDIR: join(dir, "stop", "tmp") } });
    let exited = false;
    try {
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on("close", (code, signal) => {
          exited = true;
          done({ code, signal });
        }),
      );
      const tmp = join(dir, "stop", "tmp");
      const claimed = (): boolean =>
        readdirSync(tmp)
          .filter((f) => f.startsWith("nnbook-report-run-"))
          .some((f) => existsSync(join(tmp, f, "cache", `${"0".repeat(64)}.json.claim`)));
      const until = async (what: string, holds: () => boolean): Promise<void> => {
        while (!holds()) {
          assert.ok(!exited, `the generation ended before ${what}:\n${stderr}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await until("the notebook claimed its third run", claimed);
      const from = stderr.length;
      await until("a progress line after the claim", () => /cold \(empty\) pass: /.test(stderr.slice(from)));
      assert.match(stderr.slice(from), /^report slow, cold \(empty\) pass: \d+\.\d min, 2 training run\(s\) in its cache\n/m, "the claim is not a run");
      child.kill("SIGTERM");
      assert.deepEqual(await ended, { code: 143, signal: null }, stderr);
      assert.match(stderr, /report slow stopped in its cold \(empty\) pass after \d+\.\d min: 2 training run\(s\) computed\n/);
      assert.match(stderr, /nnbook: stopped by SIGTERM/);
      assert.deepEqual(
        readdirSync(join(dir, "stop", "tmp")).filter((f) => f.startsWith("nnbook-report-run-")),
        [],
        "the scratch folder is removed on the way out",
      );
    } finally {
      if (!exited) child.kill("SIGKILL"); // a failed check leaves no generation running
    }
  });
});
