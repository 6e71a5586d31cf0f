/**
 * `nnbook worker` processes for the queue tests, run from the compiled CLI (dist/, built by
 * `npm test`'s pretest; the engine version does not depend on src/ vs dist/). Each keeps its
 * stderr lines; `ready` resolves once it has connected.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";

const CLI = path.resolve(__dirname, "..", "..", "dist", "cli", "main.js");

/** One worker process. */
export class WorkerProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;

  constructor(readonly name: string, url: string, env: NodeJS.ProcessEnv, extra: readonly string[] = []) {
    const args = [CLI, "worker", "--queue", url, "--name", name, "--concurrency", "1", "--lock-duration", "3000", "--stalled-interval", "1000", ...extra];
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

  /** Sends `signal` and waits for the process to exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
