import { existsSync, readdirSync, readFileSync, rmSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join, relative } from "path";
import { buildReportEntry } from "../report/report-entry";
import { RunEvent } from "../kernel/runner";
import { splitFooter } from "../report/export-header";
import { readManifest, selectReports } from "../report/manifest";

/** A report generated twice into a scratch folder: with an empty result cache, then again. */
export interface ReportRunTime {
  readonly name: string;
  readonly jobs: number;
  readonly coldSeconds: number;
  readonly warmSeconds: number;
  /** training runs the cold pass computed (entries in its fresh cache) */
  readonly runsComputed: number;
  /** the warm body equals the cold body (footers excluded) */
  readonly warmEqualsCold: boolean;
  /** the cold body and figures equal the committed report's, when there is one */
  readonly equalsCommitted?: { readonly body: boolean; readonly figures: boolean; readonly differingFigures: readonly string[] };
}

/** Options of `timeReportRun`. */
export interface ReportRunOptions {
  readonly manifest?: string;
  /** where the committed report and figures are, to compare with (default reports/, figures/) */
  readonly reportsDir?: string;
  readonly figuresDir?: string;
  /** notebooks at once (default 1) */
  readonly jobs?: number;
  readonly progress?: (notebook: string) => (event: RunEvent) => void;
  readonly log?: (line: string) => void;
  /**
   * every this many milliseconds of a pass, a line on `log` with the time so far and the training
   * runs in the scratch cache (default 5 minutes; 0: none), so a generation stopped before its end
   * still tells how far it got
   */
  readonly progressEveryMs?: number;
}

/** Files below `dir`, relative, sorted ([] when absent). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * Times report `name` as a new user would see it: generated into a scratch folder with an empty
 * result cache (cold), then again with the cache it left (warm). Compares the bodies with each
 * other and with the committed report (and its figures), so the timing also checks that the
 * committed report is what the code produces. Nothing outside the scratch folder is written.
 */
export async function timeReportRun(name: string, opts: ReportRunOptions = {}): Promise<ReportRunTime> {
  const manifest = opts.manifest ?? join("notebooks", "reports.json");
  const [entry] = selectReports(await readManifest(manifest), [name], manifest);
  const scratch = await mkdtemp(join(tmpdir(), "nnbook-report-run-"));
  const dirs = { manifest, executedDir: join(scratch, "executed"), reportsDir: join(scratch, "reports"), figuresDir: join(scratch, "figures") };
  const cache = join(scratch, "cache");
  const saved = process.env.NNBOOK_CACHE_DIR;
  const jobs = opts.jobs ?? 1;
  // entries only: a pass in progress also has claims (`<key>.json.claim`) and temporary files there
  const runsSoFar = (): number => filesBelow(cache).filter((f) => f.endsWith(".json")).length;
  const minutes = (ms: number): string => `${(ms / 60000).toFixed(1)} min`;
  // the pass running now, for the progress lines and for a process that exits in the middle
  let current: { label: string; t0: number } | undefined;
  const pass = async (label: string): Promise<{ seconds: number; body: string }> => {
    opts.log?.(`report ${name}, ${label} cache, ${jobs} notebook(s) at a time`);
    const t0 = performance.now();
    current = { label, t0 };
    const every = opts.progressEveryMs ?? 300000;
    const ticker =
      every > 0
        ? setInterval(() => opts.log?.(`report ${name}, ${label} pass: ${minutes(performance.now() - t0)}, ${runsSoFar()} training run(s) in its cache`), every)
        : undefined;
    ticker?.unref();
    try {
      const out = await buildReportEntry(entry, dirs, { jobs, progress: opts.progress });
      return { seconds: (performance.now() - t0) / 1000, body: splitFooter(readFileSync(out, "utf8")).body };
    } finally {
      clearInterval(ticker);
      current = undefined;
    }
  };
  // Stopped (SIGINT/SIGTERM exit through process.exit, which runs "exit" listeners): say how far the
  // pass got, and remove the scratch folder, which the `finally` below no longer gets to.
  const onExit = (): void => {
    if (current !== undefined) {
      opts.log?.(
        `report ${name} stopped in its ${current.label} pass after ${minutes(performance.now() - current.t0)}: ${runsSoFar()} training run(s) computed`,
      );
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  process.on("exit", onExit);
  try {
    process.env.NNBOOK_CACHE_DIR = cache; // the kernels inherit it
    const cold = await pass("cold (empty)");
    const runsComputed = runsSoFar();
    const warm = await pass("warm");
    const committedFile = join(opts.reportsDir ?? "reports", `${name}.md`);
    let equalsCommitted: ReportRunTime["equalsCommitted"];
    if (existsSync(committedFile)) {
      const committedFigures = join(opts.figuresDir ?? "figures", name);
      const ours = filesBelow(join(dirs.figuresDir, name));
      const theirs = filesBelow(committedFigures);
      const differingFigures = [...new Set([...ours, ...theirs])].filter(
        (f) => !ours.includes(f) || !theirs.includes(f) || !readFileSync(join(dirs.figuresDir, name, f)).equals(readFileSync(join(committedFigures, f))),
      );
      equalsCommitted = {
        body: splitFooter(readFileSync(committedFile, "utf8")).body === cold.body,
        figures: differingFigures.length === 0,
        differingFigures,
      };
    }
    return { name, jobs, coldSeconds: cold.seconds, warmSeconds: warm.seconds, runsComputed, warmEqualsCold: warm.body === cold.body, equalsCommitted };
  } finally {
    process.off("exit", onExit);
    if (saved === undefined) delete process.env.NNBOOK_CACHE_DIR;
    else process.env.NNBOOK_CACHE_DIR = saved;
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The report names `spec` stands for: "all" (every report of the manifest, in its order), or one
 * name or a comma-separated list of names (checked against the manifest).
 */
export async function reportNames(spec: string, manifest = join("notebooks", "reports.json")): Promise<string[]> {
  const entries = await readManifest(manifest);
  if (spec === "all") return entries.map((e) => e.name);
  const names = spec
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return selectReports(entries, names, manifest).map((e) => e.name);
}

/**
 * `timeReportRun` for each report `spec` names ("all", a name, or "a,b"), one after the other:
 * the cold time and training-run count of each, so the cost of the whole suite adds up.
 */
export async function timeReportRuns(spec: string, opts: ReportRunOptions = {}): Promise<ReportRunTime[]> {
  const out: ReportRunTime[] = [];
  for (const name of await reportNames(spec, opts.manifest)) out.push(await timeReportRun(name, opts));
  return out;
}
