/**
 * The project's configuration file, `nnbook.config.json` at the project root:
 *
 *     { "dataDirs": { "CIFAR10_DIR": "../shared/data/cifar-10-batches-bin", "MNIST_DIR": "../shared/data/mnist" } }
 *
 * Each entry names an environment variable the data loaders read and a folder (relative to the
 * config file). The CLI exports them to itself and to every kernel it starts, unless the variable
 * is already set in the environment (the environment wins) or the folder does not exist (then the
 * loaders fall back to ./data/… and the download path, with their own clear messages).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The config file's name, looked up in the current directory. */
export const PROJECT_CONFIG_FILE = "nnbook.config.json";

/** What applying the config did, for one line of stderr. */
export interface AppliedDataDir {
  readonly variable: string;
  readonly dir: string;
  readonly applied: boolean;
  readonly reason: "set" | "environment" | "missing";
}

/** Reads `file` and sets the data-folder variables in `env`; returns what it did. Throws naming the file and field on bad JSON. */
export function applyProjectConfig(file = PROJECT_CONFIG_FILE, env: NodeJS.ProcessEnv = process.env): AppliedDataDir[] {
  // Paths in messages and report headers are shown relative to the project root (the folder the CLI runs in).
  if (!env.NNBOOK_PROJECT_ROOT) env.NNBOOK_PROJECT_ROOT = dirname(resolve(file));
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const dataDirs = (parsed as { dataDirs?: unknown }).dataDirs ?? {};
  if (typeof dataDirs !== "object" || dataDirs === null || Array.isArray(dataDirs)) {
    throw new Error(`${file}: "dataDirs" must be an object of VARIABLE: folder, got ${JSON.stringify(dataDirs)}`);
  }
  const out: AppliedDataDir[] = [];
  for (const [variable, value] of Object.entries(dataDirs)) {
    if (typeof value !== "string" || value === "") {
      throw new Error(`${file}: dataDirs.${variable} must be a folder path, got ${JSON.stringify(value)}`);
    }
    const dir = resolve(dirname(resolve(file)), value);
    if (env[variable]) out.push({ variable, dir: env[variable]!, applied: false, reason: "environment" });
    else if (!existsSync(dir)) out.push({ variable, dir, applied: false, reason: "missing" });
    else {
      env[variable] = dir;
      out.push({ variable, dir, applied: true, reason: "set" });
    }
  }
  return out;
}
