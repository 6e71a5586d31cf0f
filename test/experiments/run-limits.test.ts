/** Parameter memory and run length are checked before anything is allocated or trained, naming the field. */
import { strict as assert } from "assert";
import { gaussianBlobs, run, runCached } from "../../src/experiments";
import { checkParameterMemory, checkRunLength, MAX_PARAMETER_BYTES, MAX_STEPS } from "../../src/experiments/run-limits";
import { smallConfig } from "./fixtures";

const data = gaussianBlobs({ dims: 20, classes: 3, train: 120, validation: 60, test: 60, seed: 11 });

describe("experiments/run-limits: memory and run length checked up front", () => {
  it("a width of 1e9 is refused naming config.hidden[0] and the memory, not 'Invalid typed array length'", () => {
    const started = Date.now();
    assert.throws(
      () => run(smallConfig({ hidden: [1e9] }), data),
      (e: Error) => {
        assert.equal(e.name, "ConfigError");
        const count = 20 * 1e9 + 1e9 * 3 + 3 * (1e9 + 3); // weights in, weights out, at most 3 per unit (bias, γ, β)
        assert.equal(count, 26_000_000_009);
        assert.match(
          e.message,
          /^config\.hidden\[0\]: width 1,000,000,000: the network 20-1,000,000,000-3 has 26,000,000,009 parameters, 832 GB while training \(32 bytes each: weights, gradients, momentum, best copy\), over the 2\.15 GB limit$/,
        );
        return true;
      },
    );
    assert.ok(Date.now() - started < 1000, "refused before allocating");
  });

  it("names the layer with the most weights: two hidden layers of 20,000 (12.8 GB) → config.hidden[1]", () => {
    assert.equal(20 * 20_000 + 20_000 * 20_000 + 20_000 * 3 + 3 * (20_000 + 20_000 + 3), 400_580_009);
    assert.throws(
      () => checkParameterMemory(smallConfig({ hidden: [20_000, 20_000] }), 20, 3),
      /^ConfigError: config\.hidden\[1\]: width 20,000: the network 20-20,000-20,000-3 has 400,580,009 parameters, 12\.8 GB/,
    );
    assert.throws(() => checkParameterMemory(smallConfig({ hidden: [50, 10_000_000] }), 3072, 10), /config\.hidden\[1\]: width 10,000,000/);
  });

  it("the limit sits where it says: the largest 3072-m-10 network under it passes, one unit more fails", () => {
    const perUnit = 3072 + 10 + 3; // weights in and out, bias, γ, β
    const fits = Math.floor((MAX_PARAMETER_BYTES / 32 - 10 * 3) / perUnit);
    assert.doesNotThrow(() => checkParameterMemory(smallConfig({ hidden: [fits] }), 3072, 10));
    assert.throws(() => checkParameterMemory(smallConfig({ hidden: [fits + 1] }), 3072, 10), /config\.hidden\[0\]/);
    assert.doesNotThrow(() => checkParameterMemory(smallConfig({ hidden: [50, 30, 20, 20, 10, 10, 10, 10] }), 3072, 10));
  });

  it("stepSize 1e12 is refused naming config.schedule.stepSize and saying how long it would take", () => {
    const config = smallConfig({ schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize: 1e12, cycles: 2 } });
    assert.throws(
      () => run(config, data),
      /^ConfigError: config\.schedule\.stepSize: the run would take 4,000,000,000,000 update steps \(2 · stepSize 1,000,000,000,000 · cycles 2\), over the limit of 10,000,000 \(1\.3e\+2 years at 1 ms per step\)$/,
    );
    const failed = runCached(config, data, { cache: false });
    assert.equal(failed.status, "failed", "a sweep records the refusal and goes on");
    assert.match(failed.message ?? "", /config\.schedule\.stepSize/);
  });

  it("too many cycles or epochs name those fields; runs at the limit pass", () => {
    const cyc = (stepSize: number, cycles: number) => smallConfig({ schedule: { kind: "cyclical", etaMin: 1e-4, etaMax: 0.05, stepSize, cycles } });
    assert.throws(() => checkRunLength(cyc(1000, 10_000), 120), /^ConfigError: config\.schedule\.cycles: the run would take 20,000,000 update steps/);
    assert.doesNotThrow(() => checkRunLength(cyc(1000, MAX_STEPS / 2000), 120));
    const constant = smallConfig({ schedule: { kind: "constant", eta: 0.01 }, evaluation: { per: "epoch", times: 1 } });
    assert.throws(
      () => checkRunLength({ ...constant, epochs: 2_000_000 }, 120),
      /^ConfigError: config\.epochs: the run would take 12,000,000 update steps \(epochs 2,000,000 · 6 steps per epoch\)/,
    );
    assert.doesNotThrow(() => checkRunLength({ ...constant, epochs: MAX_STEPS / 6 }, 120));
  });
});
