import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { ByteSamples } from "./samples";
import { ImageShape } from "./types";

/** CIFAR-10 binary version: 32 × 32 RGB images, 10 classes. */
export const CIFAR10_SHAPE: ImageShape = { channels: 3, height: 32, width: 32 };
/** Input dimension d = 3 · 32 · 32 = 3,072 (1,024 R, then 1,024 G, then 1,024 B values). */
export const CIFAR10_D = 3072;
/** Bytes per record: the label byte, then the 3,072 pixel bytes. */
export const CIFAR10_RECORD = 1 + CIFAR10_D;
export const CIFAR10_K = 10;
/** The batch files of the official `cifar-10-batches-bin/` folder. */
export const CIFAR10_TRAIN_FILES = [1, 2, 3, 4, 5].map((b) => `data_batch_${b}.bin`);
export const CIFAR10_TEST_FILE = "test_batch.bin";
export const CIFAR10_META_FILE = "batches.meta.txt";
/** The class names in label order, as `batches.meta.txt` lists them. */
export const CIFAR10_LABEL_NAMES: readonly string[] = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

/**
 * Checks a CIFAR-10 binary batch (records of 1 label byte + 3,072 pixel bytes) and returns its
 * samples (d = 3,072, one record per sample). Throws naming `file` when the size is not a whole
 * number of records (truncated, or another record size) or a label is not in 0 … K-1.
 */
export function parseCifarBatch(bytes: Uint8Array, file: string, K = CIFAR10_K): ByteSamples {
  const size = bytes.length;
  if (size === 0) throw new Error(`${file}: empty file, expected 3,073-byte CIFAR-10 records`);
  if (size % CIFAR10_RECORD !== 0) {
    const whole = Math.floor(size / CIFAR10_RECORD);
    const other = size % 3074 === 0 ? " (its size fits 3,074-byte records: a CIFAR-100 batch?)" : "";
    throw new Error(
      `${file}: size ${size} bytes is not a whole number of 3,073-byte CIFAR-10 records ` +
        `(1 label + 3,072 pixels): ${whole} records and ${size - whole * CIFAR10_RECORD} bytes left over; ` +
        `the file is truncated or has the wrong record size${other}`,
    );
  }
  const count = size / CIFAR10_RECORD;
  const labels = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const label = bytes[j * CIFAR10_RECORD];
    if (label >= K) {
      throw new Error(`${file}: record ${j} (byte offset ${j * CIFAR10_RECORD}) has label ${label}, outside 0 … ${K - 1}`);
    }
    labels[j] = label;
  }
  return { file, bytes, offset: 1, stride: CIFAR10_RECORD, d: CIFAR10_D, count, labels };
}

/**
 * The class names from `batches.meta.txt` in `dir` (one per line, blank lines ignored), or the
 * standard names when the file is absent. Throws naming the file unless it lists K names.
 */
export function readLabelNames(dir: string, K = CIFAR10_K): string[] {
  const path = join(dir, CIFAR10_META_FILE);
  if (!existsSync(path)) return [...CIFAR10_LABEL_NAMES];
  const names = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length !== K) {
    throw new Error(`${path}: lists ${names.length} class names, expected ${K} (one per line)`);
  }
  return names;
}
