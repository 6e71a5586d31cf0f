import * as path from "path";
import { ByteDecoding, ElementOps, GemmKernel, OperandB } from "./kernel";
import { tsBlockedKernel } from "./kernel-ts";

/**
 * Choosing the matrix kernel: the native addon (native/, built by `npm install` or
 * `npm run build:native`) when it loads, else the TypeScript kernel with a one-line notice.
 * NNBOOK_KERNEL=ts|native forces a choice; NNBOOK_KERNEL_THREADS=2 lets the native kernel split
 * large products over two threads.
 */

/** A function taking a variant's index before the arguments of `F`. */
type WithVariant<F extends (...args: never[]) => unknown> = (variant: number, ...args: Parameters<F>) => ReturnType<F>;

/** What the compiled addon exports (see native/src/addon.cc). */
export interface NativeAddon {
  /** Names of the variants this CPU runs, fastest first ("avx512", "avx2", "generic", …). */
  variants(): string[];
  gemm(
    variant: number,
    threads: number,
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
    bCols?: Int32Array | null,
    scale?: Float64Array,
    shift?: Float64Array,
  ): void;
  /**
   * the element-wise passes (see `ElementOps`), compiled per variant: the variant's index first,
   * then the arguments of the `ElementOps` method (absent from addons built before them)
   */
  biasBnRelu?: WithVariant<ElementOps["biasBnRelu"]>;
  bnRowStats?: WithVariant<ElementOps["bnRowStats"]>;
  bnNormalize?: WithVariant<ElementOps["bnNormalize"]>;
  bnReluBackward?: WithVariant<ElementOps["bnReluBackward"]>;
  softmax?: WithVariant<ElementOps["softmax"]>;
  exp?: WithVariant<ElementOps["exp"]>;
}

/** Options of `createNativeKernel`. */
export interface NativeKernelOptions {
  /** a name from `addon.variants()`; defaults to the fastest ("avx2-w8" is for tests only) */
  readonly variant?: string;
  /** 1 (default) or 2: split products of ≥ 2^20 multiply-adds over two threads */
  readonly threads?: 1 | 2;
}

/** Where the addon is built: native/build/Release/nnbook_gemm.node at the package root. */
export const NATIVE_ADDON_PATH = path.resolve(__dirname, "..", "..", "native", "build", "Release", "nnbook_gemm.node");

let cachedAddon: NativeAddon | undefined;

/** Loads the compiled addon (once); throws with the loader's reason when it is missing or broken. */
export function loadNativeAddon(file: string = NATIVE_ADDON_PATH): NativeAddon {
  if (file === NATIVE_ADDON_PATH && cachedAddon) return cachedAddon;
  const addon = require(file) as NativeAddon;
  if (typeof addon.gemm !== "function" || typeof addon.variants !== "function") {
    throw new Error(`${file} is not the nnbook gemm addon (no gemm/variants exports)`);
  }
  if (file === NATIVE_ADDON_PATH) cachedAddon = addon;
  return addon;
}

/** A `GemmKernel` backed by the addon; its name is e.g. "native-avx2" or "native-avx2-2t". */
export function createNativeKernel(options: NativeKernelOptions = {}, addon: NativeAddon = loadNativeAddon()): GemmKernel {
  const variants = addon.variants();
  const variant = options.variant ?? variants[0];
  const index = variants.indexOf(variant);
  if (index < 0) {
    throw new Error(`createNativeKernel: variant "${variant}" is not available on this CPU (have: ${variants.join(", ")})`);
  }
  const threads = options.threads ?? 1;
  if (threads !== 1 && threads !== 2) throw new RangeError(`createNativeKernel: threads must be 1 or 2, got ${threads}`);
  const gemm = addon.gemm;
  const { biasBnRelu, bnRowStats, bnNormalize, bnReluBackward, softmax, exp } = addon;
  const elementOps: ElementOps | undefined =
    biasBnRelu && bnRowStats && bnNormalize && bnReluBackward && softmax && exp
      ? {
          biasBnRelu: (S, m, n, bias, mu, inv, gamma, beta) => biasBnRelu(index, S, m, n, bias, mu, inv, gamma, beta),
          bnRowStats: (S, m, n, mu, v) => bnRowStats(index, S, m, n, mu, v),
          bnNormalize: (S, m, n, mu, inv, gamma, beta, SHat, out, H) => bnNormalize(index, S, m, n, mu, inv, gamma, beta, SHat, out, H),
          bnReluBackward: (A, dOut, SHat, gamma, inv, m, n, dS, dGamma, dBeta) => bnReluBackward(index, A, dOut, SHat, gamma, inv, m, n, dS, dGamma, dBeta),
          softmax: (S, m, n, P) => softmax(index, S, m, n, P),
          exp: (X, m, n, Y) => exp(index, X, m, n, Y),
        }
      : undefined;
  return {
    name: `native-${variant}${threads === 2 ? "-2t" : ""}`,
    elementOps,
    gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, bCols, decode?: ByteDecoding) {
      if (decode) gemm(index, threads, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, bCols ?? null, decode.scale, decode.shift);
      else if (bCols) gemm(index, threads, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, bCols);
      else gemm(index, threads, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
    },
  };
}

/** How `selectKernel` decides. */
export interface KernelSelection {
  /** "auto" (default): native if it loads, else TypeScript with a notice; "ts"; "native" (throws if unavailable) */
  readonly choice?: string;
  readonly threads?: 1 | 2;
  /** builds the native kernel (injectable so tests can simulate a load failure) */
  readonly loadNative?: (options: NativeKernelOptions) => GemmKernel;
  /** receives the one-line notice when falling back (default: stderr) */
  readonly notify?: (line: string) => void;
}

/** Picks the kernel as described in `KernelSelection`. */
export function selectKernel(selection: KernelSelection = {}): GemmKernel {
  const choice = selection.choice ?? "auto";
  const loadNative = selection.loadNative ?? ((options: NativeKernelOptions) => createNativeKernel(options));
  const notify = selection.notify ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (choice === "ts") return tsBlockedKernel;
  if (choice !== "native" && choice !== "auto") {
    throw new Error(`NNBOOK_KERNEL must be "ts", "native" or "auto", got "${choice}"`);
  }
  try {
    return loadNative({ threads: selection.threads ?? 1 });
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    if (choice === "native") throw new Error(`NNBOOK_KERNEL=native but the native kernel failed to load: ${reason}`);
    notify(`nnbook: native matrix kernel unavailable (${reason}); using the TypeScript kernel ts-blocked (npm run build:native builds it)`);
    return tsBlockedKernel;
  }
}

/** The default kernel, from the environment: NNBOOK_KERNEL (ts | native | auto) and NNBOOK_KERNEL_THREADS (1 | 2). */
export function defaultKernel(env: NodeJS.ProcessEnv = process.env): GemmKernel {
  const threadsText = env.NNBOOK_KERNEL_THREADS ?? "1";
  if (threadsText !== "1" && threadsText !== "2") {
    throw new Error(`NNBOOK_KERNEL_THREADS must be 1 or 2, got "${threadsText}"`);
  }
  return selectKernel({ choice: env.NNBOOK_KERNEL || "auto", threads: threadsText === "2" ? 2 : 1 });
}

/**
 * Every kernel this machine offers: the TypeScript kernel, then each native variant the CPU runs
 * (test-only ones included) on one and on two threads. Without the addon, the TypeScript kernel alone.
 */
export function availableKernels(addon?: NativeAddon): GemmKernel[] {
  let loaded: NativeAddon;
  try {
    loaded = addon ?? loadNativeAddon();
  } catch {
    return [tsBlockedKernel];
  }
  const natives = loaded.variants().flatMap((variant) => ([1, 2] as const).map((threads) => createNativeKernel({ variant, threads }, loaded)));
  return [tsBlockedKernel, ...natives];
}
