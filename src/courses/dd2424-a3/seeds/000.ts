/**
 * Seed 000 (DD2424 Assignment 3, first report; ../shared/seeds/000_a84a5149afabbec5.txt): every
 * result block, in the seed's order of sections: 4 gradient tables, 20 parameter blocks, the
 * coarse and fine λ grids with their 10 rows, the 6 rows of the initialization summary table.
 */
import { SEED_000_RUNS } from "./000-runs";
import { SEED_000_GRADIENTS, SEED_000_INIT_TABLE, SEED_000_SEARCH } from "./000-tables";
import type { SeedBlock } from "./types";

const runs = (prefix: string): SeedBlock[] => SEED_000_RUNS.filter((b) => b.id.startsWith(`000/${prefix}`));

/** Every result block of seed 000 (42), in the order the seed presents them. */
export const SEED_000_BLOCKS: readonly SeedBlock[] = [
  SEED_000_GRADIENTS[0],
  ...runs("train/3-layer"),
  SEED_000_GRADIENTS[1],
  ...runs("train/9-layer"),
  SEED_000_GRADIENTS[2],
  ...runs("bn/3-layer"),
  SEED_000_GRADIENTS[3],
  ...runs("bn/9-layer"),
  ...SEED_000_SEARCH,
  ...runs("search/"),
  ...runs("init/"),
  ...SEED_000_INIT_TABLE,
  ...runs("optimize/"),
  ...runs("final"),
];
