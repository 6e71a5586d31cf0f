/**
 * Whether a data folder holds the official files, and whether its files hold as many records as
 * the official ones. A folder is labelled "official" only when every file read matches the
 * published checksum; any other folder is described by its record counts and as "not the official
 * files". A file with fewer records than the official one (a truncated copy cut at a record
 * boundary parses cleanly) is an error unless short files are allowed explicitly.
 */
import { createHash } from "crypto";

/**
 * SHA-1 of the six batch files of the official `cifar-10-binary.tar.gz` (MD5
 * c32a1d4ab5d03f1284b67883e8d87530). The CIFAR-10 page publishes only the archive's MD5; these
 * per-file values are the ones Apache MXNet publishes and checks in `gluon.data.vision.CIFAR10`
 * (python/mxnet/gluon/data/vision/datasets.py).
 */
export const CIFAR10_SHA1: Readonly<Record<string, string>> = {
  "data_batch_1.bin": "aadd24acce27caa71bf4b10992e9e7b2d74c2540",
  "data_batch_2.bin": "c0ba65cce70568cd57b4e03e9ac8d2a5367c1795",
  "data_batch_3.bin": "1dd00a74ab1d17a6e7d73e185b69dbf31242f295",
  "data_batch_4.bin": "aab85764eb3584312d3c7f65fd2fd016e36a258e",
  "data_batch_5.bin": "26e2849e66a845b7f1e4614ae70f4889ae604628",
  "test_batch.bin": "67eb016db431130d61cd03c7ad570b013799c88c",
};

/** Records in each official CIFAR-10 batch file. */
export const CIFAR10_BATCH_RECORDS = 10_000;
/** Images in the official MNIST training and test files. */
export const MNIST_RECORDS = { train: 60_000, test: 10_000 } as const;

/** The environment variable that allows short files when the loader option is not given. */
export const ALLOW_SHORT_ENV = "NNBOOK_ALLOW_SHORT_DATA";

/** The option if given, else whether `NNBOOK_ALLOW_SHORT_DATA` is "1" (tests use tiny fixture files). */
export function shortFilesAllowed(option: boolean | undefined): boolean {
  return option ?? process.env[ALLOW_SHORT_ENV] === "1";
}

/** One file read: its path (for messages), its records and the official count. */
export interface RecordCount {
  readonly path: string;
  readonly records: number;
  readonly official: number;
  /** "records", "images" … */
  readonly unit: string;
}

/**
 * Throws naming the file when a file holds no records, or fewer than the official count while
 * short files are not allowed (the message says how to allow them).
 */
export function checkRecordCounts(files: readonly RecordCount[], allowShort: boolean): void {
  for (const f of files) {
    if (f.records === 0) throw new Error(`${f.path}: holds no ${f.unit} (the official file has ${f.official.toLocaleString("en-US")})`);
    if (f.records < f.official && !allowShort) {
      throw new Error(
        `${f.path}: holds ${f.records.toLocaleString("en-US")} ${f.unit}, the official file ${f.official.toLocaleString("en-US")}: ` +
          `a truncated or partial copy. To load it anyway pass allowShortFiles: true (or set ${ALLOW_SHORT_ENV}=1).`,
      );
    }
  }
}

/** The names whose contents' `algorithm` digest differs from `expected[name]` (all of them when unknown). */
export function differingFiles(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  expected: Readonly<Record<string, string>>,
  algorithm: "sha1" | "md5",
): string[] {
  return files.filter((f) => createHash(algorithm).update(f.bytes).digest("hex") !== expected[f.name]).map((f) => f.name);
}

/** "6 files of 10,000 records" or "data_batch_1.bin 10,000, …, test_batch.bin 9,000 records". */
export function describeCounts(files: readonly { readonly name: string; readonly records: number }[], unit: string): string {
  const fmt = (n: number): string => n.toLocaleString("en-US");
  if (files.every((f) => f.records === files[0].records)) return `${files.length} files of ${fmt(files[0].records)} ${unit}`;
  return `${files.map((f) => `${f.name} ${fmt(f.records)}`).join(", ")} ${unit}`;
}

/**
 * The provenance label of a folder: the official description with the check when every file
 * matches; otherwise `layout` (what the files are laid out as), "not the official files" with the
 * files whose checksum differs, the record counts, and the folder's own README description quoted
 * as its claim (a README cannot make a folder official).
 */
export function officialLabel(opts: {
  official: string;
  layout: string;
  readme: string | undefined;
  counts: string;
  differ: readonly string[];
  algorithm: string;
  total: number;
}): string {
  if (opts.differ.length === 0) return `${opts.official}; ${opts.algorithm} of all ${opts.total} files matches the published values`;
  const which = opts.differ.length === opts.total ? `all ${opts.total} files` : opts.differ.join(", ");
  const readme = opts.readme === undefined ? "" : `; its README: "${opts.readme}"`;
  return `${opts.layout}, not the official files (${opts.algorithm} differs: ${which}); ${opts.counts}${readme}`;
}
