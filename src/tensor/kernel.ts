/**
 * The one interface every matrix product goes through.
 *
 * A kernel computes C ← alpha·op(A)·op(B) + beta·C on column-major Float64Arrays, BLAS style:
 * op(A) is m × k, op(B) is k × n, C is m × n; `transA` means A is stored k × m and used
 * transposed (likewise `transB`); lda/ldb/ldc are the leading dimensions (the stored row counts).
 * When beta is 0, C's previous contents are ignored (NaN in C does not leak through).
 * With `bCols`, B's stored column c is column bCols[c] of the array B (leading dimension ldb):
 * a mini-batch of a data set's columns is multiplied without being copied out first.
 *
 * The reference kernel (TypeScript, cache-blocked) is always available; a faster one (native
 * addon) can be installed with `setKernel` without any layer noticing.
 */
export interface GemmKernel {
  /** A short name shown in benchmarks and report footers, e.g. "ts-blocked" or "native-avx2". */
  readonly name: string;
  gemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    alpha: number,
    A: Float64Array,
    lda: number,
    B: Float64Array,
    ldb: number,
    beta: number,
    C: Float64Array,
    ldc: number,
    bCols?: Int32Array,
  ): void;
}

let current: GemmKernel | undefined;
let defaultFactory: (() => GemmKernel) | undefined;

/** Registers how the default kernel is chosen (called once by the kernel selection module). */
export function setDefaultKernelFactory(factory: () => GemmKernel): void {
  defaultFactory = factory;
}

/** The kernel in use. */
export function getKernel(): GemmKernel {
  if (!current) {
    if (!defaultFactory) throw new Error("no matrix kernel registered (import src/tensor/index)");
    current = defaultFactory();
  }
  return current;
}

/** Replaces the kernel in use; returns the previous one (so tests can restore it). */
export function setKernel(kernel: GemmKernel): GemmKernel | undefined {
  const previous = current;
  current = kernel;
  return previous;
}
