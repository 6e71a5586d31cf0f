import { Matrix, columnsView, zeros, shapeOf, createRng } from "../tensor";
import { checkLabels } from "../layers/softmax-ce";

/** Options of `reducedProblem`. */
export interface ReducedProblemOptions {
  /** input dimensions kept (the first ones), default 10 */
  readonly inputSize?: number;
  /** samples kept (the first ones), default 20 */
  readonly samples?: number;
  /** number of classes for random labels, default 10 */
  readonly classes?: number;
  /** real data, D × N with D ≥ inputSize and N ≥ samples; random normal data if absent */
  readonly X?: Matrix;
  /** labels of X (required with X) */
  readonly y?: Int32Array;
  /** seed of the random data, default "gradcheck" */
  readonly seed?: number | string;
}

/** The reports' gradient-check problem: X: inputSize × samples (float64), y: samples labels. */
export interface ReducedProblem {
  readonly X: Matrix;
  readonly y: Int32Array;
}

function positiveInt(value: number, what: string): number {
  if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`reducedProblem: ${what} must be a positive integer, got ${value}`);
  return value;
}

/**
 * The reduced problem the reports check gradients on: the first `inputSize` dimensions of the
 * first `samples` samples of X (copied), with their labels; or, without X, standard-normal data
 * and uniform labels in 0 … classes−1 from a seeded generator.
 */
export function reducedProblem(opts: ReducedProblemOptions = {}): ReducedProblem {
  const d = positiveInt(opts.inputSize ?? 10, "inputSize");
  const n = positiveInt(opts.samples ?? 20, "samples");
  const out = zeros(d, n);
  if (opts.X) {
    const X = opts.X;
    if (!opts.y) throw new RangeError("reducedProblem: labels y are required with X");
    checkLabels(opts.y, Infinity, X.cols, "reducedProblem: y");
    if (X.rows < d || X.cols < n) {
      throw new RangeError(`reducedProblem: X is ${shapeOf(X)}, too small for ${d} dimensions × ${n} samples`);
    }
    const head = columnsView(X, 0, n).data; // n columns only, also of a data set kept as bytes
    for (let j = 0; j < n; j++) out.data.set(head.subarray(j * X.rows, j * X.rows + d), j * d);
    return { X: out, y: opts.y.slice(0, n) };
  }
  const K = positiveInt(opts.classes ?? 10, "classes");
  const rng = createRng(opts.seed ?? "gradcheck");
  for (let k = 0; k < out.data.length; k++) out.data[k] = rng.normal();
  const y = new Int32Array(n);
  for (let j = 0; j < n; j++) y[j] = rng.int(K);
  return { X: out, y };
}
