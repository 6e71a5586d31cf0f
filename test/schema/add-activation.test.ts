import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * "Adding an activation touches one schema entry and one implementation table": a copy of src/
 * gets a fake activation (softsign, f(x) = x / (1 + |x|)) in exactly those two places; before the
 * table entry the compiler refuses the name, after it the name works in an experiment config, a
 * gradient check and a notebook parameter annotated `ActivationName`.
 */
const ROOT = path.resolve(__dirname, "../..");
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

function patch(file: string, anchor: string, insert: string): void {
  const text = fs.readFileSync(file, "utf8");
  assert.ok(text.includes(anchor), `${file} has "${anchor}"`);
  fs.writeFileSync(file, text.replace(anchor, `${anchor}${insert}`));
}

function tsc(dir: string, ...args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [TSC, "-p", dir, ...args], { encoding: "utf8" }) };
  } catch (err) {
    return { ok: false, output: String((err as { stdout?: string }).stdout) };
  }
}

describe("schema: a new activation in one schema entry and one implementation table", function () {
  this.timeout(300000);
  let dir = "";

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-add-activation-"));
    fs.cpSync(path.join(ROOT, "src"), path.join(dir, "src"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    fs.symlinkSync(path.join(ROOT, "native"), path.join(dir, "native"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the schema entry alone does not compile: the implementation table misses it", () => {
    patch(path.join(dir, "src/schema/activation.ts"), `"improvedSigmoid", "linear"`, `, "softsign"`);
    const { ok, output } = tsc(dir, "--noEmit");
    assert.equal(ok, false, "tsc accepted a name without an implementation");
    assert.match(output, /src\/layers\/activations\.ts.*softsign/s);
  });

  it("with the table entry it compiles and works from a config, a gradient check and a parameter", () => {
    patch(
      path.join(dir, "src/layers/activations.ts"),
      "= {\n",
      `  softsign: {
    defaultAlpha: 0, kinked: false,
    forward(_a, S, H, start, end) { for (let k = start; k < end; k++) H[k] = S[k] / (1 + Math.abs(S[k])); },
    backward(_a, S, _H, dOut, dS, start, end) {
      for (let k = start; k < end; k++) { const q = 1 + Math.abs(S[k]); dS[k] = dOut[k] / (q * q); }
    },
  },
`,
    );
    const { ok, output } = tsc(dir, "--declaration", "false", "--sourceMap", "false");
    assert.ok(ok, output);
    const lib = require(path.join(dir, "dist"));
    const kinds = require(path.join(dir, "dist/kernel/parameter-kinds"));
    const config = {
      hidden: [8],
      activation: { name: "softsign" },
      batchNorm: "before",
      init: { kind: "he" },
      lambda: 0.01,
      batchSize: 10,
      schedule: { kind: "constant", eta: 0.1 },
      epochs: 1,
      evaluation: { per: "epoch", times: 1 },
      data: { name: "synthetic" },
      seed: 1,
    };
    assert.equal(lib.validateConfig(config).activation.name, "softsign");

    const { X, y } = lib.reducedProblem();
    const { activation, batchNorm, init } = config;
    const spec = lib.specFromSizes([10, 8, 10], { activation, batchNorm, init });
    const { params, stats } = lib.initMlp(spec, lib.createRng(1));
    const rows = lib.gradientCheck(params, stats, X, y, 0.01);
    assert.ok(rows.length > 0 && rows.every((r: { pass: boolean }) => r.pass), JSON.stringify(rows));

    const kind = kinds.parameterKind({ name: "activation", type: "ActivationName", initializer: '"relu"' });
    assert.equal(kinds.parseParameterText("activation", "softsign", kind), "softsign");
    assert.throws(() => kinds.parseParameterText("activation", "swish", kind), /expects one of .*"softsign"/);
  });
});
