import { strict as assert } from "assert";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyProjectConfig } from "../../src/cli/project-config";

describe("cli/project-config", () => {
  const root = mkdtempSync(join(tmpdir(), "nnbook-config-"));
  const file = join(root, "nnbook.config.json");
  mkdirSync(join(root, "cifar"));
  writeFileSync(file, JSON.stringify({ dataDirs: { CIFAR10_DIR: "cifar", MNIST_DIR: "no-such-folder" } }));

  it("sets a variable to the folder resolved against the config file; skips a missing folder", () => {
    const env: NodeJS.ProcessEnv = {};
    const applied = applyProjectConfig(file, env);
    assert.equal(env.CIFAR10_DIR, join(root, "cifar"));
    assert.equal(env.MNIST_DIR, undefined);
    assert.deepEqual(
      applied.map((a) => a.reason),
      ["set", "missing"],
    );
    assert.equal(env.NNBOOK_PROJECT_ROOT, root, "paths in reports are shown relative to the config file's folder");
  });

  it("without a file argument uses the nearest config upward from the working directory (the loaders' lookup)", () => {
    const nested = join(root, "notebooks", "course");
    mkdirSync(nested, { recursive: true });
    const cwd = process.cwd();
    try {
      process.chdir(nested);
      const env: NodeJS.ProcessEnv = {};
      applyProjectConfig(undefined, env);
      assert.equal(env.CIFAR10_DIR, join(root, "cifar"));
      assert.equal(env.NNBOOK_PROJECT_ROOT, root);
    } finally {
      process.chdir(cwd);
    }
  });

  it("leaves a variable already in the environment alone", () => {
    const env: NodeJS.ProcessEnv = { CIFAR10_DIR: "/elsewhere" };
    applyProjectConfig(file, env);
    assert.equal(env.CIFAR10_DIR, "/elsewhere");
  });

  it("names the file and the field on bad input; no file means nothing to do", () => {
    const bad = join(root, "bad.json");
    writeFileSync(bad, JSON.stringify({ dataDirs: { MNIST_DIR: 3 } }));
    assert.throws(() => applyProjectConfig(bad, {}), /bad\.json: dataDirs\.MNIST_DIR must be a folder path, got 3/);
    writeFileSync(bad, "{");
    assert.throws(() => applyProjectConfig(bad, {}), /bad\.json: not valid JSON/);
    assert.deepEqual(applyProjectConfig(join(root, "absent.json"), {}), []);
  });
});
