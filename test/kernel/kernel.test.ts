import { strict as assert } from "assert";
import { existsSync, readFileSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { KernelClient } from "../../src/kernel/kernel";
import { alive } from "../notebook/helpers";

async function waitGone(pid: number, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

describe("notebook/kernel: starting, driving and stopping the tslab kernel", function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), "nnbook-kernel-test-"))));
  after(async () => rm(dir, { recursive: true, force: true }));

  it("a kernel that exits at once gives a clear error with its exit code and output", async () => {
    let connectionPath = "";
    const command = (path: string): string[] => {
      connectionPath = path;
      return [process.execPath, "-e", "console.error('no kernel here'); process.exit(3)"];
    };
    await assert.rejects(KernelClient.start({ command, startTimeoutMs: 20_000 }), (error: Error) => {
      assert.match(error.message, /tslab kernel failed to start: the kernel exited with code 3; its last output:\nno kernel here/);
      return true;
    });
    assert.equal(existsSync(dirname(connectionPath)), false, "connection file removed");
  });

  it("a start that fails on a port taken meanwhile (EADDRINUSE) is retried with fresh ports, 3 attempts in all", async () => {
    const paths: string[] = [];
    const failing = (path: string): string[] => {
      paths.push(path);
      return [process.execPath, "-e", "console.error('Error: Address already in use (EADDRINUSE)'); process.exit(1)"];
    };
    await assert.rejects(KernelClient.start({ command: failing, startTimeoutMs: 20_000 }), /EADDRINUSE/);
    assert.equal(paths.length, 3, "three attempts");
    assert.equal(new Set(paths).size, 3, "each attempt with a fresh connection file");
    const other: string[] = [];
    const command = (path: string): string[] => (other.push(path), [process.execPath, "-e", "process.exit(2)"]);
    await assert.rejects(KernelClient.start({ command, startTimeoutMs: 20_000 }), /exited with code 2/);
    assert.equal(other.length, 1, "other failures are not retried");
  });

  it("a kernel that never answers times out and is killed", async () => {
    const pidFile = join(dir, "pid");
    const script = `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
    const started = Date.now();
    await assert.rejects(
      KernelClient.start({ command: () => [process.execPath, "-e", script], startTimeoutMs: 1500 }),
      /tslab kernel did not start within 1\.5 s \(stopped\): the kernel was killed by SIGTERM/,
    );
    assert.ok(Date.now() - started < 15_000);
    assert.equal(await waitGone(Number(readFileSync(pidFile, "utf8"))), true, "child process killed");
  });

  it("runs code on the real kernel, interrupts a cell over its time limit, shuts down (process gone)", async () => {
    const kernel = await KernelClient.start({ cwd: dir });
    const pid = kernel.pid as number;
    try {
      assert.equal((kernel.kernelInfo.language_info as { name: string }).name, "typescript");
      const outcome = await kernel.execute("const a: number = 6 * 7;\nconsole.log(`a = ${a}`);");
      assert.equal(outcome.status, "ok");
      assert.equal(outcome.executionCount, 1);
      assert.deepEqual(
        outcome.messages.map((m) => [m.header.msg_type, m.content.text]),
        [["stream", "a = 42\n"]],
      );
      const typeError = await kernel.execute('const b: number = "text";');
      assert.equal(typeError.status, "error");
      assert.match(String(typeError.messages[0]?.content.text), /Type 'string' is not assignable to type 'number'/);
      await new Promise((r) => setTimeout(r, 300)); // tslab cancels requests queued within 200 ms of an error
      const slow = await kernel.execute("await new Promise((r) => setTimeout(r, 60000));", undefined, 1000);
      assert.equal(slow.status, "error");
      assert.equal(slow.timedOut, true);
      assert.match(String(slow.messages[0]?.content.text), /Interrupted/);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await kernel.execute("console.log('still alive')")).status, "ok");
      assert.ok(alive(pid));
    } finally {
      await kernel.shutdown();
    }
    assert.equal(await waitGone(pid), true, "kernel process gone after shutdown");
  });

  it("a kernel that dies during a cell gives a clear error", async () => {
    const kernel = await KernelClient.start({ cwd: dir });
    try {
      await assert.rejects(kernel.execute("process.exit(7);"), /tslab kernel died: the kernel exited with code 7/);
      await assert.rejects(kernel.execute("1"), /tslab kernel died/);
    } finally {
      await kernel.shutdown();
    }
  });
});
