import { strict as assert } from "assert";
import { ConfigError, ExperimentConfig, validateConfig, withDefaults } from "../../src/experiments";
import { smallConfig } from "./fixtures";

/** Validates `config` with one field replaced (or deleted when value is undefined). */
function withField(path: string[], value: unknown): unknown {
  const c = JSON.parse(JSON.stringify(smallConfig())) as Record<string, unknown>;
  let o = c;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
  if (value === undefined) delete o[path[path.length - 1]];
  else o[path[path.length - 1]] = value;
  return c;
}

describe("experiments/config", () => {
  it("a valid config passes and gets its defaults", () => {
    const c = validateConfig(smallConfig());
    assert.equal(c.momentum, 0);
    assert.equal(c.shuffle, false);
    assert.equal(c.dropout, 0);
    const es = validateConfig(smallConfig({ earlyStopping: { patience: 3 } })).earlyStopping;
    assert.deepEqual(es, { patience: 3, restoreBest: true, minDelta: 0 });
    // JSON round trip: configs are plain data
    assert.deepEqual(validateConfig(JSON.parse(JSON.stringify(smallConfig()))), withDefaults(smallConfig()));
  });

  const bad: [string[], unknown, RegExp][] = [
    [["lambda"], -1, /^config\.lambda: expected a number ≥ 0, got -1$/],
    [["lambda"], undefined, /^config\.lambda: expected a number ≥ 0, got missing$/],
    [["hidden"], [50, 0], /^config\.hidden\[1\]: expected an integer ≥ 1, got 0$/],
    [["activation", "name"], "relu6", /^config\.activation\.name: expected one of .*"relu".*got "relu6"$/],
    [["batchNorm"], "yes", /^config\.batchNorm: expected one of "off", "before", "after", got "yes"$/],
    [["init"], { kind: "normal" }, /^config\.init\.sigma: expected a number > 0, got missing$/],
    [["init"], { kind: "he", sigma: 1 }, /^config\.init\.sigma: unknown field/],
    [["batchSize"], 2.5, /^config\.batchSize: expected an integer ≥ 1, got 2\.5$/],
    [["schedule", "etaMax"], 1e-5, /^config\.schedule\.etaMax: expected a number > 0\.0001, got 0\.00001$/],
    [["schedule", "cycles"], 0, /^config\.schedule\.cycles: expected an integer ≥ 1, got 0$/],
    [["schedule"], { kind: "constant", eta: 0.1 }, /^config\.epochs: expected an integer ≥ 1, got missing$/],
    [["epochs"], 3, /^config\.epochs: must be omitted with a cyclical schedule/],
    [["momentum"], 1, /^config\.momentum: expected a number ≥ 0 < 1, got 1$/],
    [["dropout"], 1, /^config\.dropout: expected a number ≥ 0 < 1, got 1$/],
    [["noise"], { kind: "gaussian", sigma: -0.1 }, /^config\.noise\.sigma: expected a number ≥ 0, got -0\.1$/],
    [["noise"], { kind: "saltPepper", fraction: 0.1, low: 0 }, /^config\.noise: give both low and high or neither/],
    [["evaluation", "times"], 0, /^config\.evaluation\.times: expected an integer ≥ 1, got 0$/],
    [["earlyStopping"], { patience: 0 }, /^config\.earlyStopping\.patience: expected an integer ≥ 1, got 0$/],
    [["data", "name"], "", /^config\.data\.name: expected a non-empty string, got ""$/],
    [["seed"], 1.5, /^config\.seed: expected an integer, got 1\.5$/],
    [["lamda"], 0.1, /^config\.lamda: unknown field \(allowed: /],
    [["schedule"], 5, /^config\.schedule: expected an object, got 5$/],
    [["schedule"], { kind: "warmup" }, /^config\.schedule\.kind: expected one of "constant", "cyclical", .*, got "warmup"$/],
    [["schedule", "stepSize"], "x", /^config\.schedule\.stepSize: expected an integer ≥ 1 or \{ epochs \}, got "x"$/],
    [["noise"], { kind: "saltPepper", fraction: 0.1, low: 1, high: 0 }, /^config\.noise\.high: expected a number ≥ 1, got 0$/],
    [["evaluation", "extra"], 1, /^config\.evaluation\.extra: unknown field \(allowed: per, times, trainSubset\)$/],
  ];
  for (const [path, value, re] of bad) {
    it(`rejects ${path.join(".")} = ${JSON.stringify(value)} naming the field`, () => {
      assert.throws(
        () => validateConfig(withField(path, value)),
        (err: Error) => err instanceof ConfigError && re.test(err.message),
      );
    });
  }

  it("per-cycle evaluation needs a cyclical schedule", () => {
    const c: ExperimentConfig = { ...smallConfig(), schedule: { kind: "constant", eta: 0.1 }, epochs: 2 };
    assert.throws(() => validateConfig(c), /config\.evaluation\.per: "cycle" needs a cyclical schedule/);
    assert.doesNotThrow(() => validateConfig({ ...c, evaluation: { per: "epoch", times: 2 } }));
  });
});
