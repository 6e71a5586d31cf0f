import { strict as assert } from "assert";
import { cpSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { readCifar10, loadCifar10, isMaterialized, CIFAR10_LABEL_NAMES, DataSplits } from "../../src/data";
import { get, isDecoded } from "../../src/tensor/matrix";
import { affineCoefficients } from "../../src/data/standardize";
import { cifarRecord, meanStd, tempDir, writeCifarDir, allowShortFixtures } from "./fixtures";

/** Asserts X's column j equals record `rec`'s pixels mapped by f, and y_j its label. */
function assertColumn(set: DataSplits["train"], j: number, rec: ReturnType<typeof cifarRecord>, f: (v: number, i: number) => number, what: string): void {
  assert.equal(set.y[j], rec.label, `${what}: label of column ${j}`);
  for (let i = 0; i < 3072; i++) {
    const want = f(rec.pixels[i], i);
    assert.ok(Math.abs(get(set.X, i, j) - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${what}: X(${i}, ${j}) = ${get(set.X, i, j)}, want ${want}`);
  }
}

describe("data/cifar10", () => {
  allowShortFixtures();
  const tmp = tempDir("cifar");
  const dir = join(tmp.dir, "cifar-10-batches-bin");
  const batches = writeCifarDir(dir, 4);
  after(tmp.remove);

  it("small split: batch 1 / batch 2 / test, columns are the records' pixels / 255", () => {
    const data = readCifar10(dir, { split: "small", standardize: "none" });
    assert.deepEqual([data.train.X.rows, data.train.X.cols, data.validation.X.cols, data.test.X.cols], [3072, 4, 4, 4]);
    const parts = [
      [data.train, batches[0]],
      [data.validation, batches[1]],
      [data.test, batches[5]],
    ] as const;
    for (const [set, batch] of parts) for (let j = 0; j < 4; j++) assertColumn(set, j, cifarRecord(batch, j), (v) => v / 255, "small split");
    assert.deepEqual(data.labelNames, CIFAR10_LABEL_NAMES);
    assert.equal(data.K, 10);
    assert.equal(data.files.length, 3);
    for (const set of [data.train, data.validation, data.test]) {
      assert.ok(set.X.data.buffer instanceof SharedArrayBuffer && set.y.buffer instanceof SharedArrayBuffer, "shared memory, so sweep workers need no copy");
    }
  });

  it("standard split: batches 1–5 minus their last validationSize records, which form the validation set", () => {
    const v = 6;
    const data = readCifar10(dir, { validationSize: v, standardize: "none" });
    const all = batches.slice(0, 5).flatMap((b) => [0, 1, 2, 3].map((j) => cifarRecord(b, j)));
    assert.equal(data.train.X.cols, all.length - v);
    assert.equal(data.validation.X.cols, v);
    all.forEach((rec, k) => {
      const [set, j] = k < all.length - v ? [data.train, k] : [data.validation, k - (all.length - v)];
      assertColumn(set, j, rec, (p) => p / 255, `standard split record ${k}`);
    });
    for (let j = 0; j < 4; j++) assertColumn(data.test, j, cifarRecord(batches[5], j), (p) => p / 255, "test");
    assert.equal(data.config.validationSize, v);
  });

  it("per-dimension standardization: training rows have mean 0 and std 1; validation and test use the training statistics", () => {
    const v = 5;
    const data = readCifar10(dir, { validationSize: v });
    const trainRecs = batches
      .slice(0, 5)
      .flatMap((b) => [0, 1, 2, 3].map((j) => cifarRecord(b, j)))
      .slice(0, 20 - v);
    const stats = Array.from({ length: 3072 }, (_, i) => meanStd(trainRecs.map((r) => r.pixels[i] / 255)));
    for (const i of [0, 1, 1023, 1024, 2047, 2048, 3071]) {
      const row = Array.from({ length: data.train.X.cols }, (_, j) => get(data.train.X, i, j));
      const { mean, std } = meanStd(row);
      assert.ok(Math.abs(mean) < 1e-12 && Math.abs(std - 1) < 1e-12, `row ${i}: mean ${mean}, std ${std}`);
      assert.ok(Math.abs(data.standardization.mean[i] / stats[i].mean - 1) < 1e-12, `mean ${i}`);
      assert.ok(Math.abs(data.standardization.std[i] / stats[i].std - 1) < 1e-12, `std ${i}`);
    }
    const z = (p: number, i: number) => (p / 255 - stats[i].mean) / stats[i].std;
    for (let j = 0; j < 4; j++) assertColumn(data.test, j, cifarRecord(batches[5], j), z, "test with training stats");
    const first = 20 - v;
    assertColumn(data.validation, 0, cifarRecord(batches[Math.floor(first / 4)], first % 4), z, "validation with training stats");
    assert.equal(data.standardization.n, 20 - v);
  });

  it("per-dimension standardization keeps the images as shared bytes, decoding to x·(1/(255·std)) − mean/std exactly", () => {
    const data = readCifar10(dir, { validationSize: 5 });
    const { a, c } = affineCoefficients(data.standardization, 1 / 255);
    const sets = [data.train, data.validation, data.test];
    for (const set of sets) {
      assert.ok(set.X.encoded, "kept as bytes");
      assert.ok(set.X.encoded.bytes.buffer instanceof SharedArrayBuffer, "in shared memory");
      assert.equal(isDecoded(set.X), false);
    }
    for (let j = 0; j < 4; j++) {
      const rec = cifarRecord(batches[5], j);
      for (let i = 0; i < 3072; i++) {
        assert.ok(Object.is(get(data.test.X, i, j), rec.pixels[i] * a[i] + c[i]), `test X(${i}, ${j})`);
      }
    }
    const channel = readCifar10(dir, { validationSize: 5, standardize: "channel" });
    assert.equal(channel.train.X.encoded, undefined, "grouped modes stay float64 (their bits come from per-group tables)");
  });

  it("per-channel standardization pools each 1,024-value colour plane", () => {
    const data = readCifar10(dir, { split: "small", standardize: "channel" });
    assert.equal(data.standardization.mean.length, 3);
    for (let c = 0; c < 3; c++) {
      const plane = (set: DataSplits["train"]) => Array.from({ length: 1024 * set.X.cols }, (_, k) => get(set.X, c * 1024 + (k % 1024), Math.floor(k / 1024)));
      const z = meanStd(plane(data.train));
      assert.ok(Math.abs(z.mean) < 1e-12 && Math.abs(z.std - 1) < 1e-12, `channel ${c}: ${z.mean}, ${z.std}`);
      const raw = meanStd(Array.from({ length: 4 * 1024 }, (_, k) => cifarRecord(batches[0], k >> 10).pixels[c * 1024 + (k & 1023)] / 255));
      assert.ok(
        Math.abs(data.standardization.mean[c] / raw.mean - 1) < 1e-12 && Math.abs(data.standardization.std[c] / raw.std - 1) < 1e-12,
        `channel ${c} stats`,
      );
      const want = (cifarRecord(batches[1], 2).pixels[c * 1024 + 7] / 255 - raw.mean) / raw.std;
      assert.ok(Math.abs(get(data.validation.X, c * 1024 + 7, 2) - want) < 1e-12, "validation uses the training channel stats");
    }
  });

  it("oneHot option fills Y (K × n) with Y(y_j, j) = 1", () => {
    const data = readCifar10(dir, { split: "small", oneHot: true, standardize: "none" });
    for (const set of [data.train, data.validation, data.test]) {
      assert.ok(set.Y, "Y present");
      for (let j = 0; j < set.y.length; j++) {
        for (let k = 0; k < 10; k++) assert.equal(get(set.Y!, k, j), k === set.y[j] ? 1 : 0);
      }
    }
  });

  it("provenance: files not matching the published SHA-1s are described by their counts; a README is quoted as the folder's claim", () => {
    const plain = readCifar10(dir, { split: "small" });
    assert.match(plain.provenance, /^CIFAR-10 binary layout, not the official files \(SHA-1 differs: all 3 files\); 3 files of 4 records \(read from /);
    const other = join(tmp.dir, "rebuilt");
    writeCifarDir(other, 2);
    writeFileSync(
      join(other, "README.md"),
      "# CIFAR-10, binary layout (rebuilt, NOT the official files)\n\nIntro.\n\n## Provenance\n\n- Decoded from a **JPEG-recompressed copy** of CIFAR-10: the repository `x/y` (`a.jpg`, 5 per class).\n- More.\n",
    );
    const rebuilt = readCifar10(other, { split: "small" });
    assert.match(
      rebuilt.provenance,
      /^CIFAR-10 binary layout, not the official files \(SHA-1 differs: all 3 files\); 3 files of 2 records; its README: "CIFAR-10, binary layout \(rebuilt, NOT the official files\)\. Decoded from a JPEG-recompressed copy of CIFAR-10: the repository x\/y\." \(read from /,
    );
  });

  it("fingerprint: equal for equal data and options, different when either changes", () => {
    const a = readCifar10(dir, { split: "small" });
    const b = readCifar10(dir, { split: "small" });
    const c = readCifar10(dir, { split: "small", standardize: "channel" });
    assert.equal(a.fingerprint, b.fingerprint);
    assert.notEqual(a.fingerprint, c.fingerprint);
    assert.equal(a.contentHash, c.contentHash);
    const changed = join(tmp.dir, "changed");
    const bs = writeCifarDir(changed, 4);
    bs[1][100] ^= 1;
    writeFileSync(join(changed, "data_batch_2.bin"), bs[1]);
    assert.notEqual(readCifar10(changed, { split: "small" }).contentHash, a.contentHash);
    assert.match(a.fingerprint, /^[0-9a-f]{64}$/);
  });

  it("reads, checks and hashes the files at once; decodes and standardizes them on first access, once", () => {
    const copy = join(tmp.dir, "lazy");
    cpSync(dir, copy, { recursive: true });
    const data = readCifar10(copy, { split: "small", standardize: "none" });
    const eager = readCifar10(dir, { split: "small", standardize: "none" });
    assert.equal(data.fingerprint, eager.fingerprint, "fingerprint without decoding");
    assert.equal(isMaterialized(data), false);
    rmSync(copy, { recursive: true }); // the arrays come from the bytes read above, not from a later read
    const train = data.train;
    assert.equal(isMaterialized(data), true);
    assert.equal(data.train, train, "computed once");
    assert.deepEqual([...train.X.data], [...eager.train.X.data]);
    assert.deepEqual([...data.test.y], [...eager.test.y]);
    assert.deepEqual(data.standardization, eager.standardization);
    assert.deepEqual(
      Object.keys(data).filter((k) => ["train", "validation", "test", "standardization"].includes(k)).length,
      4,
      "enumerable, so spreading copies them",
    );
  });

  it("loadCifar10 takes the folder from the option, else from CIFAR10_DIR", async () => {
    const saved = process.env.CIFAR10_DIR;
    try {
      process.env.CIFAR10_DIR = dir;
      const fromEnv = await loadCifar10({ split: "small", download: false });
      assert.equal(fromEnv.origin, "env");
      assert.equal(fromEnv.dir, dir);
      const fromOption = await loadCifar10({ dir: join(tmp.dir, "changed"), split: "small", download: false });
      assert.equal(fromOption.origin, "option");
    } finally {
      if (saved === undefined) delete process.env.CIFAR10_DIR;
      else process.env.CIFAR10_DIR = saved;
    }
  });

  it("rejects a validation size that leaves no training data", () => {
    assert.throws(() => readCifar10(dir, { validationSize: 20 }), /validationSize 20 must be an integer in 0 … 19/);
  });
});
