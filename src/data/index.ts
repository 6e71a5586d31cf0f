// Re-exports of src/data: CIFAR-10 and MNIST loaders, splits, standardization, verified download.
export * from "./types";
export { oneHot, withOneHot, labeledSets } from "./one-hot";
export type { SplitArrays } from "./lazy-splits";
export { lazySplits, isMaterialized } from "./lazy-splits";
export { standardizationStats, applyStandardization, statsFromSums } from "./standardize";
export {
  CIFAR10_SHAPE,
  CIFAR10_D,
  CIFAR10_K,
  CIFAR10_RECORD,
  CIFAR10_LABEL_NAMES,
  CIFAR10_TRAIN_FILES,
  CIFAR10_TEST_FILE,
  parseCifarBatch,
} from "./cifar10-format";
export type { CifarSplit, Cifar10ReadOptions, Cifar10Options } from "./cifar10";
export { CIFAR10_ARCHIVE, CIFAR10_ARCHIVE_MD5, CIFAR10_BASE_URLS, cifar10FilesFor, cifar10FetchSpec, readCifar10, loadCifar10 } from "./cifar10";
export type { IdxArray } from "./idx-format";
export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, decodeIdx, readIdx } from "./idx-format";
export { MNIST_K, MNIST_FILES, MNIST_MD5, MNIST_GZ_MD5 } from "./mnist-format";
export type { MnistReadOptions, MnistOptions } from "./mnist";
export { MNIST_BASE_URLS, mnistFetchSpec, mnistPackageDir, readMnist, loadMnist } from "./mnist";
export type { DownloadOptions } from "./sources";
export type { RemoteFile, FetchSpec, FetchOptions } from "./fetch-files";
export { fetchInto } from "./fetch-files";
export type { DownloadFileOptions } from "./http-download";
export { downloadToFile } from "./http-download";
export { contentHash, dataFingerprint, md5Hex } from "./checksum";
