import { Matrix, columnsView, shapeOf } from "../tensor";
import { checkLabels, checkLambda, l2Penalty } from "../layers/softmax-ce";
import { LayerImpls } from "./impls";
import { MlpParams, MlpStats } from "./params";
import { mlpForward } from "./forward";
import { createWorkspace } from "./workspace";
import { createInferBuffers, inferScores } from "./infer";
import { checkInput, checkParams, checkStats } from "./check";

/** Options of `evaluateMlp`. */
export interface EvaluateOptions {
  /** columns per forward pass (bounds memory on large sets), default 2,000 */
  readonly chunkSize?: number;
  readonly impl?: Partial<LayerImpls>;
}

/** Cost, loss and accuracy of a data set. */
export interface Evaluation {
  readonly cost: number;
  readonly loss: number;
  /** fraction of samples whose most probable class is the label, in [0, 1] */
  readonly accuracy: number;
}

/**
 * Evaluates the network in eval mode (BN uses the moving averages, no dropout) on X: d × n with
 * labels y (n), in column chunks that reuse the same buffers. cost = loss + λ·Σ‖W‖².
 */
export function evaluateMlp(params: MlpParams, stats: MlpStats, X: Matrix, y: Int32Array, lambda: number, opts: EvaluateOptions = {}): Evaluation {
  checkLambda(lambda, "evaluateMlp");
  const n = X.cols;
  if (n === 0) throw new RangeError(`evaluateMlp: X (${shapeOf(X)}) has no samples`);
  checkLabels(y, params.spec.outputSize, n, "evaluateMlp");
  const chunk = opts.chunkSize ?? 2000;
  if (!(Number.isInteger(chunk) && chunk > 0)) throw new RangeError(`evaluateMlp: chunkSize must be a positive integer, got ${chunk}`);
  const K = params.spec.outputSize;
  const fwd = chunkForward(params, stats, X, opts.impl, Math.min(chunk, n));
  const p = new Float64Array(K);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < n; start += chunk) {
    const count = Math.min(chunk, n - start);
    fwd.run(start, count);
    for (let j = 0; j < count; j++) {
      const label = y[start + j];
      fwd.column(j, p);
      lossSum -= Math.log(p[label]);
      let best = 0;
      for (let i = 1; i < K; i++) if (p[i] > p[best]) best = i;
      if (best === label) correct++;
    }
  }
  const loss = lossSum / n;
  return {
    loss,
    cost:
      loss +
      l2Penalty(
        params.layers.map((p) => p.W),
        lambda,
      ),
    accuracy: correct / n,
  };
}

/** The eval-mode forward pass of one chunk of columns, then each column's class probabilities. */
interface ChunkForward {
  run(start: number, count: number): void;
  /** p (K) ← the probabilities of column j of the last chunk */
  column(j: number, p: Float64Array): void;
}

/**
 * With the library's layers, `inferScores` and `softmaxColumn` (bit-identical to `mlpForward` in
 * eval mode, without its caches and extra passes); with a teaching override (`impl`), `mlpForward`.
 */
function chunkForward(params: MlpParams, stats: MlpStats, X: Matrix, impl: Partial<LayerImpls> | undefined, chunk: number): ChunkForward {
  const K = params.spec.outputSize;
  if (impl) {
    const workspace = createWorkspace(params.spec, chunk);
    let P: Float64Array = new Float64Array(0);
    return {
      run: (start, count) => (P = mlpForward(params, columnsView(X, start, count), { mode: "eval", stats, workspace, impl }).P.data),
      column: (j, p) => p.set(P.subarray(j * K, (j + 1) * K)),
    };
  }
  checkParams(params, "mlpForward");
  checkInput(params, X, "mlpForward");
  checkStats(params, stats, "mlpForward");
  const bufs = createInferBuffers(params, chunk);
  return {
    run: (start, count) => inferScores(params, stats, columnsView(X, start, count), bufs, "mlpForward"),
    column: (j, p) => softmaxColumn(bufs.scores, j * K, K, p),
  };
}

/** p ← the softmax of the K scores s[o … o+K−1], with exactly the operations of `softmax`. */
function softmaxColumn(s: Float64Array, o: number, K: number, p: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < K; i++) max = s[o + i] > max ? s[o + i] : max;
  let sum = 0;
  for (let i = 0; i < K; i++) {
    const e = Math.exp(s[o + i] - max);
    p[i] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let i = 0; i < K; i++) p[i] *= inv;
}
