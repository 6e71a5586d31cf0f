import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { mnistFiles, writeCifarDir, writeMnistDir } from "../data/fixtures";
import { FIXTURE, requireBuild, ROOT, runProcess } from "./helpers";

const KERNEL_NAME = "nnbook-test-tslab";

/** Why real Jupyter cannot run here, or null when jupyter-nbconvert with nbclient is available. */
function missingJupyter(): string | null {
  const which = spawnSync("sh", ["-c", "command -v jupyter-nbconvert"], { encoding: "utf8" });
  const bin = which.stdout.trim();
  if (which.status !== 0 || bin === "") return "jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel)";
  const shebang = spawnSync("head", ["-n", "1", bin], { encoding: "utf8" })
    .stdout.replace(/^#!\s*/, "")
    .trim()
    .split(/\s+/);
  const probe = spawnSync(shebang[0], [...shebang.slice(1), "-c", "import nbclient, nbconvert"], { encoding: "utf8" });
  return probe.status === 0 ? null : `jupyter-nbconvert's Python lacks nbclient (apt-get install python3-nbclient): ${probe.stderr.trim()}`;
}

/** Writes a private kernelspec (what `tslab install` writes) under `dir`/jupyter; returns the JUPYTER_PATH. */
async function privateKernelspec(dir: string): Promise<string> {
  const specDir = join(dir, "jupyter", "kernels", KERNEL_NAME);
  await mkdir(specDir, { recursive: true });
  const argv = [process.execPath, require.resolve("tslab/bin/tslab"), "kernel", "--config-path", "{connection_file}"];
  await writeFile(join(specDir, "kernel.json"), JSON.stringify({ argv, display_name: "TypeScript", language: "typescript" }));
  return join(dir, "jupyter");
}

/** A notebook (nbformat 4) of code cells. */
function notebook(cells: readonly string[]): string {
  const code = cells.map((source) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source }));
  const kernelspec = { name: KERNEL_NAME, display_name: "TypeScript", language: "typescript" };
  return JSON.stringify({ cells: code, metadata: { kernelspec }, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

/**
 * The environment of a fresh shell: no data variables, no project root from a CLI (short data
 * files allowed: the fixtures hold a few records per file, not the official counts).
 */
function cleanEnv(jupyterPath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JUPYTER_PATH: jupyterPath, NNBOOK_ALLOW_SHORT_DATA: "1" };
  for (const v of ["CIFAR10_DIR", "MNIST_DIR", "NNBOOK_PROJECT_ROOT", "CIFAR10_BASE_URL", "MNIST_BASE_URL"]) delete env[v];
  return env;
}

const IMPORTS = `import { loadCifar10, loadMnist } from "../../dist";\nimport { showTable } from "../../dist/notebook";`;

describe("real Jupyter: jupyter nbconvert --execute --to markdown with the tslab kernel", function () {
  this.timeout(300_000);
  let dir: string;

  before(async function () {
    const why = missingJupyter();
    if (why !== null) {
      process.stderr.write(`      skipped: ${why}\n`);
      this.skip();
    }
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-nbconvert-"));
  });
  after(async () => dir && rm(dir, { recursive: true, force: true }));

  it("executes the fixture and writes Markdown with the stdout, the table, the parameter block and the chart", async () => {
    const jupyterPath = await privateKernelspec(dir);
    const out = join(dir, "out");
    const result = await runProcess(
      "jupyter-nbconvert",
      ["--execute", "--to", "markdown", `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`, "--output-dir", out, FIXTURE],
      { env: { ...process.env, JUPYTER_PATH: jupyterPath } },
    );
    assert.equal(result.code, 0, result.stderr);
    const md = await readFile(join(out, "display-demo.md"), "utf8");
    assert.match(md, /^ {4}label: default label$/m);
    for (const x of [0, 1, 2, 3, 4]) assert.ok(md.includes(`| ${x} | ${x * x} | ${x / 2} |`), `table row ${x}`);
    assert.match(md, /^label {2}= "default label"$/m);
    const image = /!\[svg\]\(([^)]+\.svg)\)/.exec(md);
    assert.ok(image, "chart exported as an SVG image");
    const svg = await readFile(join(out, image[1]), "utf8");
    assert.match(svg, /x value/);
    assert.match(md, /^ {4}no failure requested$/m);
  });

  describe("a data-loading notebook in a project: run from its own folder, no data variables set", () => {
    // <dir>/project: package.json, nnbook.config.json → ../data/…, notebooks/course/*.ipynb, dist → the build.
    let notebooks: string;
    let jupyterPath: string;

    before(async () => {
      jupyterPath = await privateKernelspec(dir);
      const project = join(dir, "project");
      notebooks = join(project, "notebooks", "course");
      await mkdir(notebooks, { recursive: true });
      await writeFile(join(project, "package.json"), JSON.stringify({ name: "course-project", private: true }));
      await symlink(join(ROOT, "dist"), join(project, "dist"), "dir");
      writeCifarDir(join(dir, "data", "cifar"), 3);
      writeMnistDir(join(dir, "data", "mnist"), mnistFiles(20, 6), true);
      await writeFile(join(project, "nnbook.config.json"), JSON.stringify({ dataDirs: { CIFAR10_DIR: "../data/cifar", MNIST_DIR: "../data/mnist" } }));
    });

    const convert = (name: string) =>
      runProcess("jupyter-nbconvert", ["--execute", "--to", "markdown", `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`, join(notebooks, name)], {
        cwd: notebooks,
        env: cleanEnv(jupyterPath),
      });

    it("loadCifar10 and loadMnist without a folder read the folders of the project's nnbook.config.json", async () => {
      const load = [
        `const cifar = await loadCifar10({ split: "small", download: false });`,
        `const mnist = await loadMnist({ download: false });`,
        `for (const d of [cifar, mnist]) console.log(\`\${d.name}: \${d.origin}, \${d.train.X.cols} training images, read from \${d.dir}\`);`,
        `showTable([{ set: cifar.name, provenance: cifar.provenance }, { set: mnist.name, provenance: mnist.provenance }]);`,
      ].join("\n");
      await writeFile(join(notebooks, "load-data.ipynb"), notebook([IMPORTS, load]));
      const result = await convert("load-data.ipynb");
      assert.equal(result.code, 0, result.stderr);
      const md = await readFile(join(notebooks, "load-data.md"), "utf8");
      assert.ok(md.includes(`CIFAR-10: config, 3 training images, read from ${join(dir, "data", "cifar")}`), md);
      assert.ok(md.includes(`MNIST: config, 18 training images, read from ${join(dir, "data", "mnist")}`), md);
      assert.match(md, /\(read from \.\.\/data\/cifar\)/, "provenance paths relative to the project root, as under the CLI");
    });

    it("a loader error raised in a cell shows its message, the cell and the cell's line in nbconvert's error", async () => {
      const define = [
        "/** Loads CIFAR-10 from `folder`. */",
        "function loadFrom(folder: string) {",
        "  const options = { dir: folder, download: false };",
        "  return loadCifar10(options);",
        "}",
      ].join("\n");
      const call = ["// the third cell", 'console.log("loading");', 'const data = await loadFrom("no-such-folder");'].join("\n");
      await writeFile(join(notebooks, "load-error.ipynb"), notebook([IMPORTS, define, call]));
      const result = await convert("load-error.ipynb");
      assert.notEqual(result.code, 0, "nbconvert fails on the failing cell");
      const error = result.stderr.slice(result.stderr.indexOf("An error occurred while executing the following cell"));
      const missing = `CIFAR-10: missing data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin in ${join(notebooks, "no-such-folder")} (downloads are disabled).`;
      assert.ok(error.includes(`Error: ${missing}`), `nbconvert's error shows the loader's message:\n${error}`);
      assert.doesNotMatch(error, /<Error>/);
      assert.match(error, /^ +at loadFrom \(Cell In\[2\], line 4\)$/m, "the frame names the defining cell and its line");
      assert.match(error, /^ +at (async )?Cell In\[3\], line 3$/m, "the failing cell and line");
      assert.doesNotMatch(error, /evalmachine|node:internal|node:vm|tslab[\\/]dist/, "no transpiled positions or internal frames");
    });

    it("a cell that does not compile shows TypeScript's message in nbconvert's error", async () => {
      await writeFile(join(notebooks, "type-error.ipynb"), notebook([IMPORTS, "const n: number = 1;\nconst s: string = n;"]));
      const result = await convert("type-error.ipynb");
      assert.notEqual(result.code, 0, "nbconvert fails on the failing cell");
      const error = result.stderr.slice(result.stderr.indexOf("An error occurred while executing the following cell"));
      assert.match(error, /^Error: Cell In\[2\]: 2:7 - Type 'number' is not assignable to type 'string'\.$/m, error);
    });
  });
});
