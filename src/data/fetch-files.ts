import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import * as tar from "tar";
import { removeStaleEntries } from "../util/stale-files";
import { downloadToFile, DownloadFileOptions } from "./http-download";
import { missingFiles } from "./locate";

/** A file to download, with the MD5 (hex) it must have. */
export interface RemoteFile {
  readonly name: string;
  readonly md5: string;
}

/** What to download for a data set and what the final folder must contain. */
export interface FetchSpec {
  /** data set name for messages, e.g. "CIFAR-10" */
  readonly what: string;
  /** downloaded from `<baseUrl><name>` and checked against their MD5 */
  readonly files: readonly RemoteFile[];
  /** when set: the .tar.gz among `files` to extract, and the folder inside it that becomes the target */
  readonly archive?: { readonly name: string; readonly innerDir: string };
  /** files the target folder must contain afterwards */
  readonly expected: readonly string[];
  /** how to provide the files by hand (appended to errors) */
  readonly manual: string;
  /** written as README.md into the installed folder (its first heading becomes the provenance) */
  readonly readme?: string;
}

/** Where to download from and how to show it. */
export interface FetchOptions extends DownloadFileOptions {
  /** base URLs tried in order for each file (a mirror list); the file name is appended after a "/" */
  readonly baseUrls: readonly string[];
}

/** Downloads one file from the first base URL that serves it with the right MD5; returns errors seen. */
async function fetchOne(file: RemoteFile, dest: string, opts: FetchOptions): Promise<string[]> {
  const problems: string[] = [];
  for (const base of opts.baseUrls) {
    const url = (base.endsWith("/") ? base : `${base}/`) + file.name;
    try {
      const { md5 } = await downloadToFile(url, dest, opts);
      if (md5 === file.md5.toLowerCase()) return [];
      problems.push(`${url}: checksum mismatch: MD5 ${md5}, expected ${file.md5}`);
    } catch (e) {
      problems.push(`${url}: ${(e as Error).message}`);
    }
    rmSync(dest, { force: true });
  }
  if (!opts.baseUrls.length) problems.push(`${file.name}: no download URL configured`);
  return problems;
}

/** Downloads and (if an archive) extracts everything into `tmp`; returns the folder to install. */
async function fetchToTemp(tmp: string, spec: FetchSpec, opts: FetchOptions): Promise<string> {
  const downloads = join(tmp, "files");
  mkdirSync(downloads);
  for (const file of spec.files) {
    const problems = await fetchOne(file, join(downloads, file.name), opts);
    if (problems.length) throw new Error(problems.join("\n  "));
  }
  let folder = downloads;
  if (spec.archive) {
    const extracted = join(tmp, "extracted");
    mkdirSync(extracted);
    await tar.x({ file: join(downloads, spec.archive.name), cwd: extracted, strict: true });
    folder = join(extracted, spec.archive.innerDir);
  }
  const missing = missingFiles(folder, spec.expected);
  if (missing.length) {
    const names = spec.archive ? missing.map((m) => `${spec.archive?.innerDir}/${m}`) : missing;
    throw new Error(`${spec.archive?.name ?? "the download"} does not contain ${names.join(", ")}`);
  }
  if (spec.readme && !existsSync(join(folder, "README.md"))) writeFileSync(join(folder, "README.md"), spec.readme);
  return folder;
}

/** Removes the empty folders from `dir` up to and including `top` (the ones this module created). */
function removeCreatedParents(dir: string, top: string | undefined): void {
  if (!top) return;
  for (let d = dir; d.startsWith(top); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

/**
 * Removes the partial download folders `.<name>.download-<pid>-XXXXXX` beside a target whose
 * downloading process is gone (killed mid-download), and owner-less ones (older naming) older than
 * an hour; returns the removed paths.
 */
export function removeStaleDownloads(parent: string, name: string, now = Date.now()): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return removeStaleEntries(parent, { match: new RegExp(`^\\.${escaped}\\.download-(?:(\\d+)-)?[A-Za-z0-9]{6}$`), unownedAgeMs: 3_600_000 }, now);
}

/**
 * Downloads a data set's files into `targetDir` atomically: everything goes to a temporary folder
 * beside it, each file's MD5 is checked, archives are extracted there, and only a complete folder
 * is renamed into place. On any failure nothing is left behind and the error says which files are
 * expected where, what went wrong, and how to provide them. `targetDir` must not exist or be empty.
 */
export async function fetchInto(targetDir: string, spec: FetchSpec, opts: FetchOptions): Promise<void> {
  const target = resolve(targetDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${spec.what}: ${target} exists and is not empty; not downloading over it`);
  }
  const parent = dirname(target);
  const createdTop = mkdirSync(parent, { recursive: true });
  removeStaleDownloads(parent, basename(target));
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.download-${process.pid}-`));
  try {
    const folder = await fetchToTemp(tmp, spec, opts);
    if (existsSync(target)) rmdirSync(target);
    renameSync(folder, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    removeCreatedParents(parent, createdTop);
    throw new Error(
      `${spec.what}: could not download the files (expected ${spec.expected.join(", ")} in ${target}):\n` +
        `  ${(e as Error).message}\nNothing was written. ${spec.manual}`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
}
