import { GemmKernel } from "./kernel";
import { createRng } from "./random";

/** One product to time: op(A) is m × k, op(B) is k × n. */
export interface GemmShape {
  readonly label: string;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
}

/** One timed product: best time per call over the repeats and the GFLOP/s (2·m·n·k flops) it means. */
export interface GemmBenchRow {
  readonly kernel: string;
  readonly shape: string;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly seconds: number;
  readonly gflops: number;
}

/**
 * The products of one MLP step on CIFAR-10 batches of 100 (d = 3072, first hidden layer 50):
 * forward W·X, the weight gradient G·Xᵀ, the input gradient Wᵀ·G, and the issue's
 * (100 × 3072)·(3072 × 50).
 */
export const MLP_GEMM_SHAPES: readonly GemmShape[] = [
  { label: "W·X (50×3072)·(3072×100)", m: 50, n: 100, k: 3072, transA: false, transB: false },
  { label: "G·Xᵀ (50×100)·(100×3072)", m: 50, n: 3072, k: 100, transA: false, transB: true },
  { label: "Wᵀ·G (3072×50)·(50×100)", m: 3072, n: 100, k: 50, transA: true, transB: false },
  { label: "(100×3072)·(3072×50)", m: 100, n: 50, k: 3072, transA: false, transB: false },
];

function nowSeconds(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** Seconds per call of `kernel` on `shape`: the best of `repeats` timings of ≥ minSeconds each. */
function timeShape(kernel: GemmKernel, shape: GemmShape, repeats: number, minSeconds: number): number {
  const { m, n, k, transA, transB } = shape;
  const rng = createRng(`bench-gemm-${m}-${n}-${k}`);
  const A = Float64Array.from({ length: m * k }, () => rng.normal());
  const B = Float64Array.from({ length: k * n }, () => rng.normal());
  const C = new Float64Array(m * n);
  const lda = Math.max(1, transA ? k : m);
  const ldb = Math.max(1, transB ? n : k);
  const call = (): void => kernel.gemm(transA, transB, m, n, k, 1, A, lda, B, ldb, 0, C, Math.max(1, m));
  const timeCalls = (calls: number): number => {
    const start = nowSeconds();
    for (let i = 0; i < calls; i++) call();
    return nowSeconds() - start;
  };
  call(); // warm-up: buffers, caches, JIT
  let calls = 1;
  while (timeCalls(calls) < minSeconds) calls *= 2;
  let best = Infinity;
  for (let r = 0; r < repeats; r++) best = Math.min(best, timeCalls(calls) / calls);
  return best;
}

/**
 * Times `kernel` on each shape and returns one row per shape: the best of `repeats` short timings
 * (each at least `minSeconds` long), so that a busy machine still shows what the kernel can do.
 * Inputs are seeded normal values; C is overwritten (beta = 0).
 */
export function benchGemm(kernel: GemmKernel, shapes: readonly GemmShape[] = MLP_GEMM_SHAPES, repeats = 40, minSeconds = 0.003): GemmBenchRow[] {
  if (!(repeats >= 1)) throw new RangeError(`benchGemm: repeats must be ≥ 1, got ${repeats}`);
  return shapes.map((shape) => {
    const seconds = timeShape(kernel, shape, repeats, minSeconds);
    const { m, n, k, transA, transB } = shape;
    return { kernel: kernel.name, shape: shape.label, m, n, k, transA, transB, seconds, gflops: (2 * m * n * k) / seconds / 1e9 };
  });
}
