/**
 * Seed 004 (DD2424 Assignment 3 bonus; ../shared/seeds/004_f5e62385976974a9.txt): every result
 * block in the seed's order: BN after the activation (1.1), noise on the fly (1.2), architecture
 * search (1.3), hyperparameter search (1.4), leaky ReLU and ELU (Exercise 2).
 */
import { SEED_004_SETTINGS_RUNS } from "./004-bonus";
import { SEED_004_HYPER } from "./004-hyper";
import { SEED_004_ARCHITECTURES } from "./004-search";
import type { SeedBlock } from "./types";

const part = (prefix: string): SeedBlock[] => SEED_004_SETTINGS_RUNS.filter((b) => b.id.startsWith(`004/${prefix}`));

/** Every result block of seed 004 (54), in the seed's order. */
export const SEED_004_BLOCKS: readonly SeedBlock[] = [
  ...part("bn-after/"),
  ...part("noise/"),
  ...SEED_004_ARCHITECTURES,
  ...SEED_004_HYPER,
  ...part("leaky-relu/"),
  ...part("elu/"),
];
