/**
 * The one interface every matrix product goes through.
 *
 * A kernel computes C ← alpha·op(A)·op(B) + beta·C on column-major Float64Arrays, BLAS style:
 * op(A) is m × k, op(B) is k × n, C is m × n; `transA` means A is stored k × m and used
 * transposed (likewise `transB`); lda/ldb/ldc are the leading dimensions (the stored row counts).
 * When beta is 0, C's previous contents are ignored (NaN in C does not leak through).
 * With `bCols`, B's stored column c is column bCols[c] of the array B (leading dimension ldb):
 * a mini-batch of a data set's columns is multiplied without being copied out first.
 * With `decode`, B is a Uint8Array of bytes: element v of stored row r stands for the double
 * v·scale[r] + shift[r] (the product rounded, then the sum: no FMA), so a data set kept as bytes
 * (an eighth of the memory) is multiplied with the bits of its float64 form (see `byteMatrix`).
 *
 * The reference kernel (TypeScript, cache-blocked) is always available; a faster one (native
 * addon) can be installed with `setKernel` without any layer noticing.
 */
/** How a kernel reads a byte operand B (see `GemmKernel`): one scale and shift per stored row. */
export interface ByteDecoding {
  readonly scale: Float64Array;
  readonly shift: Float64Array;
}

/** B of `GemmKernel.gemm`: float64 values, or bytes decoded with a `ByteDecoding`. */
export type OperandB = Float64Array | Uint8Array;

/**
 * Element-wise passes a kernel may run natively (the TypeScript code runs them otherwise), each
 * with exactly the operations and bits of its TypeScript twin. Matrices are column-major m × n
 * Float64Arrays (one sample per column), per-row vectors have m values; outputs must not overlap
 * each other or the inputs unless noted.
 */
export interface ElementOps {
  /**
   * S ← max(γ·((S + b − μ)·inv) + β, 0) in place on the column-major m × n matrix S, one b, μ,
   * inv, γ, β per row (src/model/infer.ts); false if some S + b is NaN or ±∞.
   */
  biasBnRelu(S: Float64Array, m: number, n: number, bias: Float64Array, mu: Float64Array, inv: Float64Array, gamma: Float64Array, beta: Float64Array): boolean;
  /** BatchNorm's batch mean μ and biased variance v of each row, in two passes (src/layers/batchnorm-stats.ts); n ≥ 1 */
  bnRowStats(S: Float64Array, m: number, n: number, mu: Float64Array, v: Float64Array): void;
  /** SHat = (S − μ)·inv, out = γ·SHat + β and, unless H is null, H = max(out, 0) (src/layers/batchnorm.ts) */
  bnNormalize(
    S: Float64Array,
    m: number,
    n: number,
    mu: Float64Array,
    inv: Float64Array,
    gamma: Float64Array,
    beta: Float64Array,
    SHat: Float64Array,
    out: Float64Array,
    H: Float64Array | null,
  ): void;
  /**
   * The train-mode backward pass of BN then ReLU (src/layers/batchnorm-activation.ts): g = A > 0 ?
   * dOut : 0, dβ = Σ_j g, dγ = Σ_j g·SHat, dS = γ·inv·(g − dβ/n − SHat·dγ/n); dS may be dOut; n ≥ 1.
   */
  bnReluBackward(
    A: Float64Array,
    dOut: Float64Array,
    SHat: Float64Array,
    gamma: Float64Array,
    inv: Float64Array,
    m: number,
    n: number,
    dS: Float64Array,
    dGamma: Float64Array,
    dBeta: Float64Array,
  ): void;
  /**
   * P = the softmax of each column of the m × n matrix S (src/layers/softmax-ce.ts's `softmax`:
   * max, e = Math.exp(s − max), the sum in order, e·(1/sum)); P may be S.
   */
  softmax(S: Float64Array, m: number, n: number, P: Float64Array): void;
  /** Y = Math.exp(X) element by element, with Math.exp's bits (`jsExpVec` in native/src/element-ops-impl.h); Y may be X. */
  exp(X: Float64Array, m: number, n: number, Y: Float64Array): void;
}

export interface GemmKernel {
  /** A short name shown in benchmarks and report footers, e.g. "ts-blocked" or "native-avx2". */
  readonly name: string;
  /** native element-wise passes (the native kernels have them) */
  readonly elementOps?: ElementOps;
  gemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    alpha: number,
    A: Float64Array,
    lda: number,
    B: OperandB,
    ldb: number,
    beta: number,
    C: Float64Array,
    ldc: number,
    bCols?: Int32Array,
    decode?: ByteDecoding,
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

/**
 * Throws unless B and `decode` agree (bytes come with a decoding of at least `rows` values, a
 * float64 B without one), naming what is wrong.
 */
export function checkOperandB(B: OperandB, decode: ByteDecoding | undefined, rows: number): void {
  if (B instanceof Uint8Array) {
    if (!decode) throw new TypeError("gemm: B is a Uint8Array but no decoding (scale, shift) was given");
    if (decode.scale.length < rows || decode.shift.length < rows) {
      throw new RangeError(`gemm: scale and shift need one value per stored row of B (${rows}), got ${decode.scale.length} and ${decode.shift.length}`);
    }
  } else if (decode) {
    throw new TypeError("gemm: a decoding (scale, shift) was given but B is not a Uint8Array");
  }
}
