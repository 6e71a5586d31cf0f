/**
 * Leftovers of processes that died before cleaning up (temporary cache files, partial download
 * folders, kernel connection folders): each such name carries the pid of the process that made
 * it, so a later run can tell a dead writer's leftovers from files a live process is still writing.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** True while a process with this pid exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Which names in a folder are leftovers, and how old an owner-less one must be to go. */
export interface StalePattern {
  /** matches the names to consider; capture group 1, when it matched, is the owner's pid */
  readonly match: RegExp;
  /** names without an owner pid (older naming) are removed once older than this */
  readonly unownedAgeMs: number;
}

/**
 * Removes the entries of `dir` (files or folders) matching `pattern` whose owner process is gone,
 * or, without an owner pid, that are older than `pattern.unownedAgeMs`; returns the removed paths.
 * Entries of live owners are left alone; a missing `dir`, entries removed meanwhile and entries
 * that cannot be removed are skipped.
 */
export function removeStaleEntries(dir: string, pattern: StalePattern, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.match.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      const stale = m[1] !== undefined ? !processAlive(Number(m[1])) : now - statSync(path).mtimeMs > pattern.unownedAgeMs;
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
