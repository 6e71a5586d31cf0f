/**
 * The arithmetic version: names the exact sequence of floating-point operations the engine
 * (src/tensor, layers, model, train and experiments/run) performs for a given config and data.
 *
 * Every matrix kernel (TypeScript, each native variant, 1 or 2 threads) computes each product
 * element with the same operations in the same order (see `naiveKernel`), and nothing else on the
 * training path depends on the kernel, the CPU or the order in which sweep workers finish — so a
 * run's result is the same bytes on every machine. The result cache keys on this version instead
 * of on the kernel or on the source text: editing a comment or switching kernels keeps the cache,
 * changing any result bit must bump it.
 *
 * Bump `ARITHMETIC_VERSION` whenever a change alters any number a run produces. The golden hashes
 * in test/experiments/arithmetic-version.test.ts pin the products and short trainings of this
 * version; they fail when the arithmetic changes, and are then updated together with the bump.
 *
 * History: 1 — fixed k-order, separate multiply and add (no FMA) in every kernel (2026-12).
 */
export const ARITHMETIC_VERSION = 1;

/** The engine's version string, part of every result-cache key and recorded in every result: `arith.<N>`. */
export function codeVersion(): string {
  return `arith.${ARITHMETIC_VERSION}`;
}
