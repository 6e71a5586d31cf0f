// Re-exports of the TDT4265 A2 seed blocks: seeds 002 (2022) and 003 (2019) as quoted data.
export * from "./types";
export { SEED_002_BLOCKS } from "./002";
export { SEED_003_BLOCKS, SEED_003_TABLE_EPOCHS } from "./003";
import { SEED_002_BLOCKS } from "./002";
import { SEED_003_BLOCKS } from "./003";
import type { SeedBlock } from "./types";

/** Every result block of seeds 002 and 003, seed 002 first, each in its seed's order. */
export const TDT4265_A2_BLOCKS: readonly SeedBlock[] = [...SEED_002_BLOCKS, ...SEED_003_BLOCKS];
