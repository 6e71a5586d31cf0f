import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { FIXTURE, requireBuild, runProcess } from "./helpers";

const KERNEL_NAME = "nnbook-test-tslab";

/** Why real Jupyter cannot run here, or null when jupyter-nbconvert with nbclient is available. */
function missingJupyter(): string | null {
  const which = spawnSync("sh", ["-c", "command -v jupyter-nbconvert"], { encoding: "utf8" });
  const bin = which.stdout.trim();
  if (which.status !== 0 || bin === "") return "jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel)";
  const shebang = spawnSync("head", ["-n", "1", bin], { encoding: "utf8" }).stdout.replace(/^#!\s*/, "").trim().split(/\s+/);
  const probe = spawnSync(shebang[0], [...shebang.slice(1), "-c", "import nbclient, nbconvert"], { encoding: "utf8" });
  return probe.status === 0 ? null : `jupyter-nbconvert's Python lacks nbclient (apt-get install python3-nbclient): ${probe.stderr.trim()}`;
}

describe("real Jupyter: jupyter nbconvert --execute --to markdown with the tslab kernel", function () {
  this.timeout(300_000);
  let dir: string;

  before(function () {
    const why = missingJupyter();
    if (why !== null) {
      process.stderr.write(`      skipped: ${why}\n`);
      this.skip();
    }
    requireBuild();
  });
  after(async () => dir && rm(dir, { recursive: true, force: true }));

  it("executes the fixture and writes Markdown with the stdout, the table, the parameter block and the chart", async () => {
    dir = await mkdtemp(join(tmpdir(), "nnbook-nbconvert-"));
    // A private kernelspec (what `tslab install` writes), found through JUPYTER_PATH.
    const specDir = join(dir, "jupyter", "kernels", KERNEL_NAME);
    await mkdir(specDir, { recursive: true });
    const argv = [process.execPath, require.resolve("tslab/bin/tslab"), "kernel", "--config-path", "{connection_file}"];
    await writeFile(join(specDir, "kernel.json"), JSON.stringify({ argv, display_name: "TypeScript", language: "typescript" }));
    const out = join(dir, "out");
    const result = await runProcess(
      "jupyter-nbconvert",
      ["--execute", "--to", "markdown", `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`, "--output-dir", out, FIXTURE],
      { env: { ...process.env, JUPYTER_PATH: join(dir, "jupyter") } },
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
});
