/**
 * Kernel connection files: five free TCP ports on 127.0.0.1 and a random HMAC key, written to a
 * private temporary directory `nnbook-kernel-<pid>-XXXXXX` (pid: the process that owns the kernel)
 * that the caller removes when the kernel is gone; folders left by dead owners are removed by
 * {@link removeStaleConnectionDirs}.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeStaleEntries } from "../util/stale-files";

/** The connection-file fields of the Jupyter spec. */
export interface ConnectionInfo {
  transport: "tcp";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: "hmac-sha256";
  kernel_name: string;
}

/** A connection file on disk; `dispose()` removes its directory `dir`. */
export interface ConnectionFile {
  path: string;
  dir: string;
  info: ConnectionInfo;
  dispose(): Promise<void>;
}

/** Asks the OS for a free port on `host` by binding port 0 and closing again. */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error(`no free port on ${host}`))));
    });
  });
}

/** Five distinct free ports on `host`. */
async function findFreePorts(host: string, count: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count; attempt++) {
    if (attempt > 50) throw new Error(`could not find ${count} distinct free ports on ${host}`);
    ports.add(await findFreePort(host));
  }
  return [...ports];
}

/** Writes a connection file (mode 0600) with free ports and a random 256-bit key. */
export async function writeConnectionFile(kernelName = "tslab"): Promise<ConnectionFile> {
  const ip = "127.0.0.1";
  const [shell, iopub, stdin, control, hb] = await findFreePorts(ip, 5);
  const info: ConnectionInfo = {
    transport: "tcp",
    ip,
    shell_port: shell,
    iopub_port: iopub,
    stdin_port: stdin,
    control_port: control,
    hb_port: hb,
    key: randomBytes(32).toString("hex"),
    signature_scheme: "hmac-sha256",
    kernel_name: kernelName,
  };
  const dir = await mkdtemp(join(tmpdir(), `nnbook-kernel-${process.pid}-`));
  const path = join(dir, "connection.json");
  await writeFile(path, JSON.stringify(info, null, 2), { mode: 0o600 });
  return { path, dir, info, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Connection folders of this module: owner pid, or none for folders named before pids were added. */
const CONNECTION_DIRS = { match: /^nnbook-kernel-(?:(\d+)-)?[A-Za-z0-9]{6}$/, unownedAgeMs: 10 * 60_000 };
/** Folders without an owner pid are removed once this old (a kernel reads its file only at start). */
export const UNOWNED_DIR_AGE_MS = CONNECTION_DIRS.unownedAgeMs;

/**
 * Removes the connection folders in `dir` (default: the temporary folder) whose owner process is
 * gone, and owner-less ones older than {@link UNOWNED_DIR_AGE_MS}; returns the removed paths.
 * Folders of live owners (other runs going on now) are left alone.
 */
export function removeStaleConnectionDirs(dir = tmpdir(), now = Date.now()): string[] {
  return removeStaleEntries(dir, CONNECTION_DIRS, now);
}
