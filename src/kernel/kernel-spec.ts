/**
 * The Jupyter kernel spec of this checkout's tslab: what `nnbook kernel install` (`npm run kernel`)
 * writes so that JupyterLab, Jupyter Notebook and VS Code start the project's tslab. `npx tslab
 * install` writes the bare command `tslab`, which is not on PATH (it lives in node_modules/.bin),
 * so the kernel never starts; this spec names the node binary and tslab's script by absolute path.
 * No Python is needed to install it: the file goes where Jupyter looks for user kernels.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../util/atomic-write";

/** A kernel.json (Jupyter's kernel spec format). */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  metadata: Record<string, unknown>;
}

/**
 * Jupyter's per-user data folder on Linux and macOS, as jupyter_core computes it:
 * $JUPYTER_DATA_DIR, else ~/Library/Jupyter on macOS, else $XDG_DATA_HOME/jupyter
 * (default ~/.local/share/jupyter).
 */
export function jupyterDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return join(home, "Library", "Jupyter");
  if (platform === "win32") return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "jupyter");
  return join(env.XDG_DATA_HOME || join(home, ".local", "share"), "jupyter");
}

/** tslab's start script in the installed package (absolute). */
export function tslabScript(): string {
  const script = join(dirname(require.resolve("tslab/package.json")), "bin", "tslab");
  if (!existsSync(script)) throw new Error(`tslab's start script ${script} is missing: run npm install`);
  return script;
}

/**
 * The spec that starts tslab with this node (`node`: absolute path, default the running one) and
 * this checkout's tslab script; `{connection_file}` is filled in by Jupyter.
 */
export function tslabKernelSpec(node: string = process.execPath, script: string = tslabScript()): KernelSpec {
  return {
    argv: [resolve(node), resolve(script), "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
    metadata: { nnbook: { note: "installed by `npm run kernel` (nnbook kernel install); run it again after moving the checkout or changing node" } },
  };
}

/** Where a kernel named `name` is installed under a Jupyter data folder. */
export function kernelSpecPath(dataDir: string, name: string): string {
  if (!/^[a-z0-9._-]+$/i.test(name)) throw new Error(`kernel name must be letters, digits, ".", "_" or "-", got "${name}"`);
  return join(dataDir, "kernels", name, "kernel.json");
}

/** Writes `spec` as `<dataDir>/kernels/<name>/kernel.json` (atomically); returns its path. */
export async function installKernelSpec(spec: KernelSpec, dataDir: string, name = "tslab"): Promise<string> {
  const path = kernelSpecPath(dataDir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(spec, null, 1)}\n`);
  return path;
}
