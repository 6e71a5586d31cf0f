import { Matrix } from "../tensor";

/** One split: inputs X (d × n, one sample per column) and integer labels y (length n, 0 … K−1). */
export interface LabeledSet {
  readonly X: Matrix;
  readonly y: Int32Array;
}

/** The three splits the training loop uses: it trains on `train`, monitors `validation`, tests `test`. */
export interface TrainData {
  readonly train: LabeledSet;
  readonly validation: LabeledSet;
  readonly test: LabeledSet;
}
