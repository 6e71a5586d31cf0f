import { strict as assert } from "assert";
import { Command } from "commander";
import { addSweepQueueOption, queueUrlOption, registerWorkerCommand } from "../../src/cli/worker";

describe("cli/worker", () => {
  const saved = process.env.NNBOOK_QUEUE;
  afterEach(() => {
    if (saved === undefined) delete process.env.NNBOOK_QUEUE;
    else process.env.NNBOOK_QUEUE = saved;
  });

  it("the queue comes from --queue, else NNBOOK_QUEUE, else a clear error", () => {
    delete process.env.NNBOOK_QUEUE;
    assert.throws(() => queueUrlOption(undefined), /^Error: worker: no queue: pass --queue redis:\/\/host:port\[\/db\] or set NNBOOK_QUEUE$/);
    process.env.NNBOOK_QUEUE = "redis://env:1";
    assert.equal(queueUrlOption(undefined), "redis://env:1");
    assert.equal(queueUrlOption("redis://opt:2"), "redis://opt:2");
  });

  it("run and report get --queue: checked, then passed on as NNBOOK_QUEUE before the command runs", async () => {
    delete process.env.NNBOOK_QUEUE;
    const seen: (string | undefined)[] = [];
    const program = new Command().exitOverride();
    program.command("run <notebook>").action(() => void seen.push(process.env.NNBOOK_QUEUE));
    program.command("export").action(() => undefined);
    registerWorkerCommand(program);
    addSweepQueueOption(program);
    assert.deepEqual(
      program.commands.map((c) => c.options.some((o) => o.long === "--queue")),
      [true, false, true],
    );
    await program.parseAsync(["node", "nnbook", "run", "x.ipynb", "--queue", "redis://:pw@h:7/1"]);
    assert.deepEqual(seen, ["redis://:pw@h:7/1"]);
    await assert.rejects(program.parseAsync(["node", "nnbook", "run", "x.ipynb", "--queue", "http://h"]), /scheme must be redis: or rediss:/);
    assert.equal(seen.length, 1, "a bad URL stops the command before it runs");
  });
});
