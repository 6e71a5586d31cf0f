import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The compiled CLI: dist/cli/main.js (also when this module runs from src/ under ts-node). */
export function compiledCli(): string {
  const beside = path.resolve(__dirname, "..", "cli", "main.js");
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, "..", "..", "dist", "cli", "main.js");
}

/**
 * An `nnbook worker` child process on this machine (the queue benchmark and tests start several):
 * its stderr lines are kept; `ready` resolves once it has connected to the queue, and rejects if
 * it exits before.
 */
export class WorkerProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    url: string,
    env: NodeJS.ProcessEnv = {},
    extraArgs: readonly string[] = [],
  ) {
    const args = [compiledCli(), "worker", "--queue", url, "--name", name, ...extraArgs];
    this.child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.ready = new Promise((resolve, reject) => {
      let partial = "";
      this.child.stderr!.on("data", (chunk: Buffer) => {
        partial += chunk.toString();
        const parts = partial.split("\n");
        partial = parts.pop()!;
        for (const line of parts) {
          this.lines.push(line);
          if (/ connected to /.test(line)) resolve();
        }
      });
      void this.exited.then((code) => reject(new Error(`worker ${name} exited (${code}) before connecting:\n${this.lines.join("\n")}`)));
    });
  }

  /** The keys (first 12 hex digits) of the jobs this worker completed, one entry per completion. */
  completed(): string[] {
    return this.lines.flatMap((l) => /completed ([0-9a-f]{12})/.exec(l)?.[1] ?? []);
  }

  /** Sends `signal` (default SIGTERM: finish the run in flight, then stop) and waits for the exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
