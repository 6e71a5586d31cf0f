import { strict as assert } from "assert";
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { displayPath, readmeDescription, resolveDataDir } from "../../src/data/locate";
import { tempDir } from "./fixtures";

describe("data/locate", () => {
  const tmp = tempDir("locate");
  after(tmp.remove);

  it("the data folder comes from the option, else the environment variable, else ./data/… (absolute)", () => {
    const saved = process.env.NNBOOK_TEST_DIR;
    try {
      process.env.NNBOOK_TEST_DIR = "/from/env";
      assert.deepEqual(resolveDataDir("/from/option", "NNBOOK_TEST_DIR", "data/x"), { dir: "/from/option", origin: "option" });
      assert.deepEqual(resolveDataDir(undefined, "NNBOOK_TEST_DIR", "data/x"), { dir: "/from/env", origin: "env" });
      delete process.env.NNBOOK_TEST_DIR;
      assert.deepEqual(resolveDataDir(undefined, "NNBOOK_TEST_DIR", "data/x"), { dir: resolve("data/x"), origin: "default" });
    } finally {
      if (saved !== undefined) process.env.NNBOOK_TEST_DIR = saved;
    }
  });

  it("a README's first heading, plus the first sentence of its Provenance section without markup or asides", () => {
    const write = (name: string, text: string) => {
      const dir = join(tmp.dir, name);
      mkdirSync(dir);
      writeFileSync(join(dir, "README.md"), text);
      return dir;
    };
    assert.equal(readmeDescription(tmp.dir), undefined);
    assert.equal(readmeDescription(write("plain", "Some text\n\n# The *Title* (v2)\n\nBody.\n")), "The Title (v2)");
    const prov = "# Data\n\n## Provenance\n\n- Made from a **lossy** copy (see `a (b)` here): repo `x/y`. Second sentence.\n- Another item.\n";
    assert.equal(readmeDescription(write("prov", prov)), "Data. Made from a lossy copy: repo x/y.");
    assert.equal(readmeDescription(write("source", "# D\n## Source\nFrom the\nweb page\n\n## Next\n")), "D. From the web page.");
  });
});

describe("data/locate: displayPath", () => {
  it("shows a path relative to NNBOOK_PROJECT_ROOT with / separators, also outside it", () => {
    const saved = process.env.NNBOOK_PROJECT_ROOT;
    try {
      process.env.NNBOOK_PROJECT_ROOT = "/work/main";
      assert.equal(displayPath("/work/shared/data/mnist"), "../shared/data/mnist");
      assert.equal(displayPath("/work/main/data/mnist"), "data/mnist");
    } finally {
      if (saved === undefined) delete process.env.NNBOOK_PROJECT_ROOT;
      else process.env.NNBOOK_PROJECT_ROOT = saved;
    }
  });
});
