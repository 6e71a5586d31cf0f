/**
 * The result blocks of a seed report as data: what was run and what was published, each with the
 * exact line(s) of the seed text it comes from (`quotes`, checked verbatim against the seed file
 * by test/courses/tdt4265-a2/seeds.test.ts, whitespace normalized). Nothing here is taken from an
 * issue: a setting the seed does not state is `null`, and our reading of it is a `note`.
 */

/** Which seed file (of ../shared/seeds) a block comes from. */
export type SeedId = "002" | "003";

/** The seed files, by id (names as in ../shared/seeds). */
export const SEED_FILES: Readonly<Record<SeedId, string>> = {
  "002": "002_9360d2f8bd0fe663.txt",
  "003": "003_81e37961bc8b8da5.txt",
};

/** The training setup a block states; `null` = the seed does not say. */
export interface BlockSetup {
  /** layer sizes as written, e.g. "784-64-10" */
  readonly network: string;
  readonly hidden: readonly number[];
  readonly batchSize: number | null;
  readonly learningRate: number | null;
  readonly epochs: number | null;
  readonly earlyStopping: boolean | null;
  /** the tricks in effect, in the seed's words (B, S, I, N, M for seed 003) */
  readonly tricks: readonly string[];
  readonly momentum?: number;
}

/** What a published number measures. */
export type PublishedQuantity = "accuracy" | "loss" | "parameters" | "pixelMean" | "pixelStd" | "steps" | "maxAbsDifference";

/** One published number, as printed in the seed. */
export interface PublishedValue {
  readonly quantity: PublishedQuantity;
  readonly split?: "train" | "validation" | "test";
  /** seed 003's tables: the epoch the triple was taken at */
  readonly epoch?: number;
  /** the value (accuracies in percent, as published) */
  readonly value: number;
  /** the number exactly as printed; it appears in one of the block's quotes */
  readonly text: string;
}

/** One result block of a seed: a table row, a stated number or a described experiment. */
export interface SeedBlock {
  /** unique, e.g. "002/task3/fanIn" */
  readonly id: string;
  readonly seed: SeedId;
  /** the seed's own heading, e.g. "Task 3 (a)" or "Table 0.1, row N" */
  readonly section: string;
  /** what was run, in one line */
  readonly title: string;
  readonly setup: BlockSetup;
  readonly published: readonly PublishedValue[];
  /** verbatim excerpts of the seed text (whitespace aside) that state the setup and the numbers */
  readonly quotes: readonly string[];
  /** our reading where the seed is ambiguous or silent */
  readonly notes?: readonly string[];
}

/** Shared by every course's seed data (see src/courses/seed-text.ts). */
export { blocksOf, normalizeWhitespace } from "../../seed-text";
