import { strict as assert } from "assert";
import { createHash } from "crypto";
import { GemmKernel, availableKernels, createRng, getKernel, naiveKernel } from "../../src";

/**
 * "Any machine, any kernel, any thread count → the same bytes": every kernel this machine offers
 * (the TypeScript kernel, each native variant on one and two threads) hashes to one value over a
 * set of products, and that value is the committed one — so the second `npm test` pass
 * (NNBOOK_KERNEL=ts), a machine without the addon, and CI on another CPU check the same bits.
 */

// Odd shapes, a product of every MLP kind, shapes crossing every cache block of every variant
// (rows MC ≤ 144, depth KC = 256 or 512, columns NC ≤ 4096 and the narrower blocks of a split depth) and
// the two-thread split (≥ 2^20 multiply-adds).
const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [7, 5, 3],
  [13, 17, 19],
  [25, 9, 257],
  [25, 9, 1030],
  [50, 100, 300],
  [300, 100, 50],
  [50, 300, 100],
  [150, 700, 300],
  [9, 4100, 3],
  [33, 1000, 300],
];
const SCALINGS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-0.7, 1],
  [1.3, -0.4],
];

/** The committed hash of `productsHash` (arithmetic version 1: sequential k-order, no FMA). */
const PRODUCTS_HASH = "da1ac59185464dd8";

/** SHA-256 (16 hex) over C of every shape × transpose pair × (alpha, beta) under `kernel`. */
function productsHash(kernel: GemmKernel): string {
  const h = createHash("sha256");
  for (const [m, n, k] of SHAPES) {
    const rng = createRng(`agreement-${m}-${n}-${k}`);
    const A = Float64Array.from({ length: m * k }, () => rng.normal());
    const B = Float64Array.from({ length: k * n }, () => rng.normal());
    const C0 = Float64Array.from({ length: m * n }, () => rng.normal());
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const [alpha, beta] of SCALINGS) {
          const C = C0.slice();
          kernel.gemm(transA, transB, m, n, k, alpha, A, transA ? k : m, B, transB ? n : k, beta, C, m);
          h.update(new Uint8Array(C.buffer));
        }
      }
    }
  }
  return h.digest("hex").slice(0, 16);
}

describe("tensor/kernel-agreement", function () {
  this.timeout(120000);

  it("the naive specification hashes to the committed value", () => {
    assert.equal(productsHash(naiveKernel), PRODUCTS_HASH);
  });

  it("every kernel this machine offers, on one and two threads, gives the same bytes", () => {
    const kernels = availableKernels();
    const rows = kernels.map((k) => `${k.name}: ${productsHash(k)}`);
    const distinct = new Set(rows.map((r) => r.split(": ")[1]));
    assert.deepEqual([...distinct], [PRODUCTS_HASH], rows.join("\n"));
  });

  it("the kernel in use (native by default, NNBOOK_KERNEL=ts in the second pass) gives the same bytes", () => {
    assert.equal(productsHash(getKernel()), PRODUCTS_HASH, getKernel().name);
  });
});
