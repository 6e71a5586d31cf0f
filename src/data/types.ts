import { Matrix } from "../tensor/matrix";

/**
 * How inputs are standardized with training statistics:
 * - "dimension": one mean/std per input dimension (d values), as the DD2424 assignments do;
 * - "channel": one mean/std per colour channel (the dimensions of one channel plane share them);
 * - "global": one mean/std over all pixels, as the TDT4265 MNIST assignment does;
 * - "none": inputs only scaled to [0, 1].
 */
export type StandardizeMode = "dimension" | "channel" | "global" | "none";

/**
 * The statistics used to standardize a data set, on the [0, 1] input scale (multiply by 255 for
 * pixel units). Dimension i belongs to group ⌊i / groupSize⌋; `mean` and `std` hold one value
 * per group (d values for "dimension", C for "channel", 1 for "global", and mean 0 / std 1 for
 * "none"). `std` is the population standard deviation (divide by n). A group with std 0 (a pixel
 * that is constant over the training set) is only centred.
 */
export interface Standardization {
  readonly mode: StandardizeMode;
  readonly mean: Float64Array;
  readonly std: Float64Array;
  /** dimensions per group */
  readonly groupSize: number;
  /** input dimension d */
  readonly d: number;
  /** number of training samples the statistics were computed on */
  readonly n: number;
}

/** One split: inputs X (d × n, one sample per column), labels y (n, 0 … K-1), and optionally
 * the one-hot targets Y (K × n). The loaders back X.data and y with SharedArrayBuffers (the three
 * X are views into one buffer), so worker threads can share them without copying. */
export interface DataSet {
  readonly X: Matrix;
  readonly y: Int32Array;
  readonly Y?: Matrix;
}

/** Image geometry of the samples: d = channels · height · width, stored channel plane by plane,
 * each plane row-major. */
export interface ImageShape {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

/** Where the files were read from ("config": the nearest nnbook.config.json). */
export type DataOrigin = "option" | "env" | "config" | "default" | "package" | "download";

/**
 * A loaded data set with its three splits and everything a report needs to cite it. The loaders
 * check and hash the files when they return; `train`, `validation`, `test` and `standardization`
 * are computed on first access (see `lazySplits`), so runs answered by the result cache cost no decoding.
 */
export interface DataSplits {
  /** "CIFAR-10" or "MNIST" */
  readonly name: string;
  readonly train: DataSet;
  readonly validation: DataSet;
  readonly test: DataSet;
  /** number of classes K */
  readonly K: number;
  readonly labelNames: readonly string[];
  readonly imageShape: ImageShape;
  /** the training statistics applied to all three splits */
  readonly standardization: Standardization;
  /** one line saying what the files are and where they were read from */
  readonly provenance: string;
  /** the folder the files were read from */
  readonly dir: string;
  readonly origin: DataOrigin;
  /** absolute paths of the files read, in reading order */
  readonly files: readonly string[];
  /** sha-256 (hex) over the names, sizes and (decompressed) bytes of the files read */
  readonly contentHash: string;
  /** sha-256 (hex) over `contentHash` and `config`: equal fingerprints mean equal arrays */
  readonly fingerprint: string;
  /** the resolved options that shaped the arrays (split, sizes, standardization, seed) */
  readonly config: Readonly<Record<string, string | number | boolean>>;
}
