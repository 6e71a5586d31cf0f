import { ColumnSelection, Matrix, matmul, rowSums, zeros, assertShape, shapeOf } from "../tensor";

/** What `affineBackward` needs from the forward pass (references, not copies). */
export interface AffineCache {
  /** the input, d × n (a mini-batch may be a column selection); must stay unchanged until the backward pass */
  readonly X: Matrix | ColumnSelection;
  /** the weights, m × d */
  readonly W: Matrix;
}

/** Output and cache of `affineForward`. */
export interface AffineResult {
  /** S = W·X + b·1ᵀ, m × n */
  readonly out: Matrix;
  readonly cache: AffineCache;
}

/** Optional preallocated outputs of `affineBackward`, and whether dX is wanted. */
export interface AffineBackwardOptions {
  /** default true; false skips Wᵀ·dOut (the first layer never needs it) */
  readonly needDX?: boolean;
  readonly dX?: Matrix;
  readonly dW?: Matrix;
  readonly db?: Matrix;
  /**
   * adds decay·W to dW (the gradient of (decay/2)·‖W‖², e.g. decay = 2λ), folded into the matrix
   * product: dW is set to W and the kernel computes dOut·Xᵀ + decay·dW. Default 0.
   */
  readonly decay?: number;
}

/** Gradients of `affineBackward`. */
export interface AffineGrads {
  /** d × n, absent when `needDX` is false */
  readonly dX?: Matrix;
  /** m × d */
  readonly dW: Matrix;
  /** m × 1 */
  readonly db: Matrix;
}

/**
 * The affine layer S = W·X + b·1ᵀ.
 * X: d × n (one sample per column; a plain matrix or a column selection), W: m × d, b: m × 1 →
 * out: m × n, written into `out` if given.
 * b is broadcast into `out` first and W·X accumulated on top (one pass instead of two).
 */
export function affineForward(X: Matrix | ColumnSelection, W: Matrix, b: Matrix, out?: Matrix): AffineResult {
  if (W.cols !== X.rows) {
    throw new RangeError(`affineForward: W is ${shapeOf(W)} but X is ${shapeOf(X)} (W.cols must equal X.rows)`);
  }
  assertShape(b, W.rows, 1, "affineForward: b");
  const S = out ?? zeros(W.rows, X.cols);
  assertShape(S, W.rows, X.cols, "affineForward: out");
  for (let j = 0; j < X.cols; j++) S.data.set(b.data, j * W.rows);
  matmul(W, X, { out: S, beta: 1 });
  return { out: S, cache: { X, W } };
}

/**
 * Backward pass of the affine layer: dW = dOut·Xᵀ (+ decay·W), db = dOut·1, dX = Wᵀ·dOut.
 * dOut: m × n is the gradient of the scalar being differentiated with respect to S. The library
 * puts the 1/n of the batch mean into G at the softmax (as the assignments do), so dW and db are
 * gradients of the mean-over-batch loss exactly when dOut already carries that 1/n.
 */
export function affineBackward(dOut: Matrix, cache: AffineCache, opts: AffineBackwardOptions = {}): AffineGrads {
  const { X, W } = cache;
  assertShape(dOut, W.rows, X.cols, "affineBackward: dOut");
  const decay = opts.decay ?? 0;
  let dWInit = opts.dW;
  if (decay !== 0) {
    dWInit = dWInit ?? zeros(W.rows, W.cols);
    assertShape(dWInit, W.rows, W.cols, "affineBackward: dW");
    dWInit.data.set(W.data);
  }
  const dW = matmul(dOut, X, { transB: true, out: dWInit, beta: decay });
  const db = rowSums(dOut, 1, opts.db);
  const dX = opts.needDX === false ? undefined : matmul(W, dOut, { transA: true, out: opts.dX });
  return { dX, dW, db };
}

/** Options of `affineBackwardDescend`. */
export interface AffineDescendOptions {
  /** the learning rate η */
  readonly eta: number;
  /** the L2 strength λ of λ‖W‖² */
  readonly lambda: number;
  /** default true; false skips Wᵀ·dOut (the first layer never needs it) */
  readonly needDX?: boolean;
  readonly dX?: Matrix;
  /** where db is formed (m × 1); absent: the layer has no bias and b is left alone */
  readonly db?: Matrix;
  /** the bias to update, m × 1 (absent: no bias) */
  readonly b?: Matrix;
}

/**
 * The affine layer's backward pass fused with a gradient-descent step, IN PLACE: dX = Wᵀ·dOut
 * first (with the old W), then b ← b − η·(dOut·1) and W ← (1 − 2λη)·W − η·dOut·Xᵀ, the update
 * folded into the product (alpha = −η, beta = 1 − 2λη), so dW is never stored and W is read and
 * written once. cache.W is the layer's own weight matrix. Returns dX (absent when not wanted).
 */
export function affineBackwardDescend(dOut: Matrix, cache: AffineCache, opts: AffineDescendOptions): Matrix | undefined {
  const { X, W } = cache;
  assertShape(dOut, W.rows, X.cols, "affineBackwardDescend: dOut");
  const dX = opts.needDX === false ? undefined : matmul(W, dOut, { transA: true, out: opts.dX });
  if (opts.b) {
    const db = rowSums(dOut, 1, opts.db);
    const b = opts.b.data;
    for (let k = 0; k < b.length; k++) b[k] -= opts.eta * db.data[k];
  }
  matmul(dOut, X, { transB: true, out: W, alpha: -opts.eta, beta: 1 - 2 * opts.lambda * opts.eta });
  return dX;
}
