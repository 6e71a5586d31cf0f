/**
 * Runs one graded process with hard wall-clock limits: it starts in a process group of its own;
 * on a limit (the whole submission, or no progress for one call's limit plus a grace period) the
 * group gets SIGTERM, then SIGKILL after a short grace, whatever the process does with signals.
 * When the grader ran it under a user id of its own, every process left with that id is killed
 * before the run is reported finished, so nothing outlives the grader.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Limits of one run, ms. */
export interface ProcessLimits {
  /** the whole run */
  readonly totalMs: number;
  /** longest time without a new output line, once the first line came (start-up counts to the total only) */
  readonly idleMs: number;
  /** SIGTERM → SIGKILL */
  readonly graceMs: number;
}

/** How a run ended. */
export interface ProcessOutcome {
  /** complete stdout lines, in order */
  readonly lines: readonly string[];
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** which limit stopped it, if one did */
  readonly limit?: "total" | "idle" | "output";
  /** the first 4 kB of stderr */
  readonly stderr: string;
}

/** Stdout beyond this is refused (the run is stopped). */
const MAX_OUTPUT_BYTES = 64 * 1024 ** 2;
/** Process groups of runs in progress (killed by killAllGradedProcesses). */
const LIVE_GROUPS = new Set<number>();

/** Sends `signal` to process group `pgid`, ignoring a group that is already gone. */
function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group has ended
  }
}

/** SIGKILLs every graded process group still running (the CLI calls this on SIGINT/SIGTERM). */
export function killAllGradedProcesses(): void {
  for (const pgid of LIVE_GROUPS) signalGroup(pgid, "SIGKILL");
}

/** Pids of the live (not zombie) processes whose real user id is one of `uids` (from /proc). */
export function processesOfUsers(uids: readonly number[]): number[] {
  const wanted = new Set(uids);
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const uid = /^Uid:\s+(\d+)\s/m.exec(status)?.[1];
      if (uid !== undefined && wanted.has(Number(uid)) && !/^State:\s+Z/m.test(status)) pids.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** SIGKILLs the processes of `uid` until none is left (at most `waitMs`); returns how many were found. */
export async function sweepUser(uid: number, waitMs = 3000): Promise<number> {
  const seen = new Set<number>();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pids = processesOfUsers([uid]);
    if (pids.length === 0) return seen.size;
    if (Date.now() > deadline) throw new Error(`processes of sandbox user ${uid} survive SIGKILL: ${pids.join(", ")}`);
    for (const pid of pids) {
      seen.add(pid);
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `command args` in a new process group with `env` only, writes `input` to its stdin and
 * collects its stdout lines under `limits` (see the module comment). `onLine` sees each line as
 * it arrives; returning true ends the run at once (the process has said all it will say).
 */
export function runGradedProcess(
  command: string,
  args: readonly string[],
  input: string,
  limits: ProcessLimits,
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => boolean } = {},
): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["pipe", "pipe", "pipe"], env: opts.env ?? { PATH: "/usr/bin:/bin" }, cwd: opts.cwd });
    const pgid = child.pid;
    if (pgid === undefined) return child.once("error", reject);
    LIVE_GROUPS.add(pgid);
    const lines: string[] = [];
    let partial = "",
      bytes = 0,
      stderr = "",
      limit: ProcessOutcome["limit"],
      killTimer: NodeJS.Timeout | undefined;
    const stop = (why: ProcessOutcome["limit"] | "done"): void => {
      if (killTimer) return;
      if (why !== "done") limit = why;
      signalGroup(pgid, why === "done" ? "SIGKILL" : "SIGTERM");
      killTimer = setTimeout(() => signalGroup(pgid, "SIGKILL"), limits.graceMs);
    };
    const total = setTimeout(() => stop("total"), limits.totalMs);
    let idle: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_OUTPUT_BYTES) return stop("output");
      const parts = (partial + chunk.toString("utf8")).split("\n");
      partial = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (opts.onLine?.(line)) stop("done");
      }
      clearTimeout(idle);
      idle = setTimeout(() => stop("idle"), limits.idleMs);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString("utf8").slice(0, 4096 - stderr.length);
    });
    child.stdin.on("error", () => undefined); // a process that never reads its input
    child.stdin.end(input);
    child.once("error", reject);
    child.once("close", (exitCode, signal) => {
      clearTimeout(total);
      clearTimeout(idle);
      signalGroup(pgid, "SIGKILL"); // anything left in the group
      if (killTimer) clearTimeout(killTimer);
      LIVE_GROUPS.delete(pgid);
      resolve({ lines, exitCode, signal, limit, stderr });
    });
  });
}
