/**
 * Seed 004 (DD2424 Assignment 3 bonus, ../shared/seeds/004_f5e62385976974a9.txt) states, per
 * experiment, only the (η, λ) pair, the activation, BN placement (1.1), noise (1.2, 1.3), widths
 * (1.3) and "10 epochs" (1.4's retraining). Everything else is open; the "seed" reading fills it
 * with OUR choices (listed in its `why`), and a second reading runs η as the peak of one cyclical
 * cycle instead of a constant, since the seed never says which schedule its single η drives.
 */
import type { PublishedValue, Reading, RunSetup, SeedBlock, StatedValue } from "./types";

/** Nothing stated: every field a block does not set stays open. */
export const BONUS_OPEN: RunSetup = {
  hidden: null,
  batchNorm: null,
  init: null,
  activation: { name: "relu" },
  lambda: null,
  eta: null,
  batchSize: null,
  shuffle: null,
  dropout: 0,
  noise: "none",
  trainSize: null,
};

/** The three (η, λ) settings of sections 1.1 and 1.2 ("the 3 best found pairs" of the compulsory part). */
export const SETTINGS: readonly { readonly eta: number; readonly lambda: number; readonly etaText: string; readonly lambdaText: string }[] = [
  { eta: 0.034875895633392565, lambda: 1e-5, etaText: "0.034875895633392565", lambdaText: "10^{-5}" },
  { eta: 0.007986719995840757, lambda: 1e-6, etaText: "0.007986719995840757", lambdaText: "10^{-6}" },
  { eta: 0.012913581489067944, lambda: 1e-5, etaText: "0.012913581489067944", lambdaText: "10^{-5}" },
];

/** A published test accuracy as printed ("43.34%" or the architecture list's bare "51.0"). */
export function testAcc(text: string): PublishedValue {
  return { quantity: "accuracy", split: "test", value: Number(text.replace(/%$/, "")), text };
}

/** The "seed" reading: OUR values for every open field, named in `why`. */
function seedReading(s: RunSetup, eta: number): Reading {
  const ours: [keyof RunSetup, unknown, string][] = [
    ["hidden", [50, 50], "widths (50, 50), the assignment's 3-layer network"],
    ["batchNorm", "before", "BN before the activation, the compulsory part's"],
    ["init", { kind: "he" }, "He initialization"],
    ["batchSize", 100, "batch 100"],
    ["shuffle", true, "shuffling every epoch"],
    ["trainSize", 45000, "45,000 training images"],
  ];
  const open = ours.filter(([k]) => s[k] === null);
  const fill: Record<string, unknown> = Object.fromEntries(open.map(([k, v]) => [k, v]));
  const epochsOpen = s.eta?.kind === "constant" && s.eta.epochs === null;
  if (epochsOpen) fill.eta = { kind: "constant", eta, epochs: 10 };
  const noiseOpen = s.noise !== "none" && s.noise !== null && s.noise.kind === "gaussian" && s.noise.sigma === null;
  if (noiseOpen) fill.noise = { kind: "gaussian", sigma: 0.1, relative: true };
  const why = [
    ...open.map(([, , w]) => w),
    ...(epochsOpen ? ["10 epochs (stated only for 1.4's retraining)"] : []),
    ...(noiseOpen ? ["noise σ = 0.1 × the batch's standard deviation (the percentage is not stated)"] : []),
  ];
  return {
    id: "seed",
    fill: fill as Partial<RunSetup>,
    why: why.length ? `OUR choices, the seed does not state them: ${why.join("; ")}` : "every setting stated",
  };
}

/** The second reading: η as the peak of one cycle (η_min = 1e-5, n_s = 2,250: 10 epochs of 450 updates). */
function cyclicalReading(eta: number): Reading {
  return {
    id: "cyclical",
    fill: { eta: { kind: "cyclical", etaMin: 1e-5, etaMax: eta, nS: 2250, cycles: 1 } },
    why: "η read as η_max of the assignment's cyclical schedule (one cycle = 10 epochs), not a constant",
  };
}

/** What a seed-004 run block states. */
export interface BonusRun {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly eta: number;
  readonly lambda: number;
  /** stated fields besides η and λ (widths, BN placement, noise, activation, epochs …) */
  readonly setup?: Partial<RunSetup>;
  readonly epochs?: number;
  readonly published: readonly PublishedValue[];
  readonly stated: readonly StatedValue[];
  readonly quotes: readonly string[];
  readonly notes?: readonly string[];
  readonly readings?: readonly Reading[];
  readonly grid?: SeedBlock["grid"];
}

/** A seed-004 run block: the stated fields, the "seed" and "cyclical" readings, then any others. */
export function bonusRun(r: BonusRun): SeedBlock {
  const setup: RunSetup = { ...BONUS_OPEN, lambda: r.lambda, eta: { kind: "constant", eta: r.eta, epochs: r.epochs ?? null }, ...r.setup };
  return {
    id: `004/${r.id}`,
    seed: "004",
    section: r.section,
    kind: "run",
    title: r.title,
    setup,
    readings: [seedReading(setup, r.eta), cyclicalReading(r.eta), ...(r.readings ?? [])],
    ...(r.grid ? { grid: r.grid } : {}),
    published: r.published,
    stated: r.stated,
    quotes: r.quotes,
    ...(r.notes ? { notes: r.notes } : {}),
  };
}
