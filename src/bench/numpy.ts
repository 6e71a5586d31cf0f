import { spawn } from "child_process";
import { existsSync } from "fs";
import { resolve } from "path";

/** One run as the NumPy script reports it. */
export interface NumpyRun {
  readonly totalSeconds: number;
  readonly steps: number;
  readonly evals: number;
  readonly msPerStep: number;
  readonly evalPassSeconds: number;
  /** steps × ms/step extrapolated to 9,000 steps + 20 evaluation passes */
  readonly estimateSeconds: number;
  readonly foreignCores: number;
}

/** What `numpy_a3.py` printed, parsed. */
export interface NumpyResult {
  readonly numpyVersion: string;
  readonly blas: string;
  /** the script's OPENBLAS_NUM_THREADS line, e.g. "default(all cores)" */
  readonly threads: string;
  readonly runs: readonly NumpyRun[];
  /** the run with the smallest estimate */
  readonly best: NumpyRun;
}

const num = String.raw`([0-9.]+|nan|inf)`;
const HEADER = /^numpy (\S+) float64, BLAS libs: (.*), OPENBLAS_NUM_THREADS=(.+)$/m;
const RUN = new RegExp(
  String.raw`^run \d+: total ${num} s for (\d+) steps \+ (\d+) evals \| ${num} ms/step .*?\| eval pass \(train\+val\) ${num} s .*?\| ` +
    String.raw`full-schedule estimate ${num} s \| .*other load ${num} cores`, "gm",
);

/** Parses the NumPy script's stdout; throws naming what is missing when it is not that output. */
export function parseNumpyOutput(text: string): NumpyResult {
  const header = HEADER.exec(text);
  if (!header) throw new Error("numpy_a3.py output: no \"numpy <version> float64, BLAS libs: …\" line");
  const runs: NumpyRun[] = [...text.matchAll(RUN)].map((m) => ({
    totalSeconds: Number(m[1]), steps: Number(m[2]), evals: Number(m[3]), msPerStep: Number(m[4]),
    evalPassSeconds: Number(m[5]), estimateSeconds: Number(m[6]), foreignCores: Number(m[7]),
  }));
  if (runs.length === 0) throw new Error("numpy_a3.py output: no \"run N: total …\" line");
  const best = runs.reduce((a, b) => (b.estimateSeconds < a.estimateSeconds ? b : a));
  return { numpyVersion: header[1], blas: header[2].trim(), threads: header[3].trim(), runs, best };
}

/** Options of `runNumpyBench`. */
export interface NumpyBenchOptions {
  readonly config: string;
  readonly repeat: number;
  /** a partial run (the script extrapolates) */
  readonly steps?: number;
  /** default ../shared/bench/numpy_a3.py from the working directory */
  readonly script?: string;
  /** default /usr/bin/python3 */
  readonly python?: string;
  /** let the script wait until the machine is quiet (its default; the bench passes --no-wait unless asked) */
  readonly waitQuiet?: boolean;
  /** receives every output line (progress) */
  readonly onLine?: (line: string) => void;
}

/** The NumPy result, or why there is none (no python3, no numpy, no script, a failed run). */
export type NumpyOutcome = { readonly ok: true; readonly result: NumpyResult } | { readonly ok: false; readonly reason: string };

/** Runs the NumPy reference script as a child process (threads: OpenBLAS's default unless the environment sets them). */
export function runNumpyBench(opts: NumpyBenchOptions): Promise<NumpyOutcome> {
  const script = resolve(opts.script ?? "../shared/bench/numpy_a3.py");
  const python = opts.python ?? "/usr/bin/python3";
  if (!existsSync(script)) return Promise.resolve({ ok: false, reason: `NumPy script not found (${script})` });
  if (!existsSync(python)) return Promise.resolve({ ok: false, reason: `${python} not found` });
  const args = [script, "--config", opts.config, "--repeat", String(opts.repeat)];
  if (opts.steps !== undefined) args.push("--steps", String(opts.steps));
  if (!opts.waitQuiet) args.push("--no-wait");
  return new Promise((done) => {
    const child = spawn(python, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) opts.onLine?.(line);
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", (e) => done({ ok: false, reason: `could not start ${python}: ${e.message}` }));
    child.on("close", (code) => {
      if (/No module named '?numpy/.test(err)) return done({ ok: false, reason: "python3-numpy is not installed" });
      if (code !== 0) return done({ ok: false, reason: `numpy_a3.py exited with code ${code}: ${err.trim().split("\n").pop() ?? ""}` });
      try {
        done({ ok: true, result: parseNumpyOutput(out) });
      } catch (e) {
        done({ ok: false, reason: (e as Error).message });
      }
    });
  });
}
