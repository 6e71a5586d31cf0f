import { spawn } from "child_process";
import { existsSync } from "fs";
import { resolve } from "path";

/**
 * The peers `npm run bench` compares against, each run as a child process in its fastest setting
 * on a 2-core machine: NumPy (float64, OpenBLAS on both cores) and PyTorch (float32, one torch
 * thread and one OpenBLAS thread). Both scripts live in ../shared/bench/ and print the same "run N"
 * lines. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some machines here set and which force an
 * older, slower OpenBLAS kernel, are removed from the peers' environment (theirs alone), so we are
 * compared with the peers at their best; the OpenBLAS core they then use is reported.
 */
export type PeerName = "numpy" | "torch";

export const PEER_NAMES: readonly PeerName[] = ["numpy", "torch"];

/** One run as a peer script reports it. */
export interface PeerRun {
  readonly totalSeconds: number;
  readonly steps: number;
  readonly evals: number;
  readonly msPerStep: number;
  readonly evalPassSeconds: number;
  /** steps × ms/step extrapolated to 9,000 steps + 20 evaluation passes */
  readonly estimateSeconds: number;
  readonly foreignCores: number;
}

/** What a peer script printed, parsed. */
export interface PeerResult {
  readonly peer: PeerName;
  /** e.g. "NumPy 1.24.2" or "PyTorch 1.13.0a0" */
  readonly label: string;
  /** how it ran, e.g. "float64, OpenBLAS threads: default(all cores)" */
  readonly setting: string;
  /** OpenBLAS's core name in the peer's environment (e.g. "Zen"), when it could be read */
  readonly openblasCore?: string;
  readonly runs: readonly PeerRun[];
  /** the run with the smallest estimate */
  readonly best: PeerRun;
}

/** A peer's result, or why there is none (no python3, no module, no script, a failed run). */
export type PeerOutcome = { readonly ok: true; readonly result: PeerResult } | { readonly ok: false; readonly reason: string };

const num = String.raw`([0-9.]+|nan|inf)`;
const HEADERS: Record<PeerName, RegExp> = {
  numpy: /^numpy (\S+) float64, BLAS libs: (.*), OPENBLAS_NUM_THREADS=(.+)$/m,
  torch: /^torch (\S+) float32, threads (\d+), mkldnn (\w+)$/m,
};
const RUN = new RegExp(
  String.raw`^run \d+: total ${num} s for (\d+) steps \+ (\d+) evals \| ${num} ms/step .*?\| eval pass \(train\+val\) ${num} s .*?\| ` +
    String.raw`full-schedule estimate ${num} s \| .*other load ${num} cores`,
  "gm",
);

function describe(peer: PeerName, h: RegExpExecArray): { label: string; setting: string } {
  if (peer === "numpy") return { label: `NumPy ${h[1]}`, setting: `float64, OpenBLAS threads: ${h[3].trim()}` };
  return { label: `PyTorch ${h[1]}`, setting: `float32, ${h[2]} torch thread${h[2] === "1" ? "" : "s"}, 1 OpenBLAS thread` };
}

/** Parses a peer script's stdout; throws naming what is missing when it is not that output. */
export function parsePeerOutput(peer: PeerName, text: string, openblasCore?: string): PeerResult {
  const header = HEADERS[peer].exec(text);
  if (!header) throw new Error(`${peer}_a3.py output: no "${peer} <version> float…" header line`);
  const runs: PeerRun[] = [...text.matchAll(RUN)].map((m) => ({
    totalSeconds: Number(m[1]),
    steps: Number(m[2]),
    evals: Number(m[3]),
    msPerStep: Number(m[4]),
    evalPassSeconds: Number(m[5]),
    estimateSeconds: Number(m[6]),
    foreignCores: Number(m[7]),
  }));
  if (runs.length === 0) throw new Error(`${peer}_a3.py output: no "run N: total …" line`);
  const best = runs.reduce((a, b) => (b.estimateSeconds < a.estimateSeconds ? b : a));
  return { peer, ...describe(peer, header), ...(openblasCore ? { openblasCore } : {}), runs, best };
}

/** The peer's environment: ours without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE; PyTorch with one OpenBLAS thread. */
export function peerEnv(peer: PeerName, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  delete out.OPENBLAS_CORETYPE;
  delete out.OPENBLAS_L2_SIZE;
  if (peer === "torch") out.OPENBLAS_NUM_THREADS = "1";
  return out;
}

/** The script's arguments for a run (PyTorch: one torch thread, its fastest setting on 2 cores). */
export function peerArgs(peer: PeerName, script: string, opts: PeerBenchOptions): string[] {
  const args = [script, "--config", opts.config, "--repeat", String(opts.repeat)];
  if (peer === "torch") args.push("--threads", "1");
  if (opts.steps !== undefined) args.push("--steps", String(opts.steps));
  if (!opts.waitQuiet) args.push("--no-wait");
  return args;
}

/** Options of `runPeerBench`. */
export interface PeerBenchOptions {
  readonly config: string;
  readonly repeat: number;
  /** a partial run (the script extrapolates) */
  readonly steps?: number;
  /** default ../shared/bench/<peer>_a3.py from the working directory */
  readonly script?: string;
  /** default /usr/bin/python3 */
  readonly python?: string;
  /** let the script wait until the machine is quiet (its default; the bench passes --no-wait unless asked) */
  readonly waitQuiet?: boolean;
  /** receives every output line (progress) */
  readonly onLine?: (line: string) => void;
}

/** Runs `python args` and collects its output; `onLine` sees stdout line by line. */
function runPython(
  python: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onLine?: (l: string) => void,
): Promise<{ code: number | null; out: string; err: string; startError?: string }> {
  return new Promise((done) => {
    const child = spawn(python, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    let err = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine?.(line);
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", (e) => done({ code: null, out, err, startError: e.message }));
    child.on("close", (code) => done({ code, out, err }));
  });
}

/** Python that imports the peer's module and prints OpenBLAS's core name from the loaded library. */
const CORE_PROBE = (module: string): string =>
  [
    `import ctypes, ${module}`,
    "libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l and '.so' in l})",
    "lib = ctypes.CDLL(libs[0]); lib.openblas_get_corename.restype = ctypes.c_char_p",
    "print(lib.openblas_get_corename().decode())",
  ].join("\n");

/** The OpenBLAS core the peer uses in its environment, or undefined when it cannot be read. */
export async function openblasCore(peer: PeerName, python = "/usr/bin/python3"): Promise<string | undefined> {
  const r = await runPython(python, ["-c", CORE_PROBE(peer)], peerEnv(peer));
  const name = r.out.trim();
  return r.code === 0 && name ? name : undefined;
}

/** Runs a peer's script as a child process in its fastest setting (see `peerEnv`, `peerArgs`). */
export async function runPeerBench(peer: PeerName, opts: PeerBenchOptions): Promise<PeerOutcome> {
  const script = resolve(opts.script ?? `../shared/bench/${peer}_a3.py`);
  const python = opts.python ?? "/usr/bin/python3";
  if (!existsSync(script)) return { ok: false, reason: `${peer} script not found (${script})` };
  if (!existsSync(python)) return { ok: false, reason: `${python} not found` };
  const r = await runPython(python, peerArgs(peer, script, opts), peerEnv(peer), opts.onLine);
  if (r.startError) return { ok: false, reason: `could not start ${python}: ${r.startError}` };
  const missing = /No module named '?(\w+)/.exec(r.err);
  if (missing) return { ok: false, reason: `python3-${missing[1]} is not installed` };
  if (r.code !== 0) return { ok: false, reason: `${peer}_a3.py exited with code ${r.code}: ${r.err.trim().split("\n").pop() ?? ""}` };
  try {
    return { ok: true, result: parsePeerOutput(peer, r.out, await openblasCore(peer, python)) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}
