import { getKernel } from "./kernel";
import { ColumnSelection, Matrix, zeros, assertShape, shapeOf, isColumnSelection } from "./matrix";

/** Options of `matmul`: transposes, scale factors and an optional preallocated output. */
export interface MatmulOptions {
  readonly transA?: boolean;
  readonly transB?: boolean;
  /** C ← alpha·op(A)·op(B) + beta·C; alpha defaults to 1 */
  readonly alpha?: number;
  /** defaults to 0 (out is overwritten); 1 accumulates into `out` */
  readonly beta?: number;
  /** preallocated result of shape rows(op(A)) × cols(op(B)) */
  readonly out?: Matrix;
}

/**
 * op(A)·op(B) through the current kernel. op(A) is m × k, op(B) is k × n; the result is m × n.
 * B may be a `ColumnSelection` (its columns are read in place) and may be kept as bytes (see
 * `byteMatrix`: the kernel decodes them while packing, never the whole matrix). Throws naming both shapes when the
 * inner dimensions disagree.
 */
export function matmul(A: Matrix, B: Matrix | ColumnSelection, opts: MatmulOptions = {}): Matrix {
  const transA = opts.transA ?? false;
  const transB = opts.transB ?? false;
  const m = transA ? A.cols : A.rows;
  const kA = transA ? A.rows : A.cols;
  const kB = transB ? B.cols : B.rows;
  const n = transB ? B.rows : B.cols;
  if (kA !== kB) {
    throw new RangeError(
      `matmul: inner dimensions differ: ${transA ? "Aᵀ" : "A"} is ${m} × ${kA} (A ${shapeOf(A)}), ` +
        `${transB ? "Bᵀ" : "B"} is ${kB} × ${n} (B ${shapeOf(B)})`,
    );
  }
  const out = opts.out ?? zeros(m, n);
  assertShape(out, m, n, "matmul: out");
  const selected = isColumnSelection(B);
  const source = selected ? B.source : B;
  const encoded = source.encoded;
  getKernel().gemm(
    transA,
    transB,
    m,
    n,
    kA,
    opts.alpha ?? 1,
    A.data,
    Math.max(1, A.rows),
    encoded ? encoded.bytes : source.data,
    Math.max(1, B.rows),
    opts.beta ?? 0,
    out.data,
    Math.max(1, m),
    selected ? B.index : undefined,
    encoded,
  );
  return out;
}

/** Row sums: the rows × 1 vector Σ_j M(i, j) (scaled by `scale`, default 1). */
export function rowSums(M: Matrix, scale = 1, out: Matrix = zeros(M.rows, 1)): Matrix {
  assertShape(out, M.rows, 1, "rowSums: out");
  const r = M.rows;
  out.data.fill(0);
  for (let j = 0; j < M.cols; j++) {
    const o = j * r;
    for (let i = 0; i < r; i++) out.data[i] += M.data[o + i];
  }
  if (scale !== 1) for (let i = 0; i < r; i++) out.data[i] *= scale;
  return out;
}

/** Element-wise f(x) into a new matrix (or `out`, which may be M itself). */
export function map(M: Matrix, f: (x: number) => number, out: Matrix = zeros(M.rows, M.cols)): Matrix {
  assertShape(out, M.rows, M.cols, "map: out");
  for (let k = 0; k < M.data.length; k++) out.data[k] = f(M.data[k]);
  return out;
}

/** Element-wise f(a, b) of two equal-shaped matrices. */
export function zipWith(A: Matrix, B: Matrix, f: (a: number, b: number) => number, out: Matrix = zeros(A.rows, A.cols)): Matrix {
  assertShape(B, A.rows, A.cols, "zipWith: second operand");
  assertShape(out, A.rows, A.cols, "zipWith: out");
  for (let k = 0; k < A.data.length; k++) out.data[k] = f(A.data[k], B.data[k]);
  return out;
}

/** The index of the largest entry of each column (e.g. the predicted class), as an Int32Array. */
export function argmaxColumns(M: Matrix): Int32Array {
  const out = new Int32Array(M.cols);
  for (let j = 0; j < M.cols; j++) {
    const o = j * M.rows;
    let best = 0;
    for (let i = 1; i < M.rows; i++) if (M.data[o + i] > M.data[o + best]) best = i;
    out[j] = best;
  }
  return out;
}

/** The transpose (a new cols × rows matrix). */
export function transpose(M: Matrix): Matrix {
  const out = zeros(M.cols, M.rows);
  for (let j = 0; j < M.cols; j++) for (let i = 0; i < M.rows; i++) out.data[j + i * M.cols] = M.data[i + j * M.rows];
  return out;
}
