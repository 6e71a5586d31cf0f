/**
 * The command line that starts one graded process: bubblewrap (no network, nothing of the host
 * but the system folders, Node and a read-only copy of the library; a private temp folder; no
 * teacher files; a cleared environment; the reference implementations replaced by stubs that
 * throw), under prlimit (processes, memory, CPU time, file size) and, when the grader is root,
 * setpriv to a user id of its own (so the process limit counts only the sandbox's processes and
 * nothing root owns is writable).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { HiddenExport, hidingSuffix } from "./grade-registry";

/** The package root of the running grader (holds dist/, node_modules/, package.json). */
export const PACKAGE_ROOT = resolve(__dirname, "..", "..");
/** The compiled worker the sandbox runs (also when the grader itself runs from src/ in tests). */
export const WORKER_PATH = join(PACKAGE_ROOT, "dist", "teaching", "grade-worker.js");
/** The compiled worker of the optional notebook run (notes only). */
export const NOTES_WORKER_PATH = join(PACKAGE_ROOT, "dist", "teaching", "notes-worker.js");

/** Resource limits of one graded process. */
export interface SandboxLimits {
  /** processes and threads of the sandbox user (Node itself uses about a dozen) */
  readonly processes: number;
  readonly addressSpaceBytes: number;
  readonly cpuSeconds: number;
  readonly fileSizeBytes: number;
  /** V8 heap limit, MB */
  readonly heapMb: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { processes: 96, addressSpaceBytes: 4 * 1024 ** 3, cpuSeconds: 120, fileSizeBytes: 16 * 1024 ** 2, heapMb: 512 };

/** True when `command --version` runs. */
function hasCommand(command: string): boolean {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Why the sandbox cannot be used here, or undefined when bubblewrap works. */
export function sandboxUnavailable(): string | undefined {
  if (process.platform !== "linux") return `the sandbox (bubblewrap) needs Linux; this is ${process.platform}`;
  if (!hasCommand("bwrap")) return "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)";
  const probe = spawnSync("bwrap", ["--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "--", "true"], { stdio: "ignore" });
  if (probe.status !== 0) return "bubblewrap is installed but cannot create a sandbox here (are user namespaces disabled?)";
  return undefined;
}

/** True when `path` is `dir` or inside it. */
function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && rel !== "..");
}

/** The folder the grader writes the stub modules to (readable by the sandbox user). */
export function makeStubFolder(hidden: readonly HiddenExport[]): { dir: string; binds: { stub: string; target: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), "nnbook-grade-"));
  chmodSync(dir, 0o755);
  const binds = hidden.map((h, k) => {
    const target = join(PACKAGE_ROOT, "dist", h.module);
    const stub = join(dir, `hidden-${k}.js`);
    writeFileSync(stub, readFileSync(target, "utf8") + hidingSuffix(h.exports), { mode: 0o644 });
    return { stub, target };
  });
  writeFileSync(join(dir, "empty"), "", { mode: 0o644 });
  return { dir, binds };
}

/** bwrap arguments for the system folders: /usr read-only, /bin, /lib… as on the host. */
function systemBinds(): string[] {
  const args = ["--ro-bind", "/usr", "/usr"];
  for (const top of ["/bin", "/sbin", "/lib", "/lib64", "/lib32"]) {
    if (!existsSync(top)) continue;
    if (lstatSync(top).isSymbolicLink()) args.push("--symlink", readlinkSync(top), top);
    else args.push("--ro-bind", top, top);
  }
  const nodePrefix = dirname(dirname(process.execPath));
  if (!within(process.execPath, "/usr") && !within(process.execPath, "/bin")) args.push("--ro-bind", nodePrefix, nodePrefix);
  return args;
}

/** What a sandboxed run needs besides the limits. */
export interface SandboxSetup {
  readonly stubs: { readonly dir: string; readonly binds: readonly { stub: string; target: string }[] };
  /** files that must not be visible (the teacher's notebook), hidden if they lie in a bound folder */
  readonly secretFiles: readonly string[];
  /** empty private folders (e.g. the teacher notebook's, as the kernel's working folder) */
  readonly privateDirs?: readonly string[];
  readonly limits: SandboxLimits;
  /** user id to run as (root graders only), undefined to keep the current one */
  readonly uid?: number;
}

/** The bwrap arguments (before the command). */
export function bwrapArgs(setup: SandboxSetup): string[] {
  const args = ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp"];
  args.push(...systemBinds(), "--proc", "/proc", "--dev", "/dev", "--size", String(64 * 1024 ** 2), "--tmpfs", "/tmp");
  const bound = ["dist", "node_modules", "package.json"].map((p) => join(PACKAGE_ROOT, p)).filter((p) => existsSync(p));
  for (const p of bound) args.push("--ro-bind", p, p);
  for (const d of setup.privateDirs ?? []) if (!bound.some((b) => within(resolve(d), b))) args.push("--tmpfs", resolve(d));
  for (const b of setup.stubs.binds) args.push("--ro-bind", b.stub, b.target);
  for (const f of setup.secretFiles) if (bound.some((d) => within(resolve(f), d))) args.push("--ro-bind", join(setup.stubs.dir, "empty"), resolve(f));
  args.push("--chdir", "/tmp");
  return args;
}

/** The limit arguments of prlimit. */
function prlimitArgs(limits: SandboxLimits): string[] {
  return [
    `--nproc=${limits.processes}`,
    `--as=${limits.addressSpaceBytes}`,
    `--cpu=${limits.cpuSeconds}`,
    `--fsize=${limits.fileSizeBytes}`,
    "--nofile=256",
    "--core=0",
  ];
}

/**
 * Command and arguments running `argv` sandboxed (setup given) or only limited (undefined): under
 * prlimit when present, and as user `uid` when given (setpriv).
 */
export function sandboxedCommand(
  setup: SandboxSetup | undefined,
  argv: readonly string[],
  limits: SandboxLimits = setup?.limits ?? DEFAULT_LIMITS,
  uid = setup?.uid,
): { command: string; args: string[] } {
  const inner = setup ? ["bwrap", ...bwrapArgs(setup), "--", ...argv] : [...argv];
  const limited = hasCommand("prlimit") ? ["prlimit", ...prlimitArgs(limits), "--", ...inner] : inner;
  const asUser = uid !== undefined ? ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--", ...limited] : limited;
  return { command: asUser[0], args: asUser.slice(1) };
}

/** The graded worker's command (see sandboxedCommand): Node with a heap limit and no eval. */
export function workerCommand(
  setup: SandboxSetup | undefined,
  limits: SandboxLimits = setup?.limits ?? DEFAULT_LIMITS,
  uid = setup?.uid,
): { command: string; args: string[] } {
  const node = [process.execPath, `--max-old-space-size=${limits.heapMb}`, "--disallow-code-generation-from-strings", WORKER_PATH];
  return sandboxedCommand(setup, node, limits, uid);
}

/** The notebook run's command (see sandboxedCommand): Node with a heap limit. */
export function notesWorkerCommand(
  setup: SandboxSetup | undefined,
  limits: SandboxLimits = setup?.limits ?? DEFAULT_LIMITS,
  uid = setup?.uid,
): { command: string; args: string[] } {
  return sandboxedCommand(setup, [process.execPath, `--max-old-space-size=${limits.heapMb}`, NOTES_WORKER_PATH], limits, uid);
}
