import { strict as assert } from "assert";
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "..", "..");

describe("nnbook bench (smoke)", function () {
  this.timeout(180_000);

  it("runs the whole bench on tiny data without the peers and writes the Markdown table", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnbook-bench-"));
    try {
      const out = join(dir, "bench.md");
      const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", "bench", "--quick", "--threads", "1", "-o", out], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CIFAR10_DIR: join(dir, "none") },
      });
      assert.equal(run.status, 0, run.stderr);
      const md = readFileSync(out, "utf8");
      assert.ok(run.stdout.includes(md.trim()), "stdout shows the table that was written");
      assert.match(md, /quick smoke run/);
      for (const config of ["A3-3L-BN", "A3-9L-BN"]) assert.match(md, new RegExp(`\\| ${config} \\| nnbook (native|ts)`));
      assert.match(md, /numpy: not run \(quick run\)/);
      assert.match(md, /torch: not run \(quick run\)/);
      assert.match(md, /\| product \| ts-blocked GFLOP\/s/);
      assert.match(run.stderr, /bench: A3-9L-BN: 40 steps with/);
      assert.ok(!existsSync(`${out}.tmp`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Ctrl-C (SIGINT) stops it during a long synchronous training run, not after", async () => {
    // the full 9,000 steps take half a minute or more; the default SIGINT action ends the process in
    // the middle (a JavaScript handler could only run once the synchronous run had finished)
    const child = spawn(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        "src/cli/main.ts",
        "bench",
        "--no-numpy",
        "--no-torch",
        "--repeat",
        "1",
        "--threads",
        "1",
        "--config",
        "3L-BN",
        "-o",
        join(tmpdir(), "nnbook-never-written.md"),
      ],
      { cwd: ROOT },
    );
    let stderr = "";
    let training = false;
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("close", (code, signal) => done({ code, signal })));
    await Promise.race([
      ended,
      new Promise<void>((started) =>
        child.stderr.on("data", (d: Buffer) => {
          stderr += d.toString();
          if (/9000 steps with/.test(stderr)) {
            training = true;
            started();
          }
        }),
      ),
    ]);
    assert.ok(training, `the bench did not start training:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 1000));
    child.kill("SIGINT");
    assert.deepEqual(await ended, { code: null, signal: "SIGINT" }, stderr);
    assert.doesNotMatch(stderr, /run 1: /, "stopped before the first run ended");
  });
});
