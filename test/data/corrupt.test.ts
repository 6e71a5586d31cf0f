import { strict as assert } from "assert";
import { rmSync, writeFileSync } from "fs";
import { join } from "path";
import { readCifar10, readMnist } from "../../src/data";
import { idxFile, mnistFiles, tempDir, writeCifarDir, writeMnistDir, allowShortFixtures } from "./fixtures";

/** Asserts `f` throws an error whose message contains `file` and matches `what`. */
function throwsNaming(f: () => unknown, file: string, what: RegExp): void {
  assert.throws(f, (e: Error) => {
    assert.ok(e.message.includes(file), `message names ${file}: ${e.message}`);
    assert.match(e.message, what);
    return true;
  });
}

describe("data: corrupt files raise clear errors naming the file", () => {
  allowShortFixtures();
  const tmp = tempDir("corrupt");
  after(tmp.remove);
  let n = 0;
  /** A fresh tiny CIFAR folder with batch `name` replaced by `edit(batch)`. */
  function cifarWith(name: string, edit: (b: Buffer) => Buffer): string {
    const dir = join(tmp.dir, `cifar${n++}`);
    const batches = writeCifarDir(dir, 3);
    const k = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"].indexOf(name);
    writeFileSync(join(dir, name), edit(batches[k]));
    return join(dir, name);
  }
  /** A fresh tiny MNIST folder with file `name` replaced by `bytes`. */
  function mnistWith(name: string, edit: (files: Record<string, Buffer>) => Buffer, gzip = false): string {
    const dir = join(tmp.dir, `mnist${n++}`);
    const files = mnistFiles(10, 4);
    writeMnistDir(dir, { ...files, [name]: edit(files) }, gzip);
    return join(dir, gzip ? `${name}.gz` : name);
  }
  const dirOf = (p: string) => join(p, "..");

  it("CIFAR-10: truncated batch", () => {
    const file = cifarWith("data_batch_3.bin", (b) => b.subarray(0, b.length - 100));
    throwsNaming(() => readCifar10(dirOf(file)), file, /2 records and 2973 bytes left over; the file is truncated/);
  });

  it("CIFAR-10: wrong record size (3,074-byte CIFAR-100 records)", () => {
    const file = cifarWith("test_batch.bin", () => Buffer.alloc(3 * 3074));
    throwsNaming(() => readCifar10(dirOf(file)), file, /not a whole number of 3,073-byte CIFAR-10 records.*CIFAR-100/);
  });

  it("CIFAR-10: label out of range", () => {
    const file = cifarWith("data_batch_2.bin", (b) => {
      const c = Buffer.from(b);
      c[2 * 3073] = 10;
      return c;
    });
    throwsNaming(() => readCifar10(dirOf(file), { split: "small" }), file, /record 2 \(byte offset 6146\) has label 10, outside 0 … 9/);
  });

  it("CIFAR-10: empty batch, missing batch, bad batches.meta.txt", () => {
    const empty = cifarWith("data_batch_1.bin", () => Buffer.alloc(0));
    throwsNaming(() => readCifar10(dirOf(empty)), empty, /empty file/);
    const other = cifarWith("data_batch_1.bin", (b) => b);
    rmSync(join(dirOf(other), "data_batch_4.bin"));
    throwsNaming(() => readCifar10(dirOf(other)), dirOf(other), /missing data_batch_4\.bin in .*CIFAR10_DIR/);
    writeFileSync(join(dirOf(other), "batches.meta.txt"), "a\nb\n");
    const meta = join(dirOf(other), "batches.meta.txt");
    throwsNaming(() => readCifar10(dirOf(other), { split: "small" }), meta, /lists 2 class names, expected 10/);
  });

  it("MNIST: wrong magic numbers", () => {
    const images = mnistWith("train-images-idx3-ubyte", (f) => idxFile(2049, [10, 28, 28], f["train-images-idx3-ubyte"].subarray(16)));
    throwsNaming(() => readMnist(dirOf(images)), images, /wrong IDX magic number 2049 \(0x00000801\), expected 2051 for an image file/);
    const labels = mnistWith("t10k-labels-idx1-ubyte", (f) => idxFile(2051, [4], f["t10k-labels-idx1-ubyte"].subarray(8)), true);
    throwsNaming(() => readMnist(dirOf(labels)), labels, /wrong IDX magic number 2051 .*expected 2049 for a label file/);
  });

  it("MNIST: truncated or over-long files", () => {
    const cut = mnistWith("train-images-idx3-ubyte", (f) => f["train-images-idx3-ubyte"].subarray(0, 16 + 784 * 10 - 5), true);
    throwsNaming(() => readMnist(dirOf(cut)), cut, /truncated: the header's dimensions 10 × 28 × 28 need 7856 bytes, the file has 7851/);
    const long = mnistWith("t10k-labels-idx1-ubyte", (f) => Buffer.concat([f["t10k-labels-idx1-ubyte"], Buffer.from([1])]));
    throwsNaming(() => readMnist(dirOf(long)), long, /longer than its header says/);
    const header = mnistWith("train-labels-idx1-ubyte", () => Buffer.from([0, 0, 8, 1, 0]));
    throwsNaming(() => readMnist(dirOf(header)), header, /truncated IDX header \(5 of 8 bytes\)/);
  });

  it("MNIST: image and label counts disagree; label out of range; not gzip", () => {
    const labels = mnistWith("train-labels-idx1-ubyte", () => idxFile(2049, [9], new Uint8Array(9)));
    throwsNaming(() => readMnist(dirOf(labels)), labels, /holds 10 images but .* holds 9 labels/);
    const big = mnistWith("t10k-labels-idx1-ubyte", () => idxFile(2049, [4], Uint8Array.from([1, 2, 12, 3])));
    throwsNaming(() => readMnist(dirOf(big)), big, /label 2 is 12, outside 0 … 9/);
    const gz = join(dirOf(big), "train-images-idx3-ubyte.gz");
    rmSync(join(dirOf(big), "train-images-idx3-ubyte"));
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]));
    throwsNaming(() => readMnist(dirOf(big)), gz, /not a valid gzip file/);
  });

  it("MNIST: missing files are listed with how to provide them", () => {
    const dir = join(tmp.dir, "mnist-missing");
    writeMnistDir(dir, { "train-images-idx3-ubyte": mnistFiles(2, 1)["train-images-idx3-ubyte"] }, false);
    throwsNaming(() => readMnist(dir), dir, /missing train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte \(raw or \.gz\).*MNIST_DIR/);
  });
});
