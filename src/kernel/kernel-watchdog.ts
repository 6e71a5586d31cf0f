/**
 * Kernels that die with their parent. A kernel busy in a synchronous cell (training at 100 % CPU)
 * cannot react to anything on its main thread, so the watchdog runs in a worker thread of the
 * kernel process: every {@link WATCH_INTERVAL_MS} it compares `process.ppid` with the pid of the
 * process that started it. When they differ, the parent is gone (killed by SIGKILL, crashed):
 * the watchdog removes the kernel's connection folder (it holds the HMAC key) and SIGKILLs its own
 * process. Nothing is installed in the kernel's module graph; the launcher is a `node -e` program.
 */

/** How often the watchdog looks at its parent pid. */
export const WATCH_INTERVAL_MS = 250;

/** The worker thread's program (CommonJS; reads `{ parent, dir, interval }` from workerData). */
const WATCHDOG_WORKER = `
const { workerData } = require("worker_threads");
const { rmSync } = require("fs");
const check = () => {
  if (process.ppid === workerData.parent) return;
  try { rmSync(workerData.dir, { recursive: true, force: true }); } catch (e) { /* already gone */ }
  process.kill(process.pid, "SIGKILL");
};
check();
setInterval(check, workerData.interval);
`;

/**
 * The launcher run by `node -e`: starts the watchdog worker (unreferenced, so it never keeps the
 * kernel alive) and then runs the script in `process.argv[1]` as if node had been started on it.
 */
function launcherSource(parentPid: number, connectionDir: string): string {
  const data = JSON.stringify({ parent: parentPid, dir: connectionDir, interval: WATCH_INTERVAL_MS });
  return [
    `const { Worker } = require("worker_threads");`,
    `new Worker(${JSON.stringify(WATCHDOG_WORKER)}, { eval: true, workerData: ${data} }).unref();`,
    `require(process.argv[1]);`,
  ].join("\n");
}

/**
 * `[node, "-e", <launcher>, "--", script, ...args]`: runs `script args` (process.argv as usual:
 * `[node, script, ...args]`) with a watchdog that kills the process and removes `connectionDir`
 * once `parentPid` (default: this process) is no longer its parent.
 */
export function watchedNodeCommand(script: string, args: readonly string[], connectionDir: string, parentPid = process.pid): string[] {
  return [process.execPath, "-e", launcherSource(parentPid, connectionDir), "--", script, ...args];
}
