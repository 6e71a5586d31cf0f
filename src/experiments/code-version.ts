import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import { getKernel } from "../tensor";

/** The engine folders whose source decides a run's numbers (relative to src/ or dist/). */
const ENGINE_FOLDERS = ["tensor", "layers", "model", "train"];
const ENGINE_FILES = ["experiments/run"];

let sourceHash: string | undefined;

function isSource(name: string): boolean {
  return (name.endsWith(".ts") && !name.endsWith(".d.ts")) || name.endsWith(".js");
}

/** Relative paths of the engine's source files under `root`, sorted. */
function engineFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(r);
      else if (isSource(entry.name)) files.push(r);
    }
  };
  ENGINE_FOLDERS.forEach(walk);
  for (const f of ENGINE_FILES) for (const ext of [".ts", ".js"]) if (fs.existsSync(path.join(root, f + ext))) files.push(f + ext);
  return files.sort();
}

/**
 * The engine's code version, part of every result-cache key:
 * `nnbook@<package version>+src.<first 16 hex of SHA-256 over the engine's source files>+kernel.<name>`.
 * The engine is src/ (or dist/) tensor, layers, model, train and experiments/run: editing any of
 * them, or switching matrix kernels (whose rounding differs), invalidates cached results.
 * Running from src/ (ts-node) and from dist/ (compiled) gives different versions, by design.
 */
export function codeVersion(): string {
  const root = path.resolve(__dirname, "..");
  if (sourceHash === undefined) {
    const h = createHash("sha256");
    for (const f of engineFiles(root)) {
      h.update(`${f}\0`);
      h.update(fs.readFileSync(path.join(root, f)));
      h.update("\0");
    }
    sourceHash = h.digest("hex").slice(0, 16);
  }
  let version = "0";
  try {
    version = (JSON.parse(fs.readFileSync(path.join(root, "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    // no package.json next to src/ or dist/ (e.g. bundled): keep "0"
  }
  return `nnbook@${version}+src.${sourceHash}+kernel.${getKernel().name}`;
}
