import { strict as assert } from "assert";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { ROOT } from "../notebook/helpers";
import { Browser, chromiumMissing, launchChromium, SCREENSHOT_DIR } from "./chromium";

/**
 * The committed HTML reports (reports/*.html, written by `nnbook report --html`) in Debian's
 * Chromium: every chart of the page drawn, no console error, no request outside the file, and a
 * hovered point of the first chart shows its tooltip. A page is checked against its Markdown
 * twin: as many charts as the Markdown has figures. Screenshots: build/browser/<report>.png.
 */
const REPORTS = join(ROOT, "reports");
const pages = existsSync(REPORTS) ? readdirSync(REPORTS).filter((f) => f.endsWith(".html")) : [];

/** The number of figure links in the report's Markdown (`![…](…/<name>.svg)`). */
function markdownFigures(html: string): number {
  const md = readFileSync(join(REPORTS, html.replace(/\.html$/, ".md")), "utf8");
  return (md.match(/!\[[^\]]*\]\([^)]*\.svg\)/g) ?? []).length;
}

describe("committed HTML reports in Chromium (reports/*.html)", function () {
  this.timeout(300_000);
  let browser: Browser | undefined;

  before(async function () {
    const missing = chromiumMissing();
    if (missing !== "") {
      process.stderr.write(`      skipped: ${missing}\n`);
      this.skip();
    }
    browser = await launchChromium();
  });

  after(async () => browser?.close());

  it("there is at least one committed HTML report, each beside its Markdown", () => {
    assert.ok(pages.length > 0, "no reports/*.html");
    for (const p of pages) assert.ok(existsSync(join(REPORTS, p.replace(/\.html$/, ".md"))), `${p} has no Markdown twin`);
  });

  for (const html of pages) {
    it(`${html}: every chart drawn, a tooltip on hover, no console error, nothing fetched`, async () => {
      const { page, problems, requests } = browser!;
      problems.length = 0;
      requests.length = 0;
      await page.goto(pathToFileURL(join(REPORTS, html)).href);
      await page.waitForSelector("html[data-charts-done]", { timeout: 120_000 });
      const expected = markdownFigures(html);
      assert.ok(expected > 0, `${html}: its Markdown has no figures`);
      assert.equal(await page.getAttribute("html", "data-charts-done"), String(expected));
      const rendered = await page.$$eval(".nnbook-chart", (els) => els.map((el) => el.getAttribute("data-rendered")));
      assert.deepEqual(rendered, Array<string>(expected).fill("true"));
      // a point (symbol, bar, …) of the first chart that has one: a line is one path for all its
      // points and carries no tooltip of its own
      const point = await page.$(".nnbook-chart g.role-mark:not(.mark-line) path");
      assert.ok(point, `${html}: no chart has point or bar marks`);
      await point.scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await point.hover({ force: true });
      const tooltip = await page.waitForSelector("#vg-tooltip-element.visible", { timeout: 10_000 });
      assert.notEqual(((await tooltip.textContent()) ?? "").trim(), "");
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, html.replace(/\.html$/, ".png")) });
      assert.deepEqual(problems, []);
      assert.deepEqual(
        requests.filter((u) => !/^(file|data|blob):/.test(u)),
        [],
        "requests outside the file",
      );
    });
  }
});
