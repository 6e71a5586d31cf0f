import * as fs from "fs";
import { hostname } from "os";
import { processAlive } from "../util/stale-files";

/**
 * Claims on runs in progress, beside the result cache: `<dir>/<key>.claim` says that a process is
 * training the run with that key right now. Two notebooks of a report generation (`nnbook report
 * -j 2`), or two sessions sharing a cache, often ask for the same configuration at the same time; the
 * second one then waits for the first one's result instead of training it again.
 *
 * A claim names its owner (host, pid, start time). It is stale — and taken over — once its owner is
 * known to be gone: a pid on this host that no longer exists, an unreadable claim file (its writer
 * died half-way, or someone edited it), or a claim older than `maxAgeMs` (owners on other hosts,
 * whose pids cannot be checked, and pids reused on this one).
 */
export interface RunClaims {
  /** claims the run with this key for this process; false if a live owner holds it */
  claim(key: string): boolean;
  /** gives up this process's claim (done, failed or abandoned); other processes' claims stay */
  release(key: string): void;
  /** releases every claim this object still holds */
  releaseAll(): void;
}

/** What a claim file holds. */
interface ClaimOwner {
  readonly host: string;
  readonly pid: number;
  readonly started: string;
}

/** A day: no single run of the reports takes that long; a claim so old has lost its owner. */
export const CLAIM_MAX_AGE_MS = 24 * 3_600_000;

function readOwner(file: string): ClaimOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<ClaimOwner>;
    if (typeof owner.host !== "string" || !Number.isInteger(owner.pid) || typeof owner.started !== "string") return undefined;
    return owner as ClaimOwner;
  } catch {
    return undefined;
  }
}

/**
 * Claims kept in `dir` (the cache folder). `entryPath(key)` is the cache entry's file; the claim is
 * that name + ".claim". Folders that cannot be written make every claim succeed (no coordination,
 * as without the cache).
 */
export function openClaims(entryPath: (key: string) => string, maxAgeMs = CLAIM_MAX_AGE_MS, now: () => number = Date.now): RunClaims {
  const mine = new Set<string>();
  const host = hostname();
  const fileOf = (key: string): string => `${entryPath(key)}.claim`;

  /** The live owner of a claim file, or undefined if there is none (no file, or a stale one). */
  const liveOwner = (file: string): ClaimOwner | undefined => {
    let mtime: number;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    const owner = readOwner(file);
    if (!owner) return now() - mtime < 2_000 ? { host: "?", pid: 0, started: "" } : undefined; // being written, or dead
    if (now() - mtime > maxAgeMs) return undefined;
    if (owner.host === host && !processAlive(owner.pid)) return undefined;
    return owner;
  };

  const claim = (key: string): boolean => {
    const file = fileOf(key);
    if (mine.has(key)) return true;
    for (let attempt = 0; attempt < 2; attempt++) {
      let fd: number;
      try {
        fd = fs.openSync(file, "wx");
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== "EEXIST") return true; // no coordination possible: run it
        if (liveOwner(file)) return false;
        try {
          fs.rmSync(file, { force: true }); // stale: take it over
        } catch {
          return true;
        }
        continue;
      }
      try {
        fs.writeSync(fd, JSON.stringify({ host, pid: process.pid, started: new Date(now()).toISOString() }));
      } finally {
        fs.closeSync(fd);
      }
      mine.add(key);
      return true;
    }
    return false;
  };

  const release = (key: string): void => {
    if (!mine.delete(key)) return;
    try {
      fs.rmSync(fileOf(key), { force: true });
    } catch {
      // the folder went away: nothing to release
    }
  };

  return {
    claim,
    release,
    releaseAll: () => [...mine].forEach(release),
  };
}
