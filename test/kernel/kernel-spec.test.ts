import { strict as assert } from "assert";
import { existsSync, readFileSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { installKernelSpec, jupyterDataDir, kernelSpecPath, tslabKernelSpec } from "../../src/kernel/kernel-spec";
import { CLI, requireBuild, ROOT, runProcess } from "../notebook/helpers";

/** `nnbook kernel install` (`npm run kernel`): where the spec goes and what it starts. */
describe("notebook/kernel-spec: this checkout's tslab as a Jupyter kernel", () => {
  it("finds Jupyter's user data folder as jupyter_core does", () => {
    assert.equal(jupyterDataDir({ JUPYTER_DATA_DIR: "/j" }, "linux", "/home/a"), "/j");
    assert.equal(jupyterDataDir({}, "linux", "/home/a"), "/home/a/.local/share/jupyter");
    assert.equal(jupyterDataDir({ XDG_DATA_HOME: "/x" }, "linux", "/home/a"), "/x/jupyter");
    assert.equal(jupyterDataDir({}, "darwin", "/Users/a"), "/Users/a/Library/Jupyter");
  });

  it("starts this node with this checkout's tslab script, both by absolute path (never the bare `tslab`)", () => {
    const spec = tslabKernelSpec();
    assert.deepEqual(spec.argv, [process.execPath, join(ROOT, "node_modules", "tslab", "bin", "tslab"), "kernel", "--config-path", "{connection_file}"]);
    assert.equal(spec.language, "typescript");
  });

  it("writes <data>/kernels/<name>/kernel.json and rejects a name that is not a folder name", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nnbook-kernelspec-"));
    try {
      const path = await installKernelSpec(tslabKernelSpec("/usr/bin/node", "/x/tslab"), dir);
      assert.equal(path, join(dir, "kernels", "tslab", "kernel.json"));
      assert.deepEqual(JSON.parse(readFileSync(path, "utf8")).argv.slice(0, 2), ["/usr/bin/node", "/x/tslab"]);
      assert.throws(() => kernelSpecPath(dir, "../evil"), /kernel name must be letters, digits/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("nnbook kernel install --print shows the spec and writes nothing; without --print it installs", async () => {
    requireBuild();
    const dir = await mkdtemp(join(tmpdir(), "nnbook-kernelspec-"));
    try {
      const env = { ...process.env, JUPYTER_DATA_DIR: dir };
      const printed = await runProcess(process.execPath, [CLI, "kernel", "install", "--print"], { env });
      assert.equal(printed.code, 0, printed.stderr);
      assert.match(printed.stdout, new RegExp(`^${join(dir, "kernels", "tslab", "kernel.json")}\\n\\{`));
      assert.equal(existsSync(join(dir, "kernels")), false);
      const installed = await runProcess(process.execPath, [CLI, "kernel", "install", "--name", "tslab-test"], { env });
      assert.equal(installed.code, 0, installed.stderr);
      assert.ok(existsSync(join(dir, "kernels", "tslab-test", "kernel.json")));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
