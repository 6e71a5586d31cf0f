/**
 * Official or not: a folder is labelled official only when every file read matches the published
 * checksums; a truncated copy (cut at a record boundary, so it parses) is an error unless short
 * files are allowed explicitly; a README cannot relabel a folder; a data folder variable pointing
 * at a file gets a clear error.
 */
import { strict as assert } from "assert";
import { createHash } from "crypto";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { loadCifar10, loadMnist, readCifar10, readMnist } from "../../src/data";
import { ALLOW_SHORT_ENV, CIFAR10_SHA1 } from "../../src/data/official";
import { mnistFiles, tempDir, writeMnistDir } from "./fixtures";

/** A CIFAR-10 batch of `count` records: label j mod 10, pixel bytes from the record number. */
function fullBatch(count: number, salt: number): Buffer {
  const buf = Buffer.alloc(count * 3073);
  for (let j = 0; j < count; j++) {
    buf[j * 3073] = j % 10;
    buf.fill((j * 7 + salt) % 256, j * 3073 + 1, (j + 1) * 3073);
  }
  return buf;
}

const sha1 = (b: Uint8Array): string => createHash("sha1").update(b).digest("hex");
const SMALL = ["data_batch_1.bin", "data_batch_2.bin", "test_batch.bin"];

/** Runs `body` with the environment variable `name` set to `value` (or removed), then restores it. */
async function withEnv<T>(name: string, value: string | undefined, body: () => T | Promise<T>): Promise<T> {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

describe("data/official: checksums, record counts, truthful labels", function () {
  this.timeout(60_000);
  const tmp = tempDir("official");
  const full = join(tmp.dir, "cifar-full");
  const cut = join(tmp.dir, "cifar-cut");
  const batches = SMALL.map((_, k) => fullBatch(10_000, k));
  const table = Object.fromEntries(SMALL.map((name, k) => [name, sha1(batches[k])]));
  before(() => {
    for (const [dir, cutAt] of [
      [full, 10_000],
      [cut, 9_000],
    ] as const) {
      mkdirSync(dir);
      SMALL.forEach((name, k) => writeFileSync(join(dir, name), k === 1 ? batches[k].subarray(0, cutAt * 3073) : batches[k]));
    }
  });
  after(tmp.remove);

  it("the published SHA-1 table names the six official batch files", () => {
    assert.deepEqual(Object.keys(CIFAR10_SHA1), [
      "data_batch_1.bin",
      "data_batch_2.bin",
      "data_batch_3.bin",
      "data_batch_4.bin",
      "data_batch_5.bin",
      "test_batch.bin",
    ]);
    for (const value of Object.values(CIFAR10_SHA1)) assert.match(value, /^[0-9a-f]{40}$/);
  });

  it("files matching the published checksums are labelled official; one changed byte makes the folder not official", () => {
    const official = readCifar10(full, { split: "small" }, "option", table);
    assert.match(official.provenance, /^CIFAR-10, official binary version; SHA-1 of all 3 files matches the published values \(read from /);
    const changed = join(tmp.dir, "cifar-changed");
    mkdirSync(changed);
    SMALL.forEach((name, k) => writeFileSync(join(changed, name), batches[k]));
    const edited = Buffer.from(batches[1]);
    edited[5] ^= 1;
    writeFileSync(join(changed, "data_batch_2.bin"), edited);
    const other = readCifar10(changed, { split: "small" }, "option", table);
    assert.match(
      other.provenance,
      /^CIFAR-10 binary layout, not the official files \(SHA-1 differs: data_batch_2\.bin\); 3 files of 10,000 records \(read from /,
    );
  });

  it("a batch truncated at a record boundary (9,000 of 10,000) is an error naming the file and the way to allow it", async () => {
    await withEnv(ALLOW_SHORT_ENV, undefined, () => {
      assert.throws(
        () => readCifar10(cut, { split: "small" }, "option", table),
        (e: Error) => {
          assert.equal(
            e.message,
            `${join(cut, "data_batch_2.bin")}: holds 9,000 records, the official file 10,000: a truncated or partial copy. ` +
              `To load it anyway pass allowShortFiles: true (or set NNBOOK_ALLOW_SHORT_DATA=1).`,
          );
          return true;
        },
      );
    });
  });

  it("allowed explicitly (option or environment), the truncated folder loads and is labelled with its record counts", async () => {
    const viaOption = readCifar10(cut, { split: "small", allowShortFiles: true }, "option", table);
    const label =
      /^CIFAR-10 binary layout, not the official files \(SHA-1 differs: data_batch_2\.bin\); data_batch_1\.bin 10,000, data_batch_2\.bin 9,000, test_batch\.bin 10,000 records /;
    assert.match(viaOption.provenance, label);
    assert.deepEqual([viaOption.train.X.cols, viaOption.validation.X.cols, viaOption.test.X.cols], [10_000, 9_000, 10_000]);
    const viaEnv = await withEnv(ALLOW_SHORT_ENV, "1", () => readCifar10(cut, { split: "small" }, "option", table));
    assert.match(viaEnv.provenance, label);
    await withEnv(ALLOW_SHORT_ENV, "1", () => assert.throws(() => readCifar10(cut, { split: "small", allowShortFiles: false }), /holds 9,000 records/));
  });

  it("a README claiming the official files does not relabel a folder whose checksums differ", () => {
    const relabelled = join(tmp.dir, "cifar-relabelled");
    mkdirSync(relabelled);
    SMALL.forEach((name, k) => writeFileSync(join(relabelled, name), batches[k]));
    writeFileSync(join(relabelled, "README.md"), "# CIFAR-10, official binary version\n\nThe real thing, honestly.\n");
    const data = readCifar10(relabelled, { split: "small" });
    assert.match(
      data.provenance,
      /^CIFAR-10 binary layout, not the official files \(SHA-1 differs: all 3 files\); 3 files of 10,000 records; its README: "CIFAR-10, official binary version" \(read from /,
    );
  });

  it("MNIST: short files are an error unless allowed; an empty file is an error either way; a README cannot relabel", async () => {
    const dir = join(tmp.dir, "mnist");
    writeMnistDir(dir, mnistFiles(10, 4), true);
    await withEnv(ALLOW_SHORT_ENV, undefined, () => {
      assert.throws(
        () => readMnist(dir),
        new RegExp(
          `^Error: ${join(dir, "train-images-idx3-ubyte.gz")}: holds 10 images, the official file 60,000: a truncated or partial copy\\. To load it anyway pass allowShortFiles: true`,
        ),
      );
    });
    writeFileSync(join(dir, "README.md"), "# MNIST (official IDX files, byte-exact)\n");
    const data = readMnist(dir, { allowShortFiles: true });
    assert.match(
      data.provenance,
      /^MNIST IDX files, not the official files \(MD5 differs: all 4 files\); 10 training and 4 test images; its README: "MNIST \(official IDX files, byte-exact\)"; read from /,
    );
    const empty = join(tmp.dir, "mnist-empty");
    writeMnistDir(empty, mnistFiles(0, 4), false);
    assert.throws(
      () => readMnist(empty, { allowShortFiles: true }),
      new RegExp(`^Error: ${join(empty, "train-images-idx3-ubyte")}: holds no images \\(the official file has 60,000\\)$`),
    );
  });

  it("CIFAR10_DIR / MNIST_DIR pointing at a file: a clear error naming the path and the variable", async () => {
    const file = join(full, "data_batch_1.bin");
    await withEnv("CIFAR10_DIR", file, () =>
      assert.rejects(loadCifar10({ download: false }), {
        message: `CIFAR-10: ${file} (given by CIFAR10_DIR) is a file, not a folder; the data folder must be the folder holding the data files`,
      }),
    );
    await withEnv("MNIST_DIR", file, () =>
      assert.rejects(loadMnist({ download: false }), /^Error: MNIST: .*data_batch_1\.bin \(given by MNIST_DIR\) is a file, not a folder/),
    );
    assert.throws(() => readCifar10(file), /CIFAR-10: .*data_batch_1\.bin is a file, not a folder/);
  });
});
