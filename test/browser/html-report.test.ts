import { strict as assert } from "assert";
import { mkdirSync } from "fs";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join, relative } from "path";
import { pathToFileURL } from "url";
import type { Page } from "playwright-core";
import { CLI, requireBuild, ROOT, runProcess } from "../notebook/helpers";
import { Browser, chromiumMissing, launchChromium, SCREENSHOT_DIR } from "./chromium";

/**
 * The HTML report in a real browser: the fixture notebook test/fixtures/html-report-demo.ipynb is
 * run on the real tslab kernel and exported with `nnbook export --html` (twice: same bytes), then
 * Debian's Chromium opens the file: every chart drawn, no console errors, no request outside the
 * file, a hovered point shows its tooltip. Screenshot: build/browser/html-report-demo.png.
 */
const FIXTURE = "test/fixtures/html-report-demo.ipynb";

describe("HTML report in Chromium (nnbook export --html of the fixture notebook)", function () {
  this.timeout(300_000);
  let dir = "";
  let html = "";
  let browser: Browser | undefined;

  before(async function () {
    const missing = chromiumMissing();
    if (missing !== "") {
      process.stderr.write(`      skipped: ${missing}\n`);
      this.skip();
    }
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-html-"));
    const executed = join(dir, "executed.ipynb");
    const manifest = join(dir, "reports.json");
    await writeFile(manifest, JSON.stringify({ reports: [{ name: "demo", title: "Demo report", notebooks: [relative(dir, join(ROOT, FIXTURE))] }] }));
    const [run, report] = await Promise.all([
      runProcess(process.execPath, [CLI, "run", FIXTURE, "--out", executed]),
      runProcess(process.execPath, [
        CLI,
        "report",
        "demo",
        "--html",
        "--manifest",
        manifest,
        "--executed-dir",
        join(dir, "report-executed"),
        "--reports-dir",
        join(dir, "report", "reports"),
        "--figures-dir",
        join(dir, "report", "figures"),
      ]),
    ]);
    assert.equal(run.code, 0, `nnbook run failed:\n${run.stderr}`);
    assert.equal(report.code, 0, `nnbook report --html failed:\n${report.stderr}`);
    for (const out of ["a", "b"]) {
      const exported = await runProcess(process.execPath, [
        CLI,
        "export",
        executed,
        "--html",
        "--reports-dir",
        join(dir, out, "reports"),
        "--figures-dir",
        join(dir, out, "figures"),
      ]);
      assert.equal(exported.code, 0, `nnbook export --html failed:\n${exported.stderr}`);
    }
    html = join(dir, "a", "reports", "executed.html");
    browser = await launchChromium();
  });

  /** Opens the exported page and waits until every chart is settled. */
  async function openExport(page: Page): Promise<void> {
    if (page.url() === pathToFileURL(html).href) return;
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector("html[data-charts-done]", { timeout: 60_000 });
  }

  after(async () => {
    await browser?.close();
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("is byte-identical when exported twice from the same executed notebook", async () => {
    const [a, b] = await Promise.all(["a", "b"].map((d) => readFile(join(dir, d, "reports", "executed.html"))));
    assert.ok(a.equals(b), "two exports differ");
  });

  it("draws every chart (SVG with marks) with no console error and no request outside the file", async () => {
    const { page, problems, requests } = browser!;
    await openExport(page);
    assert.equal(await page.getAttribute("html", "data-charts-done"), "2");
    const charts = await page.$$eval(".nnbook-chart", (els) =>
      els.map((el) => ({
        rendered: el.getAttribute("data-rendered"),
        marks: el.querySelectorAll("svg g.mark-line path, svg g.mark-symbol path").length,
      })),
    );
    assert.deepEqual(
      charts.map((c) => c.rendered),
      ["true", "true"],
    );
    for (const [i, c] of charts.entries()) assert.ok(c.marks >= 5, `chart ${i + 1}: ${c.marks} line/point marks`);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      requests.filter((u) => !/^(file|data|blob):/.test(u)),
      [],
      "requests outside the file",
    );
  });

  it("nnbook report --html: the report's page (title, demoted sections) draws both charts too", async () => {
    const { page, problems } = browser!;
    const reportHtml = join(dir, "report", "reports", "demo.html");
    await page.goto(pathToFileURL(reportHtml).href);
    await page.waitForSelector("html[data-charts-done]", { timeout: 60_000 });
    assert.equal(await page.getAttribute("html", "data-charts-done"), "2");
    assert.equal(await page.$$eval(".nnbook-chart[data-rendered=true] svg.marks", (els) => els.length), 2);
    assert.equal(await page.title(), "Demo report");
    const nav = await page.$$eval("nav.nnbook-nav li a", (as) => as.map((a) => a.textContent));
    assert.deepEqual(nav, ["HTML report demo", "Learning curves", "λ search", "Summary"]);
    assert.deepEqual(problems, []);
  });

  it("shows the section navigation and highlighted TypeScript", async () => {
    const { page } = browser!;
    await openExport(page);
    const nav = await page.$$eval("nav.nnbook-nav li a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    assert.deepEqual(nav, [
      ["Learning curves", "#learning-curves"],
      ["λ search", "#λ-search"],
      ["Summary", "#summary"],
    ]);
    assert.ok((await page.$$("pre code.language-ts .hljs-keyword")).length > 5, "highlighted keywords");
    assert.match((await page.textContent("main ul")) ?? "", /Seeds: seed = 7/);
  });

  it("shows a tooltip with the values when a point is hovered (λ search and learning curves)", async () => {
    const { page } = browser!;
    await openExport(page);
    const cases: Array<[string, RegExp]> = [
      ["#chart-2 g.mark-symbol.role-mark path", /λ\s*0\.005[\s\S]*Accuracy\s*0\.5240[\s\S]*± std\s*0\.0050/],
      ["#chart-1 g.mark-symbol.role-mark path", /Update step\s*\d+[\s\S]*Data\s*(training|validation)[\s\S]*Cost\s*\d\.\d{4}/],
    ];
    for (const [selector, expected] of cases) {
      const points = await page.$$(selector);
      assert.ok(points.length > 0, `no points at ${selector}`);
      // λ = 0.005 is the third point (and the circled best one); any point of the curves will do
      const target = points[selector.startsWith("#chart-2") ? points.length - 3 : 3];
      await target.scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await target.hover({ force: true });
      const tooltip = await page.waitForSelector("#vg-tooltip-element.visible", { timeout: 10_000 });
      assert.match((await tooltip.textContent()) ?? "", expected);
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "html-report-demo.png"), fullPage: true });
    assert.deepEqual(browser!.problems, []);
  });
});
