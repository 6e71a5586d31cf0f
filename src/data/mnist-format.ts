import { existsSync } from "fs";
import { join } from "path";
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, IdxArray, readIdx } from "./idx-format";
import { ByteSamples } from "./samples";

/** MNIST: 28 × 28 grey-level images, 10 classes. */
export const MNIST_K = 10;
export const MNIST_LABEL_NAMES: readonly string[] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** The four official files (base names, without .gz). */
export const MNIST_FILES = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

/**
 * MD5 of the official files' *uncompressed* contents (facts: computed from the byte-exact
 * official .gz files, whose own MD5s are `MNIST_GZ_MD5`).
 */
export const MNIST_MD5: Readonly<Record<string, string>> = {
  "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
  "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
  "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
  "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
};

/** MD5 of the official gzip files as published with the MNIST database. */
export const MNIST_GZ_MD5: Readonly<Record<string, string>> = {
  "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
  "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
  "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
  "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
};

/** The path of an MNIST file in `dir`, raw or gzipped (raw preferred), or undefined if neither exists. */
export function findMnistFile(dir: string, base: string): string | undefined {
  return [base, `${base}.gz`].map((n) => join(dir, n)).find((p) => existsSync(p));
}

/**
 * Reads an images/labels IDX pair into samples (d = rows · cols, one image per sample). Throws
 * naming the files when a magic number is wrong, a file is truncated, the image and label counts
 * differ, or a label is not in 0 … K-1.
 */
export function readMnistPair(
  imagesPath: string,
  labelsPath: string,
  K = MNIST_K,
): {
  samples: ByteSamples;
  images: IdxArray;
  labels: IdxArray;
} {
  const images = readIdx(imagesPath, IDX_IMAGES_MAGIC);
  const labels = readIdx(labelsPath, IDX_LABELS_MAGIC);
  const [n, rows, cols] = images.dims;
  if (labels.dims[0] !== n) {
    throw new Error(`${imagesPath} holds ${n} images but ${labelsPath} holds ${labels.dims[0]} labels`);
  }
  const y = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const label = labels.values[j];
    if (label >= K) throw new Error(`${labelsPath}: label ${j} is ${label}, outside 0 … ${K - 1}`);
    y[j] = label;
  }
  const d = rows * cols;
  const samples = { file: imagesPath, bytes: images.bytes, offset: images.offset, stride: d, d, count: n, labels: y };
  return { samples, images, labels };
}
