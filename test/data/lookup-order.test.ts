import { strict as assert } from "assert";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { loadCifar10, loadMnist } from "../../src/data";
import { displayPath, resolveDataDir } from "../../src/data/locate";
import { findProjectConfig, readProjectConfig } from "../../src/data/project-config";
import { mnistFiles, tempDir, writeCifarDir, writeMnistDir } from "./fixtures";
import { startServer, TestServer } from "./http-fixture";

const VARS = ["CIFAR10_DIR", "MNIST_DIR", "CIFAR10_BASE_URL", "NNBOOK_PROJECT_ROOT", "NNBOOK_ALLOW_SHORT_DATA"] as const;

/**
 * A scratch project laid out like the real one: `<root>/project` (package.json, nnbook.config.json,
 * notebooks/course/), the data beside it in `<root>/shared`, and a decoy config above the project.
 */
function scratchProject(base: string) {
  const project = join(base, "project");
  const notebookDir = join(project, "notebooks", "course");
  mkdirSync(notebookDir, { recursive: true });
  writeFileSync(join(project, "package.json"), "{}");
  writeFileSync(join(base, "nnbook.config.json"), JSON.stringify({ dataDirs: { CIFAR10_DIR: "decoy", MNIST_DIR: "decoy" } }));
  const dirs = {
    config: join(base, "shared", "cifar"),
    env: join(base, "env-cifar"),
    option: join(base, "option-cifar"),
    mnist: join(base, "shared", "mnist"),
  };
  for (const dir of [dirs.config, dirs.env, dirs.option]) writeCifarDir(dir, 2);
  writeMnistDir(dirs.mnist, mnistFiles(10, 4), true);
  const config = { dataDirs: { CIFAR10_DIR: "../shared/cifar", MNIST_DIR: "../shared/mnist" } };
  writeFileSync(join(project, "nnbook.config.json"), JSON.stringify(config));
  return { project, notebookDir, dirs };
}

describe("data lookup order: option > environment > nearest nnbook.config.json > ./data > download", function () {
  const tmp = tempDir("lookup");
  const { project, notebookDir, dirs } = scratchProject(tmp.dir);
  const cwd = process.cwd();
  const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  let server: TestServer;

  before(async () => {
    server = await startServer({ "/mirror/cifar-10-binary.tar.gz": { body: Buffer.from("not the official archive") } });
  });
  beforeEach(() => {
    for (const v of VARS) delete process.env[v];
    process.env.NNBOOK_ALLOW_SHORT_DATA = "1"; // the fixtures hold a few records per file, not the official counts
    process.chdir(notebookDir); // where Jupyter starts a notebook's kernel
  });
  afterEach(() => {
    process.chdir(cwd);
    for (const v of VARS)
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
  });
  after(async () => {
    await server.close();
    tmp.remove();
  });

  it("the config is found upward from the working directory, and not above the project root (package.json)", () => {
    assert.equal(findProjectConfig(notebookDir), join(project, "nnbook.config.json"));
    assert.equal(findProjectConfig(join(tmp.dir, "shared")), join(tmp.dir, "nnbook.config.json"), "outside the package the decoy is nearest");
    mkdirSync(join(tmp.dir, "other", "pkg"), { recursive: true });
    writeFileSync(join(tmp.dir, "other", "pkg", "package.json"), "{}");
    assert.equal(findProjectConfig(join(tmp.dir, "other", "pkg")), undefined, "the decoy above another package is not used");
    assert.deepEqual(readProjectConfig(join(project, "nnbook.config.json")).dataDirs, { CIFAR10_DIR: dirs.config, MNIST_DIR: dirs.mnist });
  });

  it("without option or environment, loaders called with no folder read the configured folders (origin config)", async () => {
    const cifar = await loadCifar10({ split: "small", download: false });
    assert.equal(cifar.dir, dirs.config);
    assert.equal(cifar.origin, "config");
    assert.match(cifar.provenance, /\(read from \.\.\/shared\/cifar\)$/, "paths shown relative to the config's folder, as under the CLI");
    const mnist = await loadMnist({ download: false });
    assert.equal(mnist.dir, dirs.mnist);
    assert.equal(mnist.origin, "config");
    assert.equal(displayPath(dirs.mnist), "../shared/mnist");
  });

  it("the environment wins over the config, the option over both", async () => {
    process.env.CIFAR10_DIR = dirs.env;
    assert.deepEqual(resolveDataDir(undefined, "CIFAR10_DIR", "data/cifar-10-batches-bin"), { dir: dirs.env, origin: "env" });
    assert.equal((await loadCifar10({ split: "small", download: false })).dir, dirs.env);
    const fromOption = await loadCifar10({ dir: dirs.option, split: "small", download: false });
    assert.deepEqual([fromOption.dir, fromOption.origin], [dirs.option, "option"]);
  });

  it("a configured folder that does not exist falls back to ./data, and the error says why", async () => {
    writeFileSync(join(notebookDir, "nnbook.config.json"), JSON.stringify({ dataDirs: { CIFAR10_DIR: "gone" } }));
    try {
      const local = join(notebookDir, "data", "cifar-10-batches-bin");
      assert.deepEqual(resolveDataDir(undefined, "CIFAR10_DIR", "data/cifar-10-batches-bin").dir, local, "the nearer config is used");
      await assert.rejects(loadCifar10({ download: false }), (e: Error) => {
        assert.ok(
          e.message.includes(
            `in ${local} (downloads are disabled) (${join(notebookDir, "nnbook.config.json")} sets CIFAR10_DIR to ${join(notebookDir, "gone")}, which does not exist)`,
          ),
          e.message,
        );
        return true;
      });
      writeCifarDir(local, 2);
      const data = await loadCifar10({ split: "small", download: false });
      assert.deepEqual([data.dir, data.origin], [local, "default"]);
    } finally {
      rmSync(join(notebookDir, "nnbook.config.json"));
    }
  });

  it("with nothing configured and no ./data, the loader downloads into ./data (from a local mirror)", async () => {
    const scratch = join(tmp.dir, "fresh");
    mkdirSync(scratch);
    writeFileSync(join(scratch, "package.json"), "{}");
    process.chdir(scratch);
    await assert.rejects(loadCifar10({ baseUrl: `${server.url}/mirror`, progress: false }), (e: Error) => {
      assert.match(e.message, /mirror\/cifar-10-binary\.tar\.gz: checksum mismatch/);
      assert.ok(e.message.includes(join(scratch, "data", "cifar-10-batches-bin")), `downloads into ./data: ${e.message}`);
      return true;
    });
    assert.deepEqual(server.hits, ["/mirror/cifar-10-binary.tar.gz"], "the lookup reached the download stage");
  });
});
