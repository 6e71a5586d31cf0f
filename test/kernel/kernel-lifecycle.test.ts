/**
 * No kernel outlives `nnbook run`, and no connection file (it holds the HMAC key) is left behind:
 * checked by the kernel's PID and by path, with the CLI killed by SIGKILL and SIGTERM, a cell that
 * kills the kernel, and a cell that ignores the interrupt after its time limit. Each CLI run gets its
 * own TMPDIR, so the connection folders checked are exactly the ones that run created.
 */
import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { removeStaleConnectionDirs, UNOWNED_DIR_AGE_MS } from "../../src/kernel/connection";
import { INTERRUPT_GRACE_MS } from "../../src/kernel/kernel";
import { alive, CLI, requireBuild, runProcess } from "../notebook/helpers";
import { deadPid } from "../util/processes";

async function waitUntil(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (test()) return true;
  }
  return test();
}

/** A notebook of code cells. */
function writeNotebook(path: string, cells: readonly string[]): void {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((source, k) => ({ id: `c${k + 1}`, cell_type: "code", metadata: {}, source, execution_count: null, outputs: [] })),
  };
  writeFileSync(path, JSON.stringify(nb));
}

/** The connection folders in `tmp` (with their connection.json, if still there). */
function connectionDirs(tmp: string): string[] {
  return readdirSync(tmp)
    .filter((n) => n.startsWith("nnbook-kernel-"))
    .map((n) => join(tmp, n));
}

const WRITE_PID = 'require("fs").writeFileSync(process.env.PID_FILE, String(process.pid));';

describe("notebook/kernel lifecycle: no orphaned kernels, no connection files left behind", function () {
  this.timeout(120_000);
  let dir: string;
  let n = 0;
  before(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-lifecycle-"));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  /** A scratch TMPDIR and pid file for one CLI run, and the environment that points at them. */
  function scratch(): { tmp: string; pidFile: string; env: NodeJS.ProcessEnv } {
    const tmp = join(dir, `tmp-${++n}`);
    mkdirSync(tmp);
    const pidFile = join(dir, `kernel-${n}.pid`);
    return { tmp, pidFile, env: { ...process.env, TMPDIR: tmp, PID_FILE: pidFile } };
  }

  /** Starts `nnbook run` on a notebook whose second cell records the kernel pid, then spins. */
  async function runUntilSpinning(): Promise<{ cli: ChildProcess; kernelPid: number; connection: string; tmp: string }> {
    const { tmp, pidFile, env } = scratch();
    const nb = join(dir, `spin-${n}.ipynb`);
    writeNotebook(nb, ['console.log("warm-up")', `${WRITE_PID}\nwhile (true) {}`]);
    const cli = spawn(process.execPath, [CLI, "run", nb, "--out", join(dir, `spin-${n}.out.ipynb`)], { env, stdio: "ignore" });
    assert.ok(await waitUntil(() => existsSync(pidFile), 60_000), "the kernel reached the spinning cell");
    const kernelPid = Number(readFileSync(pidFile, "utf8"));
    const [connection] = connectionDirs(tmp);
    assert.ok(alive(kernelPid), "kernel running");
    assert.ok(connection && existsSync(join(connection, "connection.json")), "connection file present while running");
    assert.match(connection, new RegExp(`nnbook-kernel-${cli.pid}-`), "connection folder named by the owner's pid");
    return { cli, kernelPid, connection, tmp };
  }

  it("SIGKILL of `nnbook run` mid-cell: the kernel process exits and its connection folder is removed", async () => {
    const { cli, kernelPid, connection, tmp } = await runUntilSpinning();
    cli.kill("SIGKILL");
    assert.ok(await waitUntil(() => !alive(kernelPid), 5000), `kernel ${kernelPid} still running 5 s after its parent was killed`);
    assert.ok(await waitUntil(() => !existsSync(connection), 2000), `${connection} left behind`);
    assert.deepEqual(connectionDirs(tmp), []);
  });

  it("SIGTERM of `nnbook run` mid-cell: exit code 143, kernel gone, connection folder removed", async () => {
    const { cli, kernelPid, connection } = await runUntilSpinning();
    const exited = new Promise<number | null>((r) => cli.once("exit", (code) => r(code)));
    cli.kill("SIGTERM");
    assert.equal(await exited, 143);
    assert.equal(existsSync(connection), false, "removed before the CLI exited");
    assert.ok(await waitUntil(() => !alive(kernelPid), 5000), `kernel ${kernelPid} still running`);
  });

  it("a cell that exits the kernel: executed notebook written, the error names the cell; stale folders of dead runs removed", async () => {
    const { tmp, env } = scratch();
    const stale = join(tmp, `nnbook-kernel-${await deadPid()}-AbC123`);
    const owned = join(tmp, `nnbook-kernel-${process.pid}-XyZ789`);
    const unrelated = join(tmp, "nnbook-kernel-test-abcdef");
    for (const d of [stale, owned, unrelated]) {
      mkdirSync(d);
      writeFileSync(join(d, "connection.json"), "{}");
    }
    const nb = join(dir, "exit.ipynb");
    const out = join(dir, "exit.out.ipynb");
    writeNotebook(nb, ['console.log("first")', "process.exit(3);", 'console.log("never")']);
    const run = await runProcess(process.execPath, [CLI, "run", nb, "--out", out], { env });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /nnbook: cell 2 \(In \[ \]\) failed: the kernel died while running this cell: the kernel exited with code 3/);
    const executed = JSON.parse(readFileSync(out, "utf8"));
    assert.deepEqual(executed.cells[0].outputs, [{ output_type: "stream", name: "stdout", text: "first\n" }]);
    assert.match(executed.cells[1].outputs[0].text, /^the kernel died while running this cell: the kernel exited with code 3/);
    assert.deepEqual(executed.cells[2].outputs, [], "no cell runs after the kernel died");
    assert.equal(executed.metadata.nnbook.status, "failed");
    assert.deepEqual(connectionDirs(tmp).sort(), [unrelated, owned].sort(), "the dead run's folder and this run's own folder are gone");
  });

  it("a cell still running after its time limit and the interrupt: kernel killed, notebook written, the cell named", async () => {
    const { tmp, pidFile, env } = scratch();
    const nb = join(dir, "block.ipynb");
    const out = join(dir, "block.out.ipynb");
    const sleepPid = join(dir, "sleep.pid");
    // spawnSync blocks in native code, where the kernel's SIGINT cannot stop it; the cell would take
    // 10 minutes, past this test's time limit, so the test passes only if the kernel is killed
    const block = `require("child_process").spawnSync("sh", ["-c", "echo $$ > ${sleepPid}; exec sleep 600"]);`;
    writeNotebook(nb, ['console.log("first")', `${WRITE_PID}\n${block}`]);
    try {
      const run = await runProcess(process.execPath, [CLI, "run", nb, "--out", out, "--cell-timeout", "1"], { env });
      assert.equal(run.code, 1);
      const limit = new RegExp(
        `cell 2 \\(In \\[ \\]\\) failed: the cell ran past its 1 s limit, did not stop on interrupt \\(SIGINT\\) within ${INTERRUPT_GRACE_MS / 1000} s, and the kernel was killed`,
      );
      assert.match(run.stderr, limit);
      assert.match(JSON.parse(readFileSync(out, "utf8")).cells[1].outputs[0].text, /ran past its 1 s limit/);
      assert.equal(alive(Number(readFileSync(pidFile, "utf8"))), false);
      assert.deepEqual(connectionDirs(tmp), []);
    } finally {
      const sleeper = existsSync(sleepPid) ? Number(readFileSync(sleepPid, "utf8")) : 0;
      if (sleeper > 0 && alive(sleeper)) process.kill(sleeper, "SIGKILL");
    }
  });

  it("removeStaleConnectionDirs: dead owners' and old owner-less folders go; live owners', fresh and unrelated ones stay", async () => {
    const tmp = join(dir, "stale");
    mkdirSync(tmp);
    const now = Date.now();
    const old = new Date(now - UNOWNED_DIR_AGE_MS - 60_000);
    const names = {
      dead: `nnbook-kernel-${await deadPid()}-q1W2e3`,
      live: `nnbook-kernel-${process.pid}-r4T5y6`,
      oldUnowned: "nnbook-kernel-u7I8o9",
      freshUnowned: "nnbook-kernel-p0A1s2",
      unrelated: "nnbook-kernel-test-d3F4g5",
    };
    for (const name of Object.values(names)) mkdirSync(join(tmp, name));
    utimesSync(join(tmp, names.oldUnowned), old, old);
    const removed = removeStaleConnectionDirs(tmp, now);
    assert.deepEqual(removed.sort(), [names.dead, names.oldUnowned].map((x) => join(tmp, x)).sort());
    assert.deepEqual(readdirSync(tmp).sort(), [names.live, names.freshUnowned, names.unrelated].sort());
    assert.deepEqual(removeStaleConnectionDirs(join(tmp, "no-such-folder")), []);
  });
});
