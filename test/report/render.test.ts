import assert from "assert";
import { Resvg } from "@resvg/resvg-js";
import { existsSync } from "fs";
import { basename } from "path";
import type { TopLevelSpec } from "vega-lite";
import { figureFontFiles, pngSize, renderSvg, svgToPng } from "../../src/report/render";
import { FIGURE_CASES } from "../figures/fixtures";
import { deepFreeze } from "../figures/vega-checks";
import { darkPixels, decodePng } from "./png-decode";

/** The axis titles vega wrote into an SVG (text of the `role-axis-title` marks). */
function axisTitles(svg: string): string[] {
  return [...svg.matchAll(/role-axis-title"[^>]*><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** The SVG's width and height attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  assert.ok(m, "svg width/height attributes");
  return { width: Number(m[1]), height: Number(m[2]) };
}

const textSvg = (text: string, family: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50" fill="white"/>` +
  `<text x="10" y="35" font-family="${family}" font-size="24" fill="black">${text}</text></svg>`;

/** A clipped line chart: vega gives it a clip-path id from a module-level counter. */
const clipped: TopLevelSpec = {
  data: {
    values: [
      { x: 1, y: 1 },
      { x: 2, y: 5 },
      { x: 3, y: 2 },
    ],
  },
  mark: { type: "line", clip: true },
  encoding: { x: { field: "x", type: "quantitative", scale: { domain: [1, 2] } }, y: { field: "y", type: "quantitative" } },
};

describe("report/render: figures to SVG and PNG", function () {
  this.timeout(120000);

  for (const c of FIGURE_CASES) {
    it(`${c.name}: SVG shows the axis titles; two renders give identical SVG and PNG bytes; PNG size`, async () => {
      const spec = deepFreeze(c.build(structuredClone(c.input) as never));
      const svg = await renderSvg(spec);
      const titles = axisTitles(svg);
      for (const t of c.axisTitles) assert.ok(titles.includes(t), `${c.name}: axis title "${t}" missing in ${JSON.stringify(titles)}`);
      assert.strictEqual(await renderSvg(spec), svg, "second SVG render differs");
      const png = svgToPng(svg);
      assert.ok(svgToPng(svg).equals(png), "second PNG render differs");
      assert.deepStrictEqual(pngSize(png), svgSize(svg));
    });
  }

  it("PNG size is the SVG size × scale, read both from IHDR and from the decoded pixel rows", async () => {
    const svg = await renderSvg(FIGURE_CASES[0].build(structuredClone(FIGURE_CASES[0].input) as never));
    const { width, height } = svgSize(svg);
    for (const scale of [1, 2]) {
      const png = svgToPng(svg, { scale });
      assert.deepStrictEqual(pngSize(png), { width: width * scale, height: height * scale });
      const decoded = decodePng(png);
      assert.deepStrictEqual([decoded.width, decoded.height], [width * scale, height * scale]);
    }
    assert.throws(() => svgToPng(svg, { scale: 0 }), /svgToPng: scale must be a positive number, got 0/);
  });

  it("restarts vega's clip ids, so a render does not depend on earlier renders", async () => {
    const first = await renderSvg(clipped);
    assert.match(first, /clip-path="url\(#clip1\)"/);
    await renderSvg(FIGURE_CASES[4].build(structuredClone(FIGURE_CASES[4].input) as never));
    assert.strictEqual(await renderSvg(clipped), first);
  });

  it("draws text with the bundled DejaVu font only: text pixels appear, and vanish without the font", () => {
    const files = figureFontFiles();
    assert.deepStrictEqual(
      files.map((f) => basename(f)),
      ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"],
    );
    assert.ok(
      files.every((f) => existsSync(f)),
      "font files exist",
    );
    const withText = decodePng(svgToPng(textSvg("Accuracy", "DejaVu Sans")));
    const empty = decodePng(svgToPng(textSvg("", "DejaVu Sans")));
    assert.strictEqual(darkPixels(empty), 0);
    assert.ok(darkPixels(withText) > 100, `only ${darkPixels(withText)} dark pixels for "Accuracy"`);
    const noFonts = new Resvg(textSvg("Accuracy", "DejaVu Sans"), { font: { loadSystemFonts: false }, logLevel: "off" });
    assert.strictEqual(darkPixels(decodePng(noFonts.render().asPng())), 0, "resvg without a font file draws no text");
    const generic = decodePng(svgToPng(textSvg("Accuracy", "sans-serif")));
    assert.deepStrictEqual(generic.rgba, withText.rgba, "generic sans-serif resolves to DejaVu Sans");
  });

  it("a rendered chart's labels are drawn: its PNG differs from the same SVG rendered without fonts", async () => {
    const svg = await renderSvg(FIGURE_CASES[0].build(structuredClone(FIGURE_CASES[0].input) as never));
    assert.match(svg, /font-family="DejaVu Sans"/);
    const withFont = decodePng(svgToPng(svg));
    const noFont = decodePng(new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: "off" }).render().asPng());
    const textPixels = darkPixels(withFont) - darkPixels(noFont);
    assert.ok(textPixels > 1000, `labels add only ${textPixels} dark pixels`);
  });

  it("treats compile warnings as errors unless onWarning accepts them", async () => {
    const warns: TopLevelSpec = {
      data: { values: [{ a: 1, b: 2 }] },
      mark: "bar",
      encoding: { x: { field: "a", type: "quantitative" }, shape: { field: "b", type: "nominal" } },
    };
    await assert.rejects(renderSvg(warns), /renderSvg: the chart has warnings .*shape/);
    const seen: string[] = [];
    const svg = await renderSvg(warns, { onWarning: (m) => seen.push(m) });
    assert.ok(
      seen.some((m) => /shape/.test(m)),
      JSON.stringify(seen),
    );
    assert.match(svg, /^<svg/);
  });

  it("pngSize rejects bytes that are not a PNG or do not start with IHDR", () => {
    assert.throws(() => pngSize(Buffer.from("GIF89a-not-a-png-at-all-really")), /pngSize: not a PNG \(30 bytes/);
    const png = Buffer.from(svgToPng(textSvg("x", "DejaVu Sans")));
    png.write("IDAT", 12, "latin1");
    assert.throws(() => pngSize(png), /first chunk is "IDAT", expected "IHDR"/);
  });
});
