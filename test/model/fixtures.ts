import { Matrix, createRng, zeros } from "../../src/tensor";
import { MlpSpec } from "../../src/model";

/** A tiny labelled set: d × n standard-normal X and labels in 0 … K−1 (seeded). */
export function tinySet(d: number, n: number, K: number, seed: string): { X: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const X = zeros(d, n);
  for (let k = 0; k < X.data.length; k++) X.data[k] = rng.normal();
  const y = Int32Array.from({ length: n }, () => rng.int(K));
  return { X, y };
}

/** A small spec with the given overrides. */
export function smallSpec(over: Partial<MlpSpec> = {}): MlpSpec {
  return {
    inputSize: 6,
    hidden: [8, 5],
    outputSize: 3,
    activation: { name: "relu" },
    batchNorm: "before",
    init: { kind: "he" },
    ...over,
  };
}
