import { strict as assert } from "assert";
import { ExperimentConfig, ExperimentData, run, runSweep } from "../../src/experiments";
import { Matrix, byteMatrix, createRng, fromData, isDecoded } from "../../src/tensor";
import { comparable, smallConfig } from "./fixtures";

/**
 * A data set kept as bytes (as the CIFAR-10 loader keeps per-dimension standardized images) trains
 * to exactly the bits of its float64 form, on the main thread and in sweep workers, and no run
 * decodes the whole data set (only the mini-batches that input noise modifies are decoded).
 */
describe("experiments on a data set kept as bytes", function () {
  this.timeout(120000);
  const d = 20;
  const K = 3;
  const rng = createRng("byte-data");
  const scale = Float64Array.from({ length: d }, () => 1 / 255 / (0.2 + 0.1 * rng.uniform()));
  const shift = Float64Array.from({ length: d }, (_, i) => -(0.4 + 0.01 * i) * scale[i] * 255);

  /** n samples of 3 classes whose pixel levels differ by class. */
  function split(n: number): { bytes: Uint8Array; y: Int32Array } {
    const bytes = new Uint8Array(d * n);
    const y = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      y[j] = rng.int(K);
      for (let i = 0; i < d; i++) bytes[i + j * d] = Math.min(255, Math.floor(60 * y[j] + (i % 5) * 10 + 80 * rng.uniform()));
    }
    return { bytes, y };
  }
  const parts = { train: split(300), validation: split(100), test: split(100) };
  const asBytes = (p: { bytes: Uint8Array }, n: number): Matrix => byteMatrix(d, n, { bytes: p.bytes, scale, shift });
  const asFloats = (p: { bytes: Uint8Array }, n: number): Matrix =>
    fromData(
      d,
      n,
      Float64Array.from(p.bytes, (v, k) => v * scale[k % d] + shift[k % d]),
    );
  const make = (as: typeof asBytes): ExperimentData => ({
    train: { X: as(parts.train, 300), y: parts.train.y },
    validation: { X: as(parts.validation, 100), y: parts.validation.y },
    test: { X: as(parts.test, 100), y: parts.test.y },
    fingerprint: "byte-data-test",
    provenance: "random bytes, 3 classes",
    K,
  });

  const configs: ExperimentConfig[] = [
    smallConfig({ shuffle: true, batchNorm: "before" }),
    smallConfig({ shuffle: false, hidden: [16, 8], batchNorm: "after" }),
    smallConfig({ shuffle: true, noise: { kind: "gaussian", sigma: 0.1 } }),
    smallConfig({ shuffle: false, noise: { kind: "saltPepper", fraction: 0.05 } }),
    smallConfig({ shuffle: true, dropout: 0.2, evaluation: { per: "cycle", times: 4, trainSubset: 100 } }),
  ];

  it("every run gives the bits of the same run on the float64 data, and leaves the data undecoded", () => {
    const bytes = make(asBytes);
    const floats = make(asFloats);
    for (const [i, c] of configs.entries()) {
      const a = run(c, bytes);
      assert.equal(a.status, "completed", `config ${i}: ${a.message}`);
      assert.deepEqual(comparable(a), comparable(run(c, floats)), `config ${i}`);
    }
    for (const name of ["train", "validation", "test"] as const) assert.equal(isDecoded(bytes[name].X), false, `${name}.X decoded`);
  });

  it("sweep workers receive the bytes (shared, not decoded) and give the serial results", async () => {
    const bytes = make(asBytes);
    const parallel = await runSweep(configs, bytes, { workers: 2, cache: false, progress: false });
    const serial = await runSweep(configs, make(asFloats), { workers: 0, cache: false, progress: false });
    assert.deepEqual(
      parallel.map((r) => r.status),
      configs.map(() => "completed"),
    );
    assert.deepEqual(parallel.map(comparable), serial.map(comparable));
    assert.equal(isDecoded(bytes.train.X), false);
  });
});
