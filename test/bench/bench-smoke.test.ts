import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "..", "..");

describe("bench --quick (smoke)", function () {
  this.timeout(180_000);

  it("runs the whole bench on tiny data without NumPy and writes the Markdown table", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnbook-bench-"));
    try {
      const out = join(dir, "bench.md");
      const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", "bench", "--quick", "--threads", "1", "-o", out], {
        cwd: ROOT, encoding: "utf8", env: { ...process.env, CIFAR10_DIR: join(dir, "none") },
      });
      assert.equal(run.status, 0, run.stderr);
      const md = readFileSync(out, "utf8");
      assert.ok(run.stdout.includes(md.trim()), "stdout shows the table that was written");
      assert.match(md, /quick smoke run/);
      for (const config of ["A3-3L-BN", "A3-9L-BN"]) assert.match(md, new RegExp(`\\| ${config} \\| nnbook (native|ts)`));
      assert.match(md, /NumPy: not run \(quick run\)/);
      assert.match(md, /\| product \| ts-blocked GFLOP\/s/);
      assert.match(run.stderr, /bench: A3-9L-BN: 40 steps with/);
      assert.ok(!existsSync(`${out}.tmp`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
