/**
 * The result blocks of the DD2424 Assignment 3 seed reports (000, 001: the base assignment; 004:
 * the bonus) as data: what was run, what was published, and the exact seed text each comes from.
 * `quotes` are checked verbatim (whitespace normalized) against ../shared/seeds by
 * test/courses/dd2424-a3/seeds.test.ts; every published number and every `stated` setting is
 * printed in a quote. Nothing here is taken from an issue: a setting the seed does not state is
 * `null` in `setup`, and each `reading` fills the nulls with one interpretation, saying why.
 */

/** Which seed file (of ../shared/seeds) a block comes from. */
export type SeedId = "000" | "001" | "004";

/** The seed files, by id (names as in ../shared/seeds). */
export const SEED_FILES: Readonly<Record<SeedId, string>> = {
  "000": "000_a84a5149afabbec5.txt",
  "001": "001_0442956c58b1d48a.txt",
  "004": "004_f5e62385976974a9.txt",
};

/** The learning-rate schedule of a run. */
export type EtaSetup =
  /** cyclical η between etaMin and etaMax, step size nS update steps, `cycles` full cycles */
  | { readonly kind: "cyclical"; readonly etaMin: number; readonly etaMax: number; readonly nS: number; readonly cycles: number }
  /** a fixed η for `epochs` epochs (seed 004; `null` epochs = not stated) */
  | { readonly kind: "constant"; readonly eta: number; readonly epochs: number | null };

/** Input noise added to every training batch; `null` levels are not stated by the seed. */
export type NoiseSetup =
  /** X + σ·N(0, 1); with `relative`, σ is a fraction of the batch's standard deviation */
  | { readonly kind: "gaussian"; readonly sigma: number | null; readonly relative: boolean }
  /** each entry set to the batch minimum or maximum with probability `fraction` */
  | { readonly kind: "saltPepper"; readonly fraction: number | null };

/** Weight initialization: He, or N(0, σ²) for every layer (the seeds' "initialization: 0.1"). */
export type InitSetup =
  { readonly kind: "he" } | { readonly kind: "xavier" } | { readonly kind: "fanIn" } | { readonly kind: "normal"; readonly sigma: number };

/** What a run block trains; `null` = the seed does not say (a reading fills it). */
export interface RunSetup {
  /** hidden widths, output layer (10) excluded */
  readonly hidden: readonly number[] | null;
  readonly batchNorm: "off" | "before" | "after" | null;
  readonly init: InitSetup | null;
  readonly activation: { readonly name: "relu" | "leakyRelu" | "elu"; readonly alpha?: number };
  readonly lambda: number | null;
  readonly eta: EtaSetup | null;
  readonly batchSize: number | null;
  /** reshuffle every epoch */
  readonly shuffle: boolean | null;
  /** drop probability on the hidden activations; 0 = none */
  readonly dropout: number;
  /** how dropout scales the kept units: "inverted" (default) or "none" (killed only, nothing rescaled) */
  readonly dropoutScaling?: "inverted" | "none";
  readonly noise: NoiseSetup | null | "none";
  /** training images: 45,000 (batches 1–5 minus 5,000 validation), 10,000 (data_batch_1), 100 … */
  readonly trainSize: number | null;
  /** seed 001's moving-average weight α of the BN statistics */
  readonly bnAlpha?: number;
  /** epochs the seed prints beside a cyclical schedule (n_epochs; the cycles fix the length) */
  readonly epochs?: number;
}

/**
 * One interpretation of a block: values for the setup's nulls (or a changed field), and why. The
 * first reading of a block ("seed") fills what the seed leaves unsaid; every other reading is
 * applied on top of it (so it names only what it changes).
 */
export interface Reading {
  /** "seed" for the block's only reading; short ids otherwise */
  readonly id: string;
  readonly fill: Partial<RunSetup>;
  readonly why: string;
}

/** The setup of a gradient check. */
export interface GradCheckSetup {
  /** layers, output included (a "3-layer network" has 2 hidden layers) */
  readonly layers: number;
  /** hidden widths; `null` = not stated */
  readonly hidden: readonly number[] | null;
  readonly batchNorm: boolean;
  /** input dimensions kept (`null` = all 3072 / not stated) */
  readonly inputSize: number | null;
  readonly samples: number | null;
  readonly tolerance: number | null;
  readonly toleranceKind: "relative" | "absolute (numpy allclose atol)";
}

/** What a published number measures. */
export type PublishedQuantity =
  | "accuracy"
  | "untrainedAccuracy"
  | "cost"
  | "meanTop5ValidationAccuracy"
  | "relativeErrorW"
  | "relativeErrorGamma"
  | "relativeErrorB"
  | "relativeErrorBeta"
  | "lambda"
  | "eta"
  /** seed 001's overfitting check: epochs until the training loss is practically zero */
  | "epochsToZeroLoss";

/** One published number, as printed in the seed. */
export interface PublishedValue {
  readonly quantity: PublishedQuantity;
  readonly split?: "train" | "validation" | "test";
  /** the layer (1-based) of a gradient-check row */
  readonly layer?: number;
  /** the value; accuracies in percent */
  readonly value: number;
  /** the number exactly as printed; it appears in one of the block's quotes */
  readonly text: string;
  /** printed as a fraction of 1 (seed 001's file names: "te-acc0.5245" = 52.45 %) */
  readonly fraction?: boolean;
}

/**
 * A configuration value the seed prints: `field` of the setup (dotted path) equals parse(`text`);
 * for `batchNorm` the printed boolean says whether BN is on (placement "before" unless stated).
 */
export interface StatedValue {
  readonly field: string;
  readonly text: string;
}

/** A searched range as the seed gives it: ends, and a count or a step where stated. */
export interface GridRange {
  readonly from: number;
  readonly to: number;
  readonly count?: number;
  readonly step?: number;
  readonly spacing: "linear" | "log";
}

/**
 * The kinds of result block: a training run (parameter block, table row, listed run), a gradient
 * check, a search grid (values searched, no numbers of its own), a claim (no setting to run).
 */
export type BlockKind = "run" | "gradientCheck" | "searchGrid" | "claim";

/** One result block of a seed: a parameter block, a table row, a listed run, a gradient table … */
export interface SeedBlock {
  /** unique, starts with the seed id, e.g. "000/train/3-layer" */
  readonly id: string;
  readonly seed: SeedId;
  /** the seed's own heading (and table), e.g. "Parameter search, coarse table" */
  readonly section: string;
  readonly kind: BlockKind;
  /** what was run, in one line */
  readonly title: string;
  /** run blocks: what was trained (nulls where the seed is silent) */
  readonly setup?: RunSetup;
  /** run blocks: ≥ 1 interpretation; the first is our default */
  readonly readings?: readonly Reading[];
  readonly gradientCheck?: GradCheckSetup;
  /** search grids (and searched runs): the values searched, by name ("lambda", "eta", "third" …) */
  readonly grid?: { readonly [name: string]: readonly number[] | GridRange };
  readonly published: readonly PublishedValue[];
  /** configuration values printed in the quotes, checked against `setup` */
  readonly stated: readonly StatedValue[];
  /** verbatim excerpts of the seed text (whitespace aside) */
  readonly quotes: readonly string[];
  /** ambiguities, inconsistencies and our readings */
  readonly notes?: readonly string[];
}

/** Shared by every course's seed data (see src/courses/seed-text.ts). */
export { blocksOf, normalizeWhitespace } from "../../seed-text";
