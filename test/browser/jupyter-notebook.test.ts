import { strict as assert } from "assert";
import { ChildProcess, spawn, spawnSync } from "child_process";
import { accessSync, constants, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import { createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { FIXTURE, requireBuild, ROOT, runProcess } from "../notebook/helpers";
import type { Page } from "playwright-core";
import { Browser, chromiumMissing, launchChromium, SCREENSHOT_DIR } from "./chromium";

/**
 * The README's interactive route, as a student follows it: the commands of the "Interactive use"
 * block are run as written (into a temporary Jupyter data folder), then Debian's Jupyter Notebook
 * serves a copy of the display fixture on 127.0.0.1 with a token, Chromium opens it, runs all
 * cells from the Cell menu, and the test checks that the tslab kernel started, every cell ran and
 * the chart appeared. Screenshot: build/browser/jupyter-notebook.png.
 */

const PYTHON = "/usr/bin/python3";

/** The shell lines of the README's "Interactive use" block. */
export function readmeInteractiveLines(readme: string): string[] {
  const section = readme.split(/^### Interactive use/m)[1];
  const block = section === undefined ? undefined : /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md has no ```sh block under "### Interactive use"');
  return block
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l !== "");
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`jupyter notebook exited with ${server.exitCode}:\n${log()}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`jupyter notebook did not answer at ${url} within 60 s:\n${log()}`);
}

/** Opens `name` in Jupyter Notebook, waits for the kernel, runs Cell > Run All; resolves to the kernel's name. */
async function openAndRunAll(page: Page, url: string): Promise<string> {
  type Jupyter = { notebook: { kernel?: { is_connected(): boolean; name: string }; get_cells(): { cell_type: string; input_prompt_number?: unknown }[] } };
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Jupyter?: Jupyter }).Jupyter?.notebook?.kernel?.is_connected() === true, undefined, {
    timeout: 120_000,
  });
  await page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", { timeout: 120_000 });
  const kernelName = await page.evaluate(() => (window as unknown as { Jupyter: Jupyter }).Jupyter.notebook.kernel?.name ?? "");
  await page.click("#celllink");
  await page.click("#run_all_cells");
  await page.waitForFunction(
    () =>
      (window as unknown as { Jupyter: Jupyter }).Jupyter.notebook
        .get_cells()
        .filter((c) => c.cell_type === "code")
        .every((c) => typeof c.input_prompt_number === "number"),
    undefined,
    { timeout: 180_000 },
  );
  await page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", { timeout: 60_000 });
  return kernelName;
}

describe("README interactive route: npm run kernel + Jupyter Notebook in Chromium", function () {
  this.timeout(300_000);
  let dir = "";
  let work = "";
  let server: ChildProcess | undefined;
  let serverLog = "";
  let browser: Browser | undefined;
  let env: NodeJS.ProcessEnv = {};
  const token = `t${process.pid}${Date.now()}`;
  let base = "";

  before(async function () {
    const missing =
      chromiumMissing() ||
      (spawnSync(PYTHON, ["-c", "import notebook, ipykernel"]).status === 0
        ? ""
        : "Debian's Jupyter Notebook is missing (apt-get install python3-notebook python3-ipykernel)");
    if (missing !== "") {
      process.stderr.write(`      skipped: ${missing}\n`);
      this.skip();
    }
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-jupyter-"));
    env = {
      ...process.env,
      JUPYTER_DATA_DIR: join(dir, "data"),
      JUPYTER_PATH: join(dir, "data"),
      JUPYTER_CONFIG_DIR: join(dir, "config"),
      JUPYTER_RUNTIME_DIR: join(dir, "runtime"),
    };
  });

  after(async () => {
    await browser?.close();
    if (server?.pid !== undefined && server.exitCode === null) process.kill(server.pid, "SIGTERM");
    if (work !== "") await rm(work, { recursive: true, force: true });
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("installs the kernel spec by running the README's lines as written; it names node and tslab by absolute path", async () => {
    const lines = readmeInteractiveLines(readFileSync(join(ROOT, "README.md"), "utf8"));
    assert.equal(lines[0], "npm install && npm run build", "the block starts with the set-up line (done by npm test's pretest)");
    assert.ok(
      lines.some((l) => l.startsWith("jupyter notebook ")),
      `the block launches Debian's Jupyter Notebook: ${lines.join(" | ")}`,
    );
    const install = lines.slice(1).filter((l) => !l.startsWith("jupyter "));
    assert.ok(install.length > 0, "no kernel-install line in the README block");
    for (const line of install) {
      const result = await runProcess("sh", ["-c", line], { env });
      assert.equal(result.code, 0, `README line "${line}" failed:\n${result.stderr}`);
    }
    const spec = JSON.parse(readFileSync(join(dir, "data", "kernels", "tslab", "kernel.json"), "utf8")) as { argv: string[] };
    assert.match(spec.argv[0], /^\//);
    accessSync(spec.argv[0], constants.X_OK);
    assert.equal(spec.argv[1], join(ROOT, "node_modules", "tslab", "bin", "tslab"));
    const listed = spawnSync(PYTHON, ["-m", "jupyter_client.kernelspecapp", "list", "--json"], { env, encoding: "utf8" });
    if (listed.status === 0) {
      const found = (JSON.parse(listed.stdout) as { kernelspecs: Record<string, { resource_dir: string }> }).kernelspecs.tslab;
      assert.equal(found?.resource_dir, join(dir, "data", "kernels", "tslab"), "Jupyter finds our spec first");
    }
  });

  it("opens the fixture in Jupyter Notebook, runs all cells on the tslab kernel, and shows the chart", async () => {
    // a copy two levels below the root, so the fixture's `../../dist` imports resolve; removed after
    work = join(ROOT, "build", `jupyter-test-${process.pid}`);
    mkdirSync(work, { recursive: true });
    copyFileSync(FIXTURE, join(work, "display-demo.ipynb"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(
      PYTHON,
      [
        "-m",
        "notebook",
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        `--port=${port}`,
        "--port-retries=0",
        `--NotebookApp.token=${token}`,
        `--notebook-dir=${work}`,
      ],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout?.on("data", (d: Buffer) => (serverLog += d.toString()));
    server.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
    await waitForServer(`${base}/api/status?token=${token}`, server, () => serverLog);

    browser = await launchChromium();
    const { page } = browser;
    assert.equal(await openAndRunAll(page, `${base}/notebooks/display-demo.ipynb?token=${token}`), "tslab");

    const text = (await page.textContent("#notebook-container")) ?? "";
    assert.match(text, /label: default label/);
    assert.match(text, /last cell ran/);
    assert.equal((await page.$$eval(".output_subarea svg, .output_subarea img", (els) => els.length)) > 0, true, "no chart output");
    assert.equal(await page.$$eval(".output_svg svg", (els) => els.length), 1, "the chart (SVG fallback of the bundle)");
    assert.doesNotMatch(serverLog, /Error Starting Kernel|No such file or directory/);
    assert.equal(await page.$$eval(".modal-dialog", (els) => els.filter((e) => /error/i.test(e.textContent ?? "")).length), 0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "jupyter-notebook.png"), fullPage: true });
  });

  it("shows self-check results as the formatted block: green ✔ PASS, red ✘ FAIL with measured / expected / hint lines", async () => {
    const { page } = browser!;
    const cell = (id: string, source: string) => ({ cell_type: "code", id, metadata: {}, execution_count: null, outputs: [], source });
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [
        cell("imports", 'import { checkCyclicalEta } from "../../dist/teaching";\nimport { cyclicalEta } from "../../dist/train";'),
        cell("good", "const good = checkCyclicalEta(cyclicalEta, { points: 2 });"),
        cell("bad", "const bad = checkCyclicalEta((t: number, etaMin: number) => etaMin, { points: 2 });"),
      ],
    };
    writeFileSync(join(work, "self-check.ipynb"), JSON.stringify(notebook));
    assert.equal(await openAndRunAll(page, `${base}/notebooks/self-check.ipynb?token=${token}`), "tslab");
    const blocks = await page.$$eval(".output_html .nnbook-check", (els) =>
      els.map((el) => ({
        lines: Array.from(el.children).map((c) => (c.textContent ?? "").trim()),
        color: getComputedStyle(el.children[0]).color,
      })),
    );
    assert.equal(blocks.length, 2, JSON.stringify(blocks));
    assert.equal(blocks[0].lines[0], "✔ PASS cyclicalEta (2 points)");
    assert.equal(blocks[0].color, "rgb(26, 127, 55)");
    assert.equal(blocks[1].lines[0], "✘ FAIL cyclicalEta (0/2 points)");
    assert.equal(blocks[1].color, "rgb(198, 40, 40)");
    assert.deepEqual(
      blocks[1].lines.slice(1).map((l) => l.split(/\s/)[0]),
      ["measured", "expected", "hint"],
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, "jupyter-self-check.png") });
  });
});
