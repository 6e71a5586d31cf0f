import { strict as assert } from "assert";
import { ARITHMETIC_VERSION, PROBE_CONFIGS, PROBE_HASHES, codeVersion, gaussianBlobs, probeHash, probeKernels, resultKey } from "../../src/experiments";
import { availableKernels, getKernel, setKernel, tsBlockedKernel } from "../../src/tensor";
import { smallConfig } from "./fixtures";

/**
 * PROBE_HASHES holds the committed probe hash of each arithmetic version (short trainings with BN
 * before and after the activation, shuffling, momentum, dropout, Gaussian and salt-and-pepper
 * noise, cyclical, step and constant schedules, early stopping; see arithmetic-probe.ts). Both
 * `npm test` passes (native kernel, then NNBOOK_KERNEL=ts) and every machine must reproduce it; a
 * change that alters any trained bit fails here, and must bump ARITHMETIC_VERSION with a new entry.
 */
const PROBE_HASH = PROBE_HASHES;

describe("experiments/arithmetic-version", function () {
  this.timeout(180000);

  it(`the kernel in use (${process.env.NNBOOK_KERNEL === "ts" ? "TypeScript" : "default"}) reproduces the committed training hash`, () => {
    assert.equal(probeHash(), PROBE_HASH[ARITHMETIC_VERSION], `kernel ${getKernel().name}`);
  });

  it("every kernel this machine offers trains to one parameter hash (the probe)", function () {
    if (process.env.NNBOOK_KERNEL === "ts") this.skip(); // the first pass already ran every kernel
    const rows = probeKernels(availableKernels());
    assert.ok(rows.length >= 1 && rows[0].kernel === "ts-blocked");
    const table = rows.map((r) => `${r.kernel}: ${r.hash}`).join("\n");
    assert.deepEqual([...new Set(rows.map((r) => r.hash))], [PROBE_HASH[ARITHMETIC_VERSION]], table);
  });

  it("the probe detects a change of arithmetic (one last bit of one element per product)", () => {
    const skewed = {
      name: "skewed",
      gemm: (...args: Parameters<typeof tsBlockedKernel.gemm>) => {
        tsBlockedKernel.gemm(...args);
        const C = args[11];
        C[0] = C[0] * (1 + 2 ** -52);
      },
    };
    assert.notEqual(probeHash(skewed), PROBE_HASH[ARITHMETIC_VERSION]);
  });

  it("the cache key names the arithmetic version, not the kernel: switching kernels keeps the cache", () => {
    assert.equal(codeVersion(), `arith.${ARITHMETIC_VERSION}`);
    const data = gaussianBlobs({ dims: 20, classes: 3, train: 30, validation: 10, test: 10, seed: 3 });
    const before = resultKey(smallConfig(), data);
    const previous = setKernel(tsBlockedKernel);
    try {
      assert.equal(resultKey(smallConfig(), data), before);
    } finally {
      if (previous) setKernel(previous);
    }
  });

  it("the probe configs cover BN before/after/off, dropout, both noises, momentum, shuffling and early stopping", () => {
    const has = (f: (c: (typeof PROBE_CONFIGS)[number]) => unknown): boolean => PROBE_CONFIGS.some((c) => Boolean(f(c)));
    for (const bn of ["before", "after", "off"])
      assert.ok(
        has((c) => c.batchNorm === bn),
        bn,
      );
    assert.ok(has((c) => c.dropout) && has((c) => c.momentum) && has((c) => c.shuffle) && has((c) => c.earlyStopping));
    assert.ok(has((c) => c.noise?.kind === "gaussian") && has((c) => c.noise?.kind === "saltPepper"));
  });
});
