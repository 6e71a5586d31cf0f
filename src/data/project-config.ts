/**
 * The project's configuration file, `nnbook.config.json` at the project root:
 *
 *     { "dataDirs": { "CIFAR10_DIR": "../shared/data/cifar-10-batches-bin", "MNIST_DIR": "../shared/data/mnist" } }
 *
 * Each entry names an environment variable the data loaders read and a folder (relative to the
 * config file). The loaders look the file up themselves (`findProjectConfig`: from the working
 * directory upward to the project root), so a kernel started by JupyterLab, VS Code or nbconvert
 * in a notebook's folder finds the data exactly as the `nnbook` CLI does.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { dirname, join, resolve } from "path";

/** The config file's name. */
export const PROJECT_CONFIG_FILE = "nnbook.config.json";

/** A parsed config file: its absolute path, its folder, and the data folders it names (absolute). */
export interface ProjectConfig {
  readonly file: string;
  readonly root: string;
  readonly dataDirs: Readonly<Record<string, string>>;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * The nearest `nnbook.config.json` from `start` (default: the working directory) upward, or
 * undefined. The search stops at the project root: the first folder holding a `package.json` (the
 * package that holds the notebooks) is the last one looked at, so a config file above the project
 * is never picked up.
 */
export function findProjectConfig(start: string = process.cwd()): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, PROJECT_CONFIG_FILE);
    if (isFile(file)) return file;
    if (isFile(join(dir, "package.json")) || dirname(dir) === dir) return undefined;
  }
}

/** Reads and checks `file`; folders are resolved against its folder. Throws naming the file and field on bad input. */
export function readProjectConfig(file: string): ProjectConfig {
  const path = resolve(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: must hold a JSON object, got ${JSON.stringify(parsed)}`);
  }
  const dataDirs = (parsed as { dataDirs?: unknown }).dataDirs ?? {};
  if (typeof dataDirs !== "object" || dataDirs === null || Array.isArray(dataDirs)) {
    throw new Error(`${file}: "dataDirs" must be an object of VARIABLE: folder, got ${JSON.stringify(dataDirs)}`);
  }
  const dirs: Record<string, string> = {};
  for (const [variable, value] of Object.entries(dataDirs)) {
    if (typeof value !== "string" || value === "") {
      throw new Error(`${file}: dataDirs.${variable} must be a folder path, got ${JSON.stringify(value)}`);
    }
    dirs[variable] = resolve(dirname(path), value);
  }
  return { file: path, root: dirname(path), dataDirs: dirs };
}

const cache = new Map<string, { mtimeMs: number; config: ProjectConfig }>();

/**
 * The config nearest to `start` (see `findProjectConfig`), parsed, or undefined when there is
 * none. Re-read when the file changes (a notebook kernel lives long).
 */
export function nearestProjectConfig(start: string = process.cwd()): ProjectConfig | undefined {
  const file = findProjectConfig(start);
  if (file === undefined) return undefined;
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.config;
  const config = readProjectConfig(file);
  cache.set(file, { mtimeMs, config });
  return config;
}
