/**
 * The tslab kernel child process: spawning `tslab kernel --config-path <file>` with the current
 * Node binary, keeping the tail of its output for error messages, and making sure no kernel
 * outlives this process: every live child is killed (and its connection folder removed) on exit
 * and on SIGINT/SIGTERM, and the kernel's own watchdog (see kernel-watchdog.ts) kills it when this
 * process dies without a chance to clean up (SIGKILL).
 */
import { ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { watchedNodeCommand } from "./kernel-watchdog";

/** How a kernel process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Live kernel processes → the folder to remove with them (their connection folder), if any. */
const live = new Map<ChildProcess, string | undefined>();
let exitHookInstalled = false;

/**
 * Kills every kernel process still alive and removes their connection folders (synchronous; safe
 * to call from signal handlers and "exit" listeners, where nothing asynchronous runs any more).
 */
export function killAllKernels(): void {
  for (const [child, dir] of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
}

let exitOnSignals = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", killAllKernels);
  if (!exitOnSignals) return;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killAllKernels();
      process.stderr.write(`nnbook: stopped by ${signal}\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/**
 * For command-line programs: once the first kernel starts, SIGINT and SIGTERM kill every kernel and
 * exit (130 / 143) with a line on stderr. Before that the signals keep their default action, so a
 * command that trains in its own thread (`nnbook bench`) still stops at once on Ctrl-C; a handler
 * installed earlier could only run after the synchronous training had finished.
 */
export function exitOnSignalsOnceKernelsRun(): void {
  exitOnSignals = true;
}

/**
 * The command that starts tslab's kernel, `node <tslab bin> kernel --config-path <path>`, behind
 * the parent watchdog: the kernel exits and removes the connection file's folder when this process dies.
 */
export function tslabKernelCommand(connectionPath: string): string[] {
  return watchedNodeCommand(require.resolve("tslab/bin/tslab"), ["kernel", "--config-path", connectionPath], dirname(connectionPath));
}

/** A spawned kernel with the last few kilobytes of its stdout/stderr and a promise of its exit. */
export class KernelProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ProcessExit>;
  private tail = "";
  private exitInfo: ProcessExit | null = null;

  /**
   * Spawns `command` (argv, first element the executable) in `cwd`. `cleanupDir` (the connection
   * folder) is removed synchronously by {@link killAllKernels} if this process is killed while
   * the kernel runs; the normal shutdown removes it itself.
   */
  constructor(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env, cleanupDir?: string) {
    installExitHook();
    this.child = spawn(command[0], command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    live.set(this.child, cleanupDir);
    const keep = (chunk: Buffer): void => {
      this.tail = (this.tail + chunk.toString("utf8")).slice(-4000);
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => {
      const done = (info: ProcessExit): void => {
        live.delete(this.child);
        this.exitInfo = this.exitInfo ?? info;
        resolve(this.exitInfo);
      };
      this.child.once("exit", (code, signal) => done({ code, signal }));
      this.child.once("error", (error) => {
        this.tail += `\n${error.message}`;
        done({ code: null, signal: null });
      });
    });
  }

  /** The process's recent output (trimmed), for error messages. */
  outputTail(): string {
    return this.tail.trim();
  }

  /** `null` while running, else how it ended. */
  exitStatus(): ProcessExit | null {
    return this.exitInfo;
  }

  /** Describes the exit (or the running state) in words, with the output tail. */
  describe(): string {
    const info = this.exitInfo;
    const how = info === null ? "is still running" : info.signal ? `was killed by ${info.signal}` : `exited with code ${info.code}`;
    const tail = this.outputTail();
    return tail === "" ? `the kernel ${how}` : `the kernel ${how}; its last output:\n${tail}`;
  }

  /** Sends `signal` if the process is still running. */
  signal(signal: NodeJS.Signals): void {
    if (this.exitInfo === null && this.child.exitCode === null) this.child.kill(signal);
  }

  /** Waits up to `ms` for the exit; then SIGTERM, then SIGKILL. Resolves once the process is gone. */
  async stop(ms: number): Promise<ProcessExit> {
    const waitFor = (t: number): Promise<boolean> =>
      Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), t).unref())]);
    if (await waitFor(ms)) return this.exited;
    this.signal("SIGTERM");
    if (await waitFor(2000)) return this.exited;
    this.signal("SIGKILL");
    return this.exited;
  }
}
