/** Tiny data sets written in the official formats, for the data tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import { ALLOW_SHORT_ENV } from "../../src/data/official";
import { createRng } from "../../src/tensor/random";

/**
 * Inside a mocha `describe`: its tests may read fixture files with fewer records than the official
 * ones (sets NNBOOK_ALLOW_SHORT_DATA=1 before them, restores it after).
 */
export function allowShortFixtures(): void {
  let saved: string | undefined;
  before(() => {
    saved = process.env[ALLOW_SHORT_ENV];
    process.env[ALLOW_SHORT_ENV] = "1";
  });
  after(() => {
    if (saved === undefined) delete process.env[ALLOW_SHORT_ENV];
    else process.env[ALLOW_SHORT_ENV] = saved;
  });
}

/** A fresh temporary folder and a function removing it. */
export function tempDir(tag: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `nnbook-${tag}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `count` CIFAR-10 records (label byte + 3,072 pixel bytes) with seeded random labels and pixels. */
export function cifarBatch(seed: string, count: number): Buffer {
  const rng = createRng(seed);
  const buf = Buffer.alloc(count * 3073);
  for (let j = 0; j < count; j++) {
    buf[j * 3073] = rng.int(10);
    for (let i = 1; i < 3073; i++) buf[j * 3073 + i] = rng.int(256);
  }
  return buf;
}

/** Label and pixel bytes of record j of a batch (the oracle for the reader). */
export function cifarRecord(batch: Buffer, j: number): { label: number; pixels: Uint8Array } {
  return { label: batch[j * 3073], pixels: batch.subarray(j * 3073 + 1, (j + 1) * 3073) };
}

/** The names of a CIFAR-10 folder's batches, training first. */
export const CIFAR_FILES = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"];

/** Writes a tiny `cifar-10-batches-bin` folder (`perBatch` records per file) and returns its batches. */
export function writeCifarDir(dir: string, perBatch = 4, withMeta = true): Buffer[] {
  mkdirSync(dir, { recursive: true });
  const batches = CIFAR_FILES.map((name) => cifarBatch(`cifar/${name}`, perBatch));
  CIFAR_FILES.forEach((name, k) => writeFileSync(join(dir, name), batches[k]));
  if (withMeta) {
    const names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
    writeFileSync(join(dir, "batches.meta.txt"), names.join("\n") + "\n\n");
  }
  return batches;
}

/** An IDX file of unsigned bytes: big-endian magic 0x0800|ndims... and dimensions, then the values. */
export function idxFile(magic: number, dims: readonly number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((n, k) => header.writeUInt32BE(n, 4 + 4 * k));
  return Buffer.concat([header, Buffer.from(values)]);
}

/** Seeded MNIST-like images (n × rows × cols) and labels. */
export function mnistArrays(seed: string, n: number, rows = 28, cols = 28): { pixels: Uint8Array; labels: Uint8Array } {
  const rng = createRng(seed);
  const pixels = Uint8Array.from({ length: n * rows * cols }, () => (rng.uniform() < 0.8 ? 0 : rng.int(256)));
  const labels = Uint8Array.from({ length: n }, () => rng.int(10));
  return { pixels, labels };
}

/** The four MNIST files' contents for a tiny set (nTrain training and nTest test images). */
export function mnistFiles(nTrain: number, nTest: number, rows = 28, cols = 28): Record<string, Buffer> {
  const train = mnistArrays("mnist/train", nTrain, rows, cols);
  const test = mnistArrays("mnist/test", nTest, rows, cols);
  return {
    "train-images-idx3-ubyte": idxFile(2051, [nTrain, rows, cols], train.pixels),
    "train-labels-idx1-ubyte": idxFile(2049, [nTrain], train.labels),
    "t10k-images-idx3-ubyte": idxFile(2051, [nTest, rows, cols], test.pixels),
    "t10k-labels-idx1-ubyte": idxFile(2049, [nTest], test.labels),
  };
}

/** Writes MNIST files into `dir`, gzipped (name + ".gz") or raw. */
export function writeMnistDir(dir: string, files: Record<string, Buffer>, gzip: boolean): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(dir, gzip ? `${name}.gz` : name), gzip ? gzipSync(bytes) : bytes);
  }
}

/** Mean and population std of some numbers (the oracle for standardization checks). */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k];
  const mean = s / values.length;
  let q = 0;
  for (let k = 0; k < values.length; k++) q += (values[k] - mean) ** 2;
  return { mean, std: Math.sqrt(q / values.length) };
}
