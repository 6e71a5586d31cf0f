import { readFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { CIFAR10_D, CIFAR10_K, CIFAR10_SHAPE, CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES, parseCifarBatch, readLabelNames } from "./cifar10-format";
import { contentHash, dataFingerprint } from "./checksum";
import { FetchSpec, fetchInto, removeStaleDownloads } from "./fetch-files";
import { displayPath, missingFiles, readmeDescription, resolveDataDir } from "./locate";
import { lazySplits } from "./lazy-splits";
import { labeledSets } from "./one-hot";
import { ByteSamples, Selection, selectionLabels, selectionSize, sliceSources } from "./samples";
import { CIFAR10_BATCH_RECORDS, CIFAR10_SHA1, checkRecordCounts, describeCounts, differingFiles, officialLabel, shortFilesAllowed } from "./official";
import { absentOrEmpty, DownloadOptions, fetchOptions, folderSource, requireFolder } from "./sources";
import { standardizeBytes } from "./standardize";
import { DataOrigin, DataSplits, StandardizeMode } from "./types";

/** "standard": batches 1–5 minus their last `validationSize` images / those images / test_batch;
 * "small": data_batch_1 / data_batch_2 / test_batch (the earlier assignments' split). */
export type CifarSplit = "standard" | "small";

/** How to turn the CIFAR-10 files into splits. */
export interface Cifar10ReadOptions {
  /** default "standard" */
  readonly split?: CifarSplit;
  /** validation images taken from the end of batch 5 in the standard split (default 5,000) */
  readonly validationSize?: number;
  /** default "dimension" (per input dimension, as the reports do) */
  readonly standardize?: StandardizeMode;
  /** also build the one-hot targets Y (K × n) of every split (default false) */
  readonly oneHot?: boolean;
  /**
   * accept batches with fewer than the official 10,000 records (default: $NNBOOK_ALLOW_SHORT_DATA
   * is "1"); without it such a batch (e.g. a truncated copy) is an error naming the file
   */
  readonly allowShortFiles?: boolean;
}

/** Where the files are and how to get them when missing. */
export interface Cifar10Options extends Cifar10ReadOptions, DownloadOptions {
  /** the `cifar-10-batches-bin` folder; else $CIFAR10_DIR, else the nearest nnbook.config.json, else ./data/cifar-10-batches-bin */
  readonly dir?: string;
}

export const CIFAR10_ARCHIVE = "cifar-10-binary.tar.gz";
/** MD5 of the official `cifar-10-binary.tar.gz`, as published on the CIFAR-10 page. */
export const CIFAR10_ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
export const CIFAR10_BASE_URLS: readonly string[] = ["https://www.cs.toronto.edu/~kriz/"];
const OFFICIAL = "CIFAR-10, official binary version";

/** The batch files a split reads. */
export function cifar10FilesFor(split: CifarSplit): string[] {
  const train = split === "small" ? CIFAR10_TRAIN_FILES.slice(0, 2) : CIFAR10_TRAIN_FILES;
  return [...train, CIFAR10_TEST_FILE];
}

/** How to provide the CIFAR-10 files by hand, for error messages. */
function cifar10Manual(dir: string): string {
  return (
    `To provide them: download ${CIFAR10_ARCHIVE} (MD5 ${CIFAR10_ARCHIVE_MD5}) from ` +
    `https://www.cs.toronto.edu/~kriz/cifar.html and extract it so that ${dir} holds the .bin files, ` +
    `or point to another folder with the "dir" option or CIFAR10_DIR; set CIFAR10_BASE_URL to download from a mirror.`
  );
}

/**
 * What to download for CIFAR-10 into `dir`: the official archive (MD5 `md5`, the official one
 * unless a test or mirror says otherwise), its folder, and the files that folder must hold.
 */
export function cifar10FetchSpec(dir: string, md5 = CIFAR10_ARCHIVE_MD5): FetchSpec {
  return {
    what: "CIFAR-10",
    files: [{ name: CIFAR10_ARCHIVE, md5 }],
    archive: { name: CIFAR10_ARCHIVE, innerDir: "cifar-10-batches-bin" },
    expected: cifar10FilesFor("standard"),
    manual: cifar10Manual(dir),
    readme:
      md5 === CIFAR10_ARCHIVE_MD5
        ? `# ${OFFICIAL} (${CIFAR10_ARCHIVE}, MD5 ${md5} verified at download)\n`
        : `# CIFAR-10 binary layout from an archive with MD5 ${md5}, NOT the official ${CIFAR10_ARCHIVE_MD5}\n`,
  };
}

/** Train, validation and test selections of the parsed batches for a split. */
function splitSelections(batches: ByteSamples[], split: CifarSplit, validationSize: number): Selection[] {
  const [test] = batches.slice(-1);
  const all = (s: ByteSamples): Selection => sliceSources([s], 0, s.count);
  if (split === "small") return [all(batches[0]), all(batches[1]), all(test)];
  const train = batches.slice(0, -1);
  const N = train.reduce((n, s) => n + s.count, 0);
  if (!(Number.isInteger(validationSize) && validationSize >= 0 && validationSize < N)) {
    throw new RangeError(`readCifar10: validationSize ${validationSize} must be an integer in 0 … ${N - 1}`);
  }
  return [sliceSources(train, 0, N - validationSize), sliceSources(train, N - validationSize, N), all(test)];
}

/**
 * Reads CIFAR-10 from a `cifar-10-batches-bin` folder (no download): X is 3,072 × n (one image
 * per column: 1,024 R, 1,024 G, 1,024 B values, each plane row-major 32 × 32), scaled to
 * [0, 1] and standardized with the training split's statistics; y holds labels 0 … 9.
 * Throws naming the file on missing, truncated or corrupt batches, and on batches with fewer than
 * 10,000 records unless `allowShortFiles` (all checked here). The provenance says "official" only
 * when every file read matches `officialSha1` (the published SHA-1s; tests pass their fixtures'),
 * else gives the record counts and "not the official files". The files are read and hashed here;
 * the arrays are decoded and standardized on first access (`lazySplits`).
 */
export function readCifar10(
  folder: string,
  opts: Cifar10ReadOptions = {},
  origin: DataOrigin = "option",
  officialSha1: Readonly<Record<string, string>> = CIFAR10_SHA1,
): DataSplits {
  const dir = requireFolder(resolve(folder), "CIFAR-10");
  removeStaleDownloads(dirname(dir), basename(dir));
  const split = opts.split ?? "standard";
  const validationSize = split === "small" ? 0 : (opts.validationSize ?? 5000);
  const mode = opts.standardize ?? "dimension";
  const names = cifar10FilesFor(split);
  const missing = missingFiles(dir, names);
  if (missing.length) throw new Error(`CIFAR-10: missing ${missing.join(", ")} in ${dir}. ${cifar10Manual(dir)}`);
  const files = names.map((n) => ({ path: join(dir, n), bytes: readFileSync(join(dir, n)) }));
  const batches = files.map((f) => parseCifarBatch(f.bytes, f.path));
  const counts = batches.map((b) => ({ path: b.file, records: b.count, official: CIFAR10_BATCH_RECORDS, unit: "records" }));
  checkRecordCounts(counts, shortFilesAllowed(opts.allowShortFiles));
  const sels = splitSelections(batches, split, validationSize);
  const config = { dataset: "CIFAR-10", split, validationSize: selectionSize(sels[1]), standardize: mode };
  const hash = contentHash(files);
  const description = officialLabel({
    official: OFFICIAL,
    layout: "CIFAR-10 binary layout",
    readme: readmeDescription(dir),
    algorithm: "SHA-1",
    total: names.length,
    counts: describeCounts(
      batches.map((b, k) => ({ name: names[k], records: b.count })),
      "records",
    ),
    differ: differingFiles(
      files.map((f, k) => ({ name: names[k], bytes: f.bytes })),
      officialSha1,
      "sha1",
    ),
  });
  return lazySplits(
    {
      name: "CIFAR-10",
      K: CIFAR10_K,
      labelNames: readLabelNames(dir),
      imageShape: CIFAR10_SHAPE,
      provenance: `${description} (read from ${displayPath(dir)})`,
      dir,
      origin,
      files: files.map((f) => f.path),
      contentHash: hash,
      fingerprint: dataFingerprint(hash, config),
      config,
    },
    () => {
      const { X, stats } = standardizeBytes(sels[0], sels.slice(1), CIFAR10_D, mode, CIFAR10_SHAPE.channels);
      return { sets: labeledSets(X, sels.map(selectionLabels), CIFAR10_K, opts.oneHot), stats };
    },
  );
}

/**
 * Loads CIFAR-10 from the folder given by `opts.dir`, $CIFAR10_DIR, the nearest nnbook.config.json
 * (see `resolveDataDir`) or ./data/cifar-10-batches-bin,
 * downloading and verifying the official archive first when that folder is absent or empty
 * (unless `download: false`). The result is as for `readCifar10`.
 */
export async function loadCifar10(opts: Cifar10Options = {}): Promise<DataSplits> {
  const choice = resolveDataDir(opts.dir, "CIFAR10_DIR", join("data", "cifar-10-batches-bin"));
  requireFolder(choice.dir, "CIFAR-10", folderSource(choice.origin, "CIFAR10_DIR"));
  const missing = missingFiles(choice.dir, cifar10FilesFor(opts.split ?? "standard"));
  if (missing.length === 0) return readCifar10(choice.dir, opts, choice.origin);
  if (opts.download === false || !absentOrEmpty(choice.dir)) {
    const why = opts.download === false ? "downloads are disabled" : "the folder is not empty, so not downloading into it";
    throw new Error(`CIFAR-10: missing ${missing.join(", ")} in ${choice.dir} (${why})${choice.note ? ` ${choice.note}` : ""}. ${cifar10Manual(choice.dir)}`);
  }
  await fetchInto(choice.dir, cifar10FetchSpec(choice.dir), fetchOptions(opts, "CIFAR10_BASE_URL", CIFAR10_BASE_URLS));
  return readCifar10(choice.dir, opts, "download");
}
