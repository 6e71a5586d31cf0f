import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FIGURE_FONT } from "../figures/theme";

/**
 * Headless chart rendering: Vega-Lite spec → SVG (vega, no browser) → PNG (resvg with the
 * bundled DejaVu font). The same spec gives the same bytes on every machine.
 */

/** Options of `renderSvg`. */
export interface RenderSvgOptions {
  /**
   * Receives every Vega-Lite compile warning and Vega runtime warning. Without it, any warning
   * is an error: a chart that compiles with warnings is usually not the chart that was meant.
   */
  readonly onWarning?: (message: string) => void;
}

/** Two vega-scenegraph functions vega re-exports at runtime but its typings omit. */
interface SceneGraphControls {
  textMetrics: { canvas(use: boolean): void };
  resetSVGDefIds(): void;
}

function sceneGraphControls(): SceneGraphControls {
  const v = vega as unknown as Partial<SceneGraphControls>;
  if (typeof v.textMetrics?.canvas !== "function" || typeof v.resetSVGDefIds !== "function") {
    throw new Error(`renderSvg: vega ${vega.version} lacks textMetrics.canvas/resetSVGDefIds (vega@5 is required)`);
  }
  return v as SceneGraphControls;
}

type CompileLogger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

/** A vega-util style logger that forwards warnings and errors to the given callbacks. */
function forwardingLogger(warn: (message: string) => void, error: (message: string) => void): CompileLogger {
  let level = vega.Warn;
  const text = (args: readonly unknown[]): string => args.map(String).join(" ");
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    warn: (...args: readonly unknown[]) => (warn(text(args)), logger),
    error: (...args: readonly unknown[]) => (error(text(args)), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger as CompileLogger;
}

/**
 * Renders a Vega-Lite spec to an SVG string, headless (`renderer: "none"`). The spec is not
 * mutated (it is cloned first). Deterministic: text widths use vega's built-in estimate (never a
 * native canvas, which would make layout depend on the machine's fonts) and the SVG clip and
 * gradient ids restart at their first value for every render.
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  const warnings: string[] = [];
  const onWarning = options.onWarning ?? ((m: string) => warnings.push(m));
  const errors: string[] = [];
  const logger = forwardingLogger(onWarning, (m) => errors.push(m));
  const vgSpec = compile(structuredClone(spec), { logger }).spec;
  const controls = sceneGraphControls();
  controls.textMetrics.canvas(false);
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logger, logLevel: vega.Warn });
  try {
    controls.resetSVGDefIds();
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`renderSvg: vega reported: ${errors.join("; ")}`);
    if (warnings.length > 0) {
      throw new Error(`renderSvg: the chart has warnings (pass onWarning to accept them): ${warnings.join("; ")}`);
    }
    return svg;
  } finally {
    view.finalize();
  }
}

/** The bundled font files (DejaVu Sans regular, bold, oblique, bold oblique) from dejavu-fonts-ttf. */
export function figureFontFiles(): string[] {
  const names = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"];
  return names.map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
}

/** Options of `svgToPng`. */
export interface PngOptions {
  /** zoom factor: the PNG is (SVG width × scale) × (SVG height × scale) pixels (default 1) */
  readonly scale?: number;
}

/**
 * Rasterizes an SVG to PNG bytes with resvg. Only the bundled DejaVu fonts are loaded (system
 * fonts are disabled, DejaVu Sans is every generic family's default), so the labels look the same
 * on every machine and are never dropped for lack of a font.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`svgToPng: scale must be a positive number, got ${scale}`);
  const family = FIGURE_FONT;
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: figureFontFiles(),
      defaultFontFamily: family,
      sansSerifFamily: family,
      serifFamily: family,
      monospaceFamily: family,
    },
    logLevel: "error",
  });
  return resvg.render().asPng();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height of a PNG in pixels, read from its IHDR chunk (bytes 16–23, big-endian). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) {
    throw new Error(`pngSize: not a PNG (${png.length} bytes, no PNG signature)`);
  }
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const chunk = bytes.toString("latin1", 12, 16);
  if (chunk !== "IHDR") throw new Error(`pngSize: first chunk is "${chunk}", expected "IHDR"`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
