import seedrandom from "seedrandom";

/**
 * The only source of randomness in the project: a seeded generator (seedrandom's Alea, fast and
 * well-distributed). Same seed, same numbers, on every machine. `Math.random` is never used.
 */
export interface Rng {
  /** uniform on [0, 1) */
  uniform(): number;
  /** standard normal N(0, 1) (Box–Muller, both variates used) */
  normal(): number;
  /** uniform integer on 0 … n-1 */
  int(n: number): number;
  /** a fresh Fisher–Yates permutation of 0 … n-1 */
  permutation(n: number): Int32Array;
  /** the generator's seed as given */
  readonly seed: string;
}

/** A generator seeded with `seed` (a number or string; numbers are stringified). */
export function createRng(seed: number | string): Rng {
  const s = String(seed);
  const next = seedrandom.alea(s);
  let spare: number | undefined;
  const uniform = (): number => next();
  return {
    seed: s,
    uniform,
    normal(): number {
      if (spare !== undefined) {
        const v = spare;
        spare = undefined;
        return v;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number): number {
      return Math.floor(uniform() * n);
    },
    permutation(n: number): Int32Array {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      return p;
    },
  };
}

/**
 * A child generator for a named purpose ("init", "shuffle", "dropout", "noise"), derived from a
 * parent seed, so that adding e.g. dropout does not change the initial weights of a run.
 */
export function deriveRng(seed: number | string, purpose: string): Rng {
  return createRng(`${seed}/${purpose}`);
}
