import { existsSync, readFileSync, statSync } from "fs";
import { join, relative, resolve, isAbsolute, sep } from "path";
import { nearestProjectConfig } from "./project-config";
import { DataOrigin } from "./types";

/** A data folder and how it was chosen; `note` says why a configured folder was passed over. */
export interface DirChoice {
  readonly dir: string;
  readonly origin: DataOrigin;
  readonly note?: string;
}

/**
 * The data folder (absolute), in this order, the same under the CLI, Jupyter clients and plain Node:
 * 1. the explicit option;
 * 2. the environment variable `envVar`;
 * 3. `dataDirs[envVar]` of the nearest `nnbook.config.json` from the working directory upward to
 *    the project root (`findProjectConfig`), resolved against the config file — if that folder exists;
 * 4. `./<defaultRel>` under the working directory (the loaders then try their package / download).
 */
export function resolveDataDir(option: string | undefined, envVar: string, defaultRel: string): DirChoice {
  if (option) return { dir: resolve(option), origin: "option" };
  const env = process.env[envVar];
  if (env) return { dir: resolve(env), origin: "env" };
  const config = nearestProjectConfig();
  const configured = config?.dataDirs[envVar];
  if (config && configured !== undefined) {
    if (existsSync(configured)) return { dir: configured, origin: "config" };
    const note = `(${config.file} sets ${envVar} to ${configured}, which does not exist)`;
    return { dir: resolve(defaultRel), origin: "default", note };
  }
  return { dir: resolve(defaultRel), origin: "default" };
}

/** The names in `names` that are not regular files in `dir`. */
export function missingFiles(dir: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    const p = join(dir, name);
    return !(existsSync(p) && statSync(p).isFile());
  });
}

/**
 * A path for messages and provenance lines, relative to the project root (`NNBOOK_PROJECT_ROOT`, set
 * by the CLI for itself and its kernels, else the folder of the nearest `nnbook.config.json`) or
 * else the working directory, with "/" separators: reports then read the same on every checkout and
 * in every client (e.g. "../shared/data/mnist").
 */
export function displayPath(p: string): string {
  const base = process.env.NNBOOK_PROJECT_ROOT || nearestProjectConfig()?.root || process.cwd();
  const rel = relative(base, p);
  return rel && !isAbsolute(rel) ? rel.split(sep).join("/") : p;
}

/** Markdown inline markup removed and whitespace collapsed. */
function plainText(md: string): string {
  return md.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
}

/** The first paragraph or list item of a section body (lines after its heading). */
function firstBlock(lines: readonly string[]): string {
  const block: string[] = [];
  for (const line of lines) {
    if (/^\s*$/.test(line) || /^#/.test(line)) {
      if (block.length) break;
      continue;
    }
    if (/^\s*[-*] /.test(line) && block.length) break;
    block.push(line.replace(/^\s*[-*] /, ""));
  }
  return plainText(block.join(" "));
}

/** The first sentence of a text, parenthetical remarks removed. */
function firstSentence(text: string): string {
  let t = text;
  for (let prev = ""; prev !== t;) {
    prev = t;
    t = t.replace(/\s*\([^()]*\)/g, "");
  }
  const end = t.search(/\.(\s|$)/);
  return (end >= 0 ? t.slice(0, end) : t).trim() + ".";
}

/**
 * A one-line description from `README.md` in `dir`, or undefined when there is none: the first
 * heading, followed by the first sentence of a "Provenance" (or "Source") section if present.
 */
export function readmeDescription(dir: string): string | undefined {
  const path = join(dir, "README.md");
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const h1 = lines.findIndex((l) => /^#\s+\S/.test(l));
  if (h1 < 0) return undefined;
  const heading = plainText(lines[h1].replace(/^#\s+/, ""));
  const sec = lines.findIndex((l) => /^#{2,}\s+(provenance|source)\b/i.test(l));
  if (sec < 0) return heading;
  const block = firstBlock(lines.slice(sec + 1));
  return block ? `${heading}. ${firstSentence(block)}` : heading;
}
