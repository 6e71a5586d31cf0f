import { strict as assert } from "assert";
import { createRng, fromData } from "../../src/tensor";
import { ACTIVATION_NAMES, ActivationSpec, activationForward, activationBackward } from "../../src/layers";
import { numericalGradient } from "../../src/gradcheck";
import { randn, dot, assertClose } from "./helpers";

/** The activations written directly from their definitions (the oracle). */
const oracle: Record<string, (x: number, a: number) => number> = {
  relu: (x) => Math.max(0, x),
  leakyRelu: (x, a) => (x > 0 ? x : a * x),
  elu: (x, a) => (x > 0 ? x : a * (Math.exp(x) - 1)),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: (x) => (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x)),
  improvedSigmoid: (x) => 1.7159 * Math.tanh((2 / 3) * x),
  linear: (x) => x,
};
const defaultAlpha: Record<string, number> = { leakyRelu: 0.01, elu: 1 };

describe("layers/activations", () => {
  const rng = createRng("activations");
  // keep inputs away from the kink at 0 so that centered differences are meaningful
  const S = randn(5, 8, rng, 2);
  for (let k = 0; k < S.data.length; k++) if (Math.abs(S.data[k]) < 0.05) S.data[k] += 0.1;

  for (const name of ACTIVATION_NAMES) {
    const specs: ActivationSpec[] = name === "leakyRelu" || name === "elu" ? [{ name }, { name, alpha: 0.3 }] : [{ name }];
    for (const spec of specs) {
      const a = spec.alpha ?? defaultAlpha[name] ?? 0;
      it(`${name}${spec.alpha !== undefined ? ` (alpha ${spec.alpha})` : ""}: forward follows the definition`, () => {
        const { out } = activationForward(S, spec);
        for (let k = 0; k < S.data.length; k++) {
          assert.ok(Math.abs(out.data[k] - oracle[name](S.data[k], a)) < 1e-12, `${name}(${S.data[k]})`);
        }
      });
      it(`${name}${spec.alpha !== undefined ? ` (alpha ${spec.alpha})` : ""}: backward matches centered differences`, () => {
        const R = randn(5, 8, rng);
        const f = (): number => dot(activationForward(S, spec).out, R);
        const dS = activationBackward(R, activationForward(S, spec).cache);
        assertClose(dS, numericalGradient(f, S, 1e-6), 1e-8, `${name} backward`);
      });
    }
  }

  it("NaN propagates through every activation", () => {
    const X = fromData(1, 1, new Float64Array([NaN]));
    for (const name of ACTIVATION_NAMES) assert.ok(Number.isNaN(activationForward(X, { name }).out.data[0]), name);
  });

  it("unknown names and non-finite alpha raise clear errors", () => {
    assert.throws(() => activationForward(S, { name: "swish" as never }), /^ConfigError: activationForward\.name: expected one of "relu", .*, got "swish"$/);
    assert.throws(() => activationForward(S, { name: "elu", alpha: NaN }), /^ConfigError: activationForward\.alpha: expected a number ≥ 0, got NaN$/);
  });
});
