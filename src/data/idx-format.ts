import { readFileSync } from "fs";
import { gunzipSync } from "zlib";

/** A decoded IDX file of unsigned bytes: its dimensions, its values, and the whole decoded file. */
export interface IdxArray {
  readonly file: string;
  /** e.g. [60000, 28, 28] for images, [60000] for labels */
  readonly dims: readonly number[];
  /** the values (product of dims bytes), row-major, a view into `bytes` */
  readonly values: Uint8Array;
  /** the decoded file, header included */
  readonly bytes: Uint8Array;
  /** byte offset of the first value in `bytes` */
  readonly offset: number;
}

/** IDX magic numbers of the two MNIST file kinds: 0x0801 (labels: ubyte, 1-D), 0x0803 (images: ubyte, 3-D). */
export const IDX_LABELS_MAGIC = 2049;
export const IDX_IMAGES_MAGIC = 2051;

/** The bytes of a file, gunzipped when they start with the gzip signature (1f 8b). */
export function readMaybeGzip(path: string): Uint8Array {
  const raw = readFileSync(path);
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return gunzipSync(raw);
    } catch (e) {
      throw new Error(`${path}: not a valid gzip file (${(e as Error).message})`);
    }
  }
  return raw;
}

/**
 * Checks and decodes an IDX file of unsigned bytes whose magic number must be `magic` (2049 or
 * 2051). Throws naming `file` on a wrong magic number, a short header, or a size that disagrees
 * with the header's dimensions (truncated or trailing bytes).
 */
export function decodeIdx(bytes: Uint8Array, file: string, magic: number): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ndims = magic & 0xff;
  const what = magic === IDX_IMAGES_MAGIC ? "an image file" : magic === IDX_LABELS_MAGIC ? "a label file" : "this file";
  if (bytes.length < 4) throw new Error(`${file}: only ${bytes.length} bytes, too short for an IDX header`);
  const got = view.getUint32(0);
  if (got !== magic) {
    throw new Error(
      `${file}: wrong IDX magic number ${got} (0x${got.toString(16).padStart(8, "0")}), expected ${magic} ` +
        `for ${what} (unsigned bytes, ${ndims} dimension${ndims > 1 ? "s" : ""})`,
    );
  }
  const offset = 4 + 4 * ndims;
  if (bytes.length < offset) throw new Error(`${file}: truncated IDX header (${bytes.length} of ${offset} bytes)`);
  const dims = Array.from({ length: ndims }, (_, k) => view.getUint32(4 + 4 * k));
  const count = dims.reduce((p, q) => p * q, 1);
  if (bytes.length !== offset + count) {
    const state = bytes.length < offset + count ? "truncated" : "longer than its header says";
    throw new Error(`${file}: ${state}: the header's dimensions ${dims.join(" × ")} need ${offset + count} bytes, the file has ${bytes.length}`);
  }
  return { file, dims, values: bytes.subarray(offset), bytes, offset };
}

/** Reads (gunzipping if needed) and decodes an IDX file with magic number `magic`. */
export function readIdx(path: string, magic: number): IdxArray {
  return decodeIdx(readMaybeGzip(path), path, magic);
}
