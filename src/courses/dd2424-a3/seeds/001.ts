/**
 * Seed 001 (DD2424 Assignment 3, second report; ../shared/seeds/001_0442956c58b1d48a.txt): every
 * result block in the seed's order: 5 gradient checks, the A2 replication, 3- and 9-layer runs
 * without BN, the overfitting check, BN 3-layer, the coarse (grid + 8 rows) and fine (grid + best)
 * λ searches, the λ = 0.0041 runs, the 6 cells of the initialization table.
 */
import { SEED_001_RUNS } from "./001-runs";
import { SEED_001_SEARCH } from "./001-search";
import type { SeedBlock } from "./types";

/** Every result block of seed 001 (29), in the seed's order. */
export const SEED_001_BLOCKS: readonly SeedBlock[] = [...SEED_001_RUNS, ...SEED_001_SEARCH];
