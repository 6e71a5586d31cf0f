/**
 * The CLI's use of `nnbook.config.json` (read by `src/data/project-config`, the same code the
 * loaders use): the nearest config from the working directory upward is exported to the CLI and
 * to every kernel it starts as environment variables — so kernels whose folder lies outside the
 * project see the same folders — unless a variable is already set (the environment wins) or its
 * folder does not exist (then the loaders fall back to ./data/… and the download path, with
 * their own clear messages).
 */
import { existsSync } from "node:fs";
import { findProjectConfig, readProjectConfig } from "../data/project-config";

export { PROJECT_CONFIG_FILE } from "../data/project-config";

/** What applying the config did, for one line of stderr. */
export interface AppliedDataDir {
  readonly variable: string;
  readonly dir: string;
  readonly applied: boolean;
  readonly reason: "set" | "environment" | "missing";
}

/**
 * Reads `file` (default: the nearest config from the working directory, see `findProjectConfig`)
 * and sets the data-folder variables in `env`; sets `NNBOOK_PROJECT_ROOT` to the config's folder
 * (or the working directory) when unset. Returns what it did. Throws naming the file and field on bad JSON.
 */
export function applyProjectConfig(file = findProjectConfig(), env: NodeJS.ProcessEnv = process.env): AppliedDataDir[] {
  const config = file !== undefined && existsSync(file) ? readProjectConfig(file) : undefined;
  // Paths in messages and report headers are shown relative to the project root.
  if (!env.NNBOOK_PROJECT_ROOT) env.NNBOOK_PROJECT_ROOT = config?.root ?? process.cwd();
  if (config === undefined) return [];
  return Object.entries(config.dataDirs).map(([variable, dir]): AppliedDataDir => {
    if (env[variable]) return { variable, dir: env[variable]!, applied: false, reason: "environment" };
    if (!existsSync(dir)) return { variable, dir, applied: false, reason: "missing" };
    env[variable] = dir;
    return { variable, dir, applied: true, reason: "set" };
  });
}
