/**
 * The report manifest (`notebooks/reports.json`): which notebooks, in which order, make up each
 * report. Notebook paths are relative to the manifest's folder.
 *
 * ```json
 * { "reports": [ { "name": "dd2424-a3", "title": "…", "notebooks": ["01-gradient-check.ipynb"] } ] }
 * ```
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** One report: its file name (`reports/<name>.md`), title and ordered notebooks (absolute paths). */
export interface ReportEntry {
  name: string;
  title: string;
  notebooks: string[];
}

const NAME = /^[A-Za-z0-9][\w.-]*$/;

function entryOf(value: unknown, i: number, file: string, dir: string): ReportEntry {
  const where = `${file}: reports[${i}]`;
  if (value === null || typeof value !== "object") throw new Error(`${where}: expected an object`);
  const { name, title, notebooks } = value as Record<string, unknown>;
  if (typeof name !== "string" || !NAME.test(name)) throw new Error(`${where}.name: expected a file-name-safe string, got ${JSON.stringify(name)}`);
  if (typeof title !== "string" || title.trim() === "") throw new Error(`${where}.title: expected a non-empty string`);
  if (!Array.isArray(notebooks) || notebooks.length === 0 || !notebooks.every((n) => typeof n === "string" && n.endsWith(".ipynb"))) {
    throw new Error(`${where}.notebooks: expected a non-empty array of .ipynb paths, got ${JSON.stringify(notebooks)}`);
  }
  return { name, title, notebooks: notebooks.map((n: string) => resolve(dir, n)) };
}

/** Reads and checks the manifest at `path`. */
export async function readManifest(path: string): Promise<ReportEntry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`cannot read report manifest ${path}: ${(error as Error).message}`);
  }
  const reports = (parsed as { reports?: unknown } | null)?.reports;
  if (!Array.isArray(reports)) throw new Error(`${path}: expected {"reports": [...]}`);
  const entries = reports.map((r, i) => entryOf(r, i, path, dirname(resolve(path))));
  const names = entries.map((e) => e.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`${path}: report name "${duplicate}" appears twice`);
  return entries;
}

/** The entries named in `names` (all when empty), in the order asked; unknown names are an error. */
export function selectReports(entries: readonly ReportEntry[], names: readonly string[], path: string): ReportEntry[] {
  if (names.length === 0) return [...entries];
  return names.map((name) => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`no report "${name}" in ${path} (known: ${entries.map((e) => e.name).join(", ")})`);
    return entry;
  });
}
