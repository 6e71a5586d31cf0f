/** Versions recorded in executed notebooks and report headers. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

function versionOf(packageJson: string): string {
  try {
    return String((JSON.parse(readFileSync(packageJson, "utf8")) as { version?: unknown }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

/** This package's version (from its package.json, two folders above src/report or dist/report). */
export function packageVersion(): string {
  return versionOf(join(__dirname, "..", "..", "package.json"));
}

/** The installed tslab's version. */
export function tslabVersion(): string {
  try {
    return versionOf(require.resolve("tslab/package.json"));
  } catch {
    return "unknown";
  }
}
