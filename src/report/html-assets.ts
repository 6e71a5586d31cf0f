/**
 * The chart libraries an HTML report carries inline, so it works offline and from a local file:
 * vega 5, vega-lite 5 and vega-embed 6 (with its tooltip handler), read from node_modules — the
 * same vega/vega-lite the exporter renders with. No CDN, no network at view time.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** One bundled browser script: package, version and minified source, safe inside `<script>`. */
export interface ScriptAsset {
  readonly name: string;
  readonly version: string;
  readonly source: string;
}

/** The packages in load order (vega-lite needs vega; vega-embed needs both) and their UMD builds. */
const BUNDLES: ReadonlyArray<[string, string]> = [
  ["vega", "build/vega.min.js"],
  ["vega-lite", "build/vega-lite.min.js"],
  ["vega-embed", "build/vega-embed.min.js"],
];

/**
 * `source` made safe as the text of an inline `<script>` element: no `</script` (it would end the
 * element) and no `<!--` (it would switch the HTML parser into escaped script mode). Both can only
 * occur inside JavaScript strings, regular expressions or comments, where `<\/` and `<\!` mean the
 * same characters. The source-map comment is dropped (there is no map file beside the report).
 */
export function inlineScriptText(source: string): string {
  return source
    .replace(/^\/\/# sourceMappingURL=.*$/gm, "")
    .replace(/<\/(script)/gi, "<\\/$1")
    .replace(/<!--/g, "<\\!--")
    .trimEnd();
}

/**
 * The installed folder of package `name` that holds `file`: up from its main file (vega-embed
 * exports no package.json; vega-lite has a nested build/package.json with the same name).
 */
function packageDir(name: string, file: string): string {
  let dir = dirname(require.resolve(name));
  while (dirname(dir) !== dir) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && existsSync(join(dir, file)) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`HTML report: cannot find ${name}/${file}; run npm install`);
}

let cache: ScriptAsset[] | undefined;

/** vega, vega-lite and vega-embed as inline-safe scripts (read once per process). */
export function chartScripts(): readonly ScriptAsset[] {
  if (cache === undefined) {
    cache = BUNDLES.map(([name, file]) => {
      const dir = packageDir(name, file);
      const version = String((JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: unknown }).version);
      const path = join(dir, file);
      let source: string;
      try {
        source = readFileSync(path, "utf8");
      } catch (error) {
        throw new Error(`HTML report: cannot read ${path} (${(error as Error).message}); run npm install`);
      }
      return { name, version, source: inlineScriptText(source) };
    });
  }
  return cache;
}
