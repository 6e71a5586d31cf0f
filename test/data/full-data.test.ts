import { strict as assert } from "assert";
import { createHash } from "crypto";
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { gunzipSync } from "zlib";
import { MNIST_GZ_MD5, MNIST_MD5, readCifar10, readMnist } from "../../src/data";
import { get } from "../../src/tensor/matrix";
import { meanStd } from "./fixtures";

/** The full data sets shared beside the repository (absent on a fresh machine); NNBOOK_SHARED_DATA overrides. */
const SHARED = resolve(process.env.NNBOOK_SHARED_DATA ?? resolve(__dirname, "../../../shared/data"));
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("hex");

describe("data: the full sets from ../shared/data (run when present)", function () {
  before(function () {
    if (!existsSync(SHARED)) {
      console.log(`      skipped: ${SHARED} not found (the full CIFAR-10 and MNIST files are not on this machine)`);
      this.skip();
    }
  });

  it("CIFAR-10: the standard split of all 60,000 images, standardized with the training statistics", function () {
    const dir = join(SHARED, "cifar-10-batches-bin");
    if (!existsSync(dir)) this.skip();
    const t0 = Date.now();
    const data = readCifar10(dir);
    const checked = (Date.now() - t0) / 1000;
    void data.train; // decoded and standardized on first use
    console.log(
      `      CIFAR-10 read, checked and hashed in ${checked.toFixed(2)} s, decoded and standardized by ${((Date.now() - t0) / 1000).toFixed(2)} s: ${data.provenance}`,
    );
    assert.deepEqual([data.train.X.rows, data.train.X.cols, data.validation.X.cols, data.test.X.cols], [3072, 45000, 5000, 10000]);
    assert.match(
      data.provenance,
      /^CIFAR-10 binary layout, not the official files \(SHA-1 differs: all 6 files\); 6 files of 10,000 records; its README: ".*JPEG-recompressed/,
    );
    const b5 = readFileSync(join(dir, "data_batch_5.bin"));
    for (let j = 0; j < 5000; j++) assert.equal(data.validation.y[j], b5[(5000 + j) * 3073], `validation label ${j}`);
    const counts = new Array(10).fill(0);
    data.test.y.forEach((k) => counts[k]++);
    assert.deepEqual(counts, new Array(10).fill(1000));
    for (const i of [0, 1500, 3071]) {
      const z = meanStd(Array.from({ length: 45000 }, (_, j) => get(data.train.X, i, j)));
      assert.ok(Math.abs(z.mean) < 1e-9 && Math.abs(z.std - 1) < 1e-9, `row ${i}: ${z.mean}, ${z.std}`);
    }
    const b1 = readFileSync(join(dir, "data_batch_1.bin"));
    const raw = meanStd(Array.from({ length: 10000 }, (_, j) => b1[j * 3073 + 1 + 2047] / 255));
    const z = (raw.mean - data.standardization.mean[2047]) / data.standardization.std[2047];
    const got = meanStd(Array.from({ length: 10000 }, (_, j) => get(data.train.X, 2047, j)));
    assert.ok(Math.abs(got.mean - z) < 1e-9, `batch 1 row 2047: mean ${got.mean}, want ${z} from the training statistics`);
  });

  it("MNIST: the official files (MD5-checked), 60,000 training images with mean 33.32 and std 78.57 on 0–255", function () {
    const dir = join(SHARED, "mnist");
    if (!existsSync(dir)) this.skip();
    for (const [name, sum] of Object.entries(MNIST_GZ_MD5)) {
      const gz = readFileSync(join(dir, name));
      assert.equal(md5(gz), sum, `${name} is the official file`);
      assert.equal(md5(gunzipSync(gz)), MNIST_MD5[name.replace(/\.gz$/, "")], `MD5 of the uncompressed ${name}`);
    }
    const data = readMnist(dir, { validationShare: 0 });
    const mean = data.standardization.mean[0] * 255;
    const std = data.standardization.std[0] * 255;
    console.log(`      MNIST training pixels (60,000 images, 0–255): mean ${mean.toFixed(4)}, std ${std.toFixed(4)}`);
    assert.equal(mean.toFixed(2), "33.32");
    assert.equal(std.toFixed(2), "78.57");
    assert.match(data.provenance, /^MNIST, official IDX files; MD5 of all 4 files matches the published values; read from /);
  });
});
