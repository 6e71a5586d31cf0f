import { strict as assert } from "assert";
import { Worker } from "worker_threads";
import {
  NativeAddon,
  NATIVE_ADDON_PATH,
  createNativeKernel,
  loadNativeAddon,
  naiveKernel,
  tsBlockedKernel,
  createRng,
  fromData,
  getKernel,
  matmul,
  setKernel,
} from "../../src";
import { checkKernelsAgainstNaive } from "./gemm-check";

// Shapes that cross every cache block of every variant (MC ≤ 144 rows, KC = 256 or 512, NC ≤ 4096
// columns, the narrower column blocks of a split depth) and reach the two-thread split (≥ 2^20
// multiply-adds) along m (m > n) and along n; [150, 700, 520]: several row, column and depth blocks.
// [50, 100, 1100]: a mini-batch product deep enough for the two-thread depth pipeline (each thread
// one half of the depth, the second continuing the first one's sums, panel by panel).
// Last row tiles of fewer rows than a vector run with vectors across columns, over split depth:
// below a full tile, together with it when they are few (tileWithRows: [50, 100, 1100] 2 rows,
// [49, 13, 1030] 1, [27, 40, 1100] 3 in the depth pipeline; 1 row of a generic tile in [49, …],
// [29, …], [9, …]), else on their own (rowTile: [31, 16, 530] 7 rows, [29, 300, 150] 5, and with
// no tile above them [3, 24, 600] 3 rows, [1, 9, 300] 1, also of a generic tile).
const BLOCK_SHAPES: [number, number, number][] = [
  [50, 100, 1100],
  [49, 13, 1030],
  [31, 16, 530],
  [27, 40, 1100],
  [3, 24, 600],
  [1, 9, 300],
  [400, 30, 90],
  [37, 29, 600],
  [29, 300, 150],
  [9, 4100, 3],
  [150, 700, 520],
];

/** The addon, or a failure that explains how to build it (or to opt out with NNBOOK_KERNEL=ts). */
function requireAddon(ctx: Mocha.Context): NativeAddon {
  try {
    return loadNativeAddon();
  } catch (err) {
    if (process.env.NNBOOK_KERNEL === "ts") ctx.skip();
    throw new Error(
      `native addon not loadable (${(err as Error).message.split("\n")[0]}); run \`npm run build:native\`, or set NNBOOK_KERNEL=ts to test without it`,
    );
  }
}

function randomArray(length: number, seed: string): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

describe("tensor/kernel-native", function () {
  let addon: NativeAddon;
  before(function () {
    addon = requireAddon(this);
  });

  it("lists the generic variant on every machine, fastest variants first", () => {
    const variants = addon.variants();
    assert.ok(variants.includes("generic"), `variants: ${variants.join(", ")}`);
    const wide = variants.indexOf("avx2-w8");
    if (wide >= 0) assert.equal(wide, variants.length - 1, "the test-only variant comes last");
    assert.match(createNativeKernel({}, addon).name, /^native-/);
  });

  it("every variant gives the naive oracle's bits, on one and on two threads", () => {
    const kernels = addon.variants().flatMap((variant) => [1, 2].map((threads) => createNativeKernel({ variant, threads: threads as 1 | 2 }, addon)));
    checkKernelsAgainstNaive(kernels);
    checkKernelsAgainstNaive(kernels, BLOCK_SHAPES, 3);
  });

  it("beta = 0 ignores NaN in C, also when alpha = 0 or k = 0; alpha = 0 scales C by beta", () => {
    const kernel = createNativeKernel({}, addon);
    const A = new Float64Array([1, 2]);
    const C = new Float64Array([NaN, NaN]);
    kernel.gemm(false, false, 2, 1, 1, 1, A, 2, new Float64Array([3]), 1, 0, C, 2);
    assert.deepEqual(Array.from(C), [3, 6]);
    C.fill(NaN);
    kernel.gemm(false, false, 2, 1, 1, 0, A, 2, new Float64Array([3]), 1, 0, C, 2);
    assert.deepEqual(Array.from(C), [0, 0]);
    C.fill(NaN);
    kernel.gemm(false, false, 2, 1, 0, 1, new Float64Array(0), 2, new Float64Array(0), 1, 0, C, 2);
    assert.deepEqual(Array.from(C), [0, 0]);
    const D = new Float64Array([4, -6]);
    kernel.gemm(true, true, 2, 1, 1, 0, A, 1, new Float64Array([3]), 1, 0.5, D, 2);
    assert.deepEqual(Array.from(D), [4 * 0.5, -6 * 0.5]);
  });

  it("reads and writes through subarray views at their offsets", () => {
    const kernel = createNativeKernel({}, addon);
    const [m, n, k] = [9, 7, 11];
    const A = randomArray(m * k + 5, "view-A").subarray(5);
    const B = randomArray(k * n + 3, "view-B").subarray(3);
    const bigC = randomArray(m * n + 8, "view-C");
    const want = bigC.slice(4, 4 + m * n);
    naiveKernel.gemm(false, false, m, n, k, 1, A, m, B, k, 0, want, m);
    kernel.gemm(false, false, m, n, k, 1, A, m, B, k, 0, bigC.subarray(4, 4 + m * n), m);
    assert.deepEqual(Array.from(bigC.subarray(4, 4 + m * n)), Array.from(want));
    const untouched = randomArray(m * n + 8, "view-C");
    for (const i of [0, 1, 2, 3, 4 + m * n, 5 + m * n]) assert.equal(bigC[i], untouched[i], `entry ${i} outside the view`);
  });

  it("rejects arguments that would read or write outside the arrays, naming them", () => {
    const kernel = createNativeKernel({}, addon);
    const a6 = new Float64Array(6);
    const c4 = new Float64Array(4);
    assert.throws(() => kernel.gemm(false, false, 2, 2, 3, 1, new Float64Array(5), 2, a6, 3, 0, c4, 2), /A has 5 elements/);
    assert.throws(() => kernel.gemm(false, false, 2, 2, 3, 1, a6, 2, a6, 3, 0, new Float64Array(3), 2), /C has 3 elements/);
    assert.throws(() => kernel.gemm(false, true, 2, 2, 3, 1, a6, 2, a6, 1, 0, c4, 2), /ldB = 1 is less than the 2 stored rows of B/);
    assert.throws(() => kernel.gemm(false, false, 2, 2, 3, 1, a6, 2, new Float32Array(6) as unknown as Float64Array, 3, 0, c4, 2), /B must be a Float64Array/);
    assert.throws(() => kernel.gemm(false, false, 2.5, 2, 3, 1, a6, 2, a6, 3, 0, c4, 2), /m must be an integer/);
    assert.throws(() => addon.gemm(99, 1, false, false, 1, 1, 1, 1, a6, 1, a6, 1, 0, c4, 1), /variant 99 is not supported/);
    assert.throws(() => createNativeKernel({ variant: "no-such-isa" }, addon), /not available on this CPU/);
  });

  it("loads and computes inside a worker thread too", async () => {
    const code = `
      const { parentPort, workerData } = require("worker_threads");
      const addon = require(workerData.path);
      const A = new Float64Array([1, 2, 3, 4, 5, 6]);   // 2 × 3
      const B = new Float64Array([1, 0, -1, 2, 1, 0]);  // 3 × 2
      const C = new Float64Array(4);
      addon.gemm(0, 2, false, false, 2, 2, 3, 1, A, 2, B, 3, 0, C, 2);
      parentPort.postMessage(Array.from(C));`;
    const got = await new Promise<number[]>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, workerData: { path: NATIVE_ADDON_PATH } });
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    // [1 3 5; 2 4 6]·[1 2; 0 1; -1 0] = [1−5, 2+3; 2−6, 4+4]
    assert.deepEqual(got, [1 - 5, 2 - 6, 2 + 3, 4 + 4]);
  });
});

describe("tensor/kernel-native: matmul under both kernels", () => {
  it("two threads asking for two-thread products at once: one gets the helper, the other runs alone; the same bits", async () => {
    // shapes of both two-thread schemes: split columns (100 × 300 × 300) and the depth pipeline
    // (50 × 100 × 1100); each worker runs each product many times while the other does the same
    const code = `
      const { parentPort, workerData } = require("worker_threads");
      const addon = require(workerData.path);
      const out = [];
      for (const [m, n, k] of workerData.shapes) {
        const A = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i) * 1e-3);
        const B = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i));
        const C = new Float64Array(m * n);
        for (let r = 0; r < 40; r++) addon.gemm(0, 2, false, false, m, n, k, 1, A, m, B, k, 0, C, m);
        out.push(Array.from(C));
      }
      parentPort.postMessage(out);`;
    const shapes = [
      [100, 300, 300],
      [50, 100, 1100],
    ];
    const runWorker = (): Promise<number[][]> =>
      new Promise((resolve, reject) => {
        const worker = new Worker(code, { eval: true, workerData: { path: NATIVE_ADDON_PATH, shapes } });
        worker.once("message", resolve);
        worker.once("error", reject);
      });
    const [first, second] = await Promise.all([runWorker(), runWorker()]);
    shapes.forEach(([m, n, k], s) => {
      const A = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i) * 1e-3);
      const B = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i));
      const want = new Float64Array(m * n);
      naiveKernel.gemm(false, false, m, n, k, 1, A, m, B, k, 0, want, m);
      for (const got of [first[s], second[s]])
        assert.ok(
          got.every((x, i) => Object.is(x, want[i])),
          `${m} × ${n} × ${k}: not the naive bits`,
        );
    });
  });

  it("matmul gives the naive product under the TypeScript and under the native kernel", function () {
    const native = createNativeKernel({}, requireAddon(this));
    const previous = setKernel(getKernel());
    const [m, n, k] = [23, 41, 300];
    try {
      for (const kernel of [tsBlockedKernel, native]) {
        setKernel(kernel);
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            const A = fromData(transA ? k : m, transA ? m : k, randomArray(m * k, "matmul-A"));
            const B = fromData(transB ? n : k, transB ? k : n, randomArray(k * n, "matmul-B"));
            const got = matmul(A, B, { transA, transB });
            const want = new Float64Array(m * n);
            naiveKernel.gemm(transA, transB, m, n, k, 1, A.data, A.rows, B.data, B.rows, 0, want, m);
            for (let i = 0; i < want.length; i++) {
              assert.ok(Object.is(got.data[i], want[i]), `${kernel.name} tA=${transA} tB=${transB}: entry ${i} ${got.data[i]} vs ${want[i]}`);
            }
          }
        }
      }
    } finally {
      if (previous) setKernel(previous);
    }
  });
});
