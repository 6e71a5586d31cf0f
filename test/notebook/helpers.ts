import { spawn, spawnSync } from "child_process";
import { existsSync } from "fs";
import { join, resolve } from "path";

/** The repository root (tests run the CLI and notebooks relative to it). */
export const ROOT = resolve(__dirname, "..", "..");
export const FIXTURE = join(ROOT, "test", "fixtures", "display-demo.ipynb");
export const EXPECTED_MD = join(ROOT, "test", "fixtures", "display-demo.expected.md");
export const CLI = join(ROOT, "dist", "cli", "main.js");

/** Throws a clear error when dist/ (imported by the notebooks, run by the CLI tests) is missing. */
export function requireBuild(): void {
  for (const file of [CLI, join(ROOT, "dist", "notebook", "index.js"), join(ROOT, "dist", "notebook", "index.d.ts")]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (notebooks import ../dist)`);
  }
}

/** Result of a finished child process. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` to completion (asynchronously, so several can run at once). */
export function runProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** A Python with the nbformat package (Debian python3-nbformat), or null. */
export function pythonWithNbformat(): string | null {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(python, ["-c", "import nbformat"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Validates notebooks with the official nbformat package; returns its complaints ("" when all valid). */
export function officialValidate(python: string, paths: readonly string[]): string {
  const script = [
    "import sys, nbformat",
    "bad = []",
    "for p in sys.argv[1:]:",
    "    try:",
    "        nbformat.validate(nbformat.read(p, as_version=nbformat.NO_CONVERT))",
    "    except Exception as e:",
    "        bad.append(p + ': ' + str(e).splitlines()[0])",
    "print('\\n'.join(bad))",
  ].join("\n");
  const result = spawnSync(python, ["-c", script, ...paths], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`nbformat validation failed to run: ${result.stderr}`);
  return result.stdout.trim();
}

/** True while a process with this pid exists (signal 0 probes without signalling). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
