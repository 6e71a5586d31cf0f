/**
 * Seed 000's printed "Model parameters" blocks: the fields as printed (strings), from which the
 * block's quote is rebuilt line by line (so a wrong value fails the verbatim quote test) and its
 * setup is parsed (so the setup is exactly what the seed prints).
 */
import { parsePrinted } from "./printed";
import type { InitSetup, NoiseSetup, PublishedValue, Reading, RunSetup, SeedBlock, StatedValue } from "./types";

/** The fields of one block, exactly as printed (optional ones absent when the block omits them). */
export interface PrintedParams {
  readonly hidden: string;
  readonly bn: "True" | "False";
  readonly lambda: string;
  readonly cycles: string;
  readonly nS: string;
  readonly batches: string;
  readonly etaMin: string;
  readonly etaMax: string;
  readonly init?: string;
  readonly dropout?: string;
  readonly noise?: "gaussian" | "s&p";
  readonly shuffle?: "True";
}

/** The nine printed results: (untrained accuracy, trained accuracy, final cost) × (train, validation, test). */
export type PrintedResults = readonly [string, string, string, string, string, string, string, string, string];

/** The lines the 45,000 training images and n_s = 5·45,000/n_batch come from (every seed-000 run). */
export const TRAIN_SET_QUOTES: readonly string[] = [
  "The network is now trained on on all the training data batches (1-5) except for 5000 samples which will be reserved as a validation set.",
  "The training is then done for 2 cycles using ``n_s = 5 * 45000 / n_batch`` and He initialization of the weights.",
];
/** The σ of seed 000's Gaussian noise. */
export const GAUSSIAN_QUOTE = "Add gaussian noise with mean 0 and standard deviation 0.01.";

const FIELDS: readonly [keyof PrintedParams, string][] = [
  ["hidden", "hidden layers"],
  ["bn", "BN"],
  ["lambda", "lambda"],
  ["cycles", "cycles"],
  ["nS", "n_s"],
  ["batches", "n_batches"],
  ["etaMin", "eta_min"],
  ["etaMax", "eta_max"],
  ["init", "initialization"],
  ["dropout", "dropout"],
  ["noise", "noise"],
  ["shuffle", "shuffle"],
];
const SPLITS = [
  ["Training", "train"],
  ["Validation", "validation"],
  ["Test", "test"],
] as const;

/** The block as the seed prints it, whitespace normalized. */
export function printedBlock(p: PrintedParams, r: PrintedResults): string {
  const params = FIELDS.filter(([k]) => p[k] !== undefined).map(([k, label]) => `${label}: ${p[k]}`);
  const results = SPLITS.map(
    ([name], s) => `${name} data: accuracy (untrained): ${r[3 * s]}% accuracy (trained): ${r[3 * s + 1]}% cost (final): ${r[3 * s + 2]}`,
  );
  return ["Model parameters:", ...params, ...results].join(" ");
}

function num(text: string): number {
  const v = parsePrinted(text);
  if (typeof v !== "number") throw new RangeError(`seed 000 block: "${text}" is not a number`);
  return v;
}

function initOf(text: string | undefined): InitSetup | null {
  if (text === undefined) return null;
  return text === "he" ? { kind: "he" } : { kind: "normal", sigma: num(text) };
}

function noiseOf(kind: PrintedParams["noise"]): NoiseSetup | "none" {
  if (kind === undefined) return "none";
  return kind === "gaussian" ? { kind: "gaussian", sigma: 0.01, relative: false } : { kind: "saltPepper", fraction: null };
}

/** The setup the printed fields state (nulls: initialization or shuffle not printed). */
export function setupOf(p: PrintedParams): RunSetup {
  const hidden = parsePrinted(p.hidden);
  return {
    hidden: typeof hidden === "number" ? [hidden] : (hidden as number[]),
    batchNorm: p.bn === "True" ? "before" : "off",
    init: initOf(p.init),
    activation: { name: "relu" },
    lambda: num(p.lambda),
    eta: { kind: "cyclical", etaMin: num(p.etaMin), etaMax: num(p.etaMax), nS: num(p.nS), cycles: num(p.cycles) },
    batchSize: num(p.batches),
    shuffle: p.shuffle === "True" ? true : null,
    dropout: p.dropout === undefined ? 0 : num(p.dropout),
    noise: noiseOf(p.noise),
    trainSize: 45000,
  };
}

/** The numeric fields of the block, as `stated` values (checked against the setup by the tests). */
function statedOf(p: PrintedParams): StatedValue[] {
  const out: StatedValue[] = [
    { field: "hidden", text: p.hidden },
    { field: "batchNorm", text: p.bn },
    { field: "lambda", text: p.lambda },
    { field: "eta.cycles", text: p.cycles },
    { field: "eta.nS", text: p.nS },
    { field: "batchSize", text: p.batches },
    { field: "eta.etaMin", text: p.etaMin },
    { field: "eta.etaMax", text: p.etaMax },
    { field: "trainSize", text: "45000" },
  ];
  if (p.init !== undefined && p.init !== "he") out.push({ field: "init.sigma", text: p.init });
  if (p.dropout !== undefined) out.push({ field: "dropout", text: p.dropout });
  if (p.noise === "gaussian") out.push({ field: "noise.sigma", text: "0.01" });
  return out;
}

/** The nine published values of a block. */
function publishedOf(r: PrintedResults): PublishedValue[] {
  return SPLITS.flatMap(([, split], s) => [
    { quantity: "untrainedAccuracy" as const, split, value: num(r[3 * s]), text: `${r[3 * s]}%` },
    { quantity: "accuracy" as const, split, value: num(r[3 * s + 1]), text: `${r[3 * s + 1]}%` },
    { quantity: "cost" as const, split, value: num(r[3 * s + 2]), text: r[3 * s + 2] },
  ]);
}

/** Fills for what a block does not print: shuffling off, He initialization. */
export function defaultFill(p: PrintedParams): Reading {
  const fill: Partial<RunSetup> = {
    ...(p.shuffle === undefined ? { shuffle: false } : {}),
    ...(p.init === undefined ? { init: { kind: "he" } } : {}),
  };
  const why = [
    p.shuffle === undefined
      ? 'no "shuffle" line: the block prints shuffle only when on (shuffling is added with BN, line "train the network using batch normalization and shuffling"), so off'
      : "",
    p.init === undefined ? 'no "initialization" line: He, the report\'s initialization everywhere else' : "",
  ]
    .filter((s) => s !== "")
    .join("; ");
  return { id: "seed", fill, why: why || "every setting is printed" };
}

/** Options of `paramBlock`: extra quotes, readings after the default one, notes. */
export interface ParamBlockExtras {
  readonly quotes?: readonly string[];
  readonly readings?: readonly Reading[];
  readonly notes?: readonly string[];
}

/** A seed-000 run block from its printed fields and results. */
export function paramBlock(id: string, section: string, title: string, p: PrintedParams, r: PrintedResults, x: ParamBlockExtras = {}): SeedBlock {
  return {
    id: `000/${id}`,
    seed: "000",
    section,
    kind: "run",
    title,
    setup: setupOf(p),
    readings: [defaultFill(p), ...(x.readings ?? [])],
    published: publishedOf(r),
    stated: statedOf(p),
    quotes: [printedBlock(p, r), ...TRAIN_SET_QUOTES, ...(p.noise === "gaussian" ? [GAUSSIAN_QUOTE] : []), ...(x.quotes ?? [])],
    ...(x.notes ? { notes: x.notes } : {}),
  };
}
