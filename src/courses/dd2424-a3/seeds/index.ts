// Re-exports of the DD2424 Assignment 3 seed blocks: seeds 000, 001 and 004 as quoted data.
export * from "./types";
export { parsePrinted, printedIn, valueAt } from "./printed";
export { SEED_000_BLOCKS } from "./000";
export { SEED_001_BLOCKS } from "./001";
export { SEED_004_BLOCKS } from "./004";
import { SEED_000_BLOCKS } from "./000";
import { SEED_001_BLOCKS } from "./001";
import { SEED_004_BLOCKS } from "./004";
import type { SeedBlock } from "./types";

/** Every result block of seeds 000, 001 and 004, seed by seed, each in its seed's order. */
export const DD2424_A3_BLOCKS: readonly SeedBlock[] = [...SEED_000_BLOCKS, ...SEED_001_BLOCKS, ...SEED_004_BLOCKS];
