import { Matrix, zeros } from "../tensor/matrix";
import { DataSet } from "./types";

/**
 * The one-hot matrix Y (K × n) of labels y (n values in 0 … K-1): Y(y_j, j) = 1, else 0.
 * Throws naming the index and value of the first label out of range.
 */
export function oneHot(y: ArrayLike<number>, K: number): Matrix {
  const Y = zeros(K, y.length);
  for (let j = 0; j < y.length; j++) {
    const k = y[j];
    if (!(Number.isInteger(k) && k >= 0 && k < K)) {
      throw new RangeError(`oneHot: label y[${j}] = ${k} is outside 0 … ${K - 1}`);
    }
    Y.data[k + j * K] = 1;
  }
  return Y;
}

/** The same split with its one-hot targets Y (K × n) filled in (X and y are shared, not copied). */
export function withOneHot(set: DataSet, K: number): DataSet {
  return { X: set.X, y: set.y, Y: oneHot(set.y, K) };
}

/**
 * The DataSets of the given inputs X[k] (d × n_k) and labels y[k] (n_k), with one-hot targets
 * Y[k] (K × n_k) when `withY` is set.
 */
export function labeledSets(X: readonly Matrix[], y: readonly Int32Array[], K: number, withY = false): DataSet[] {
  return X.map((Xk, k) => (withY ? { X: Xk, y: y[k], Y: oneHot(y[k], K) } : { X: Xk, y: y[k] }));
}
