/**
 * Seed 001 (../shared/seeds/001_0442956c58b1d48a.txt): the coarse and fine λ searches (8 values
 * each, linearly spaced, 2 cycles = 20 epochs), the 3- and 9-layer BN runs with λ = 0.0041 for 3
 * cycles, and the initialization table (σ = 1e-1, 1e-3, 1e-4 with and without BN).
 */
import { SHEET, SHEET_BN } from "./001-runs";
import type { PublishedValue, Reading, RunSetup, SeedBlock } from "./types";

const COARSE = "Coarse lambda search: 3-layer network with 50 and 50 nodes in the 1<sup>st</sup> and 2<sup>nd</sup> hidden layers";
const COARSE_HOW = String.raw`8 values of the regularization term lambda were sampled uniformly from the range $[1e-5, 1e-1]$ . Then, for each of these values, a training session was executed using 45,000 images for training and the hyperparameter settings: $n_{\text{epochs}}=20$ , $\text{batch\_size}=100$ , $n_s=(5 * 45,000 / 100)$ , $\eta_{\text{min}}=1e-05$ , $\eta_{\text{max}}=1e-01$ , $\alpha=0.9$ and $\text{batch\_norm}=\text{True}$ .`;
const COARSE_HEADER = "Lambda Final validation acc. Mean of top 5 val. acc. Final training acc.";
const FINE = "Fine lambda search: 3-layer network with 50 and 50 nodes in the 1<sup>st</sup> and 2<sup>nd</sup> hidden layers";
const FINE_HOW =
  "Values for the fine search were now once again generated uniformly from the range identified in the previous step (as opposed to being uniformly drawn). The same hyperparameter settings were used. Again, 8 values were drawn, the best of which was:";
const FINE_RANGE = "**This subset of lambdas were found in the range $[0.00001, 0.02857]$**";
const SEARCH_STATED = [
  { field: "epochs", text: "20" },
  { field: "batchSize", text: "100" },
  { field: "eta.nS", text: "(5 * 45,000 / 100)" },
  { field: "eta.etaMin", text: "1e-05" },
  { field: "eta.etaMax", text: "1e-01" },
  { field: "bnAlpha", text: "0.9" },
  { field: "trainSize", text: "45,000" },
];
const TWO_CYCLES = "2 cycles: n_epochs = 20 at 450 updates per epoch is 9,000 updates = 2 · 2 · 2,250 (the cycles are not printed for the searches).";

/** k-th of `n` linearly spaced values from a to b (numpy's linspace). */
function linspace(a: number, b: number, n: number, k: number): number {
  return a + (k * (b - a)) / (n - 1);
}

/** The printed λ and the exact grid value it rounds, as two readings. */
function exactLambda(exact: number): Reading {
  return { id: "exact-lambda", fill: { lambda: exact }, why: `the grid value before printing: ${exact}` };
}

/** One row of the coarse table: λ, final validation, mean of top-5 validation, final training accuracy. */
function coarseRow(k: number, lambda: string, val: string, top5: string, train: string): SeedBlock {
  const published: PublishedValue[] = [
    { quantity: "accuracy", split: "validation", value: Number(val), text: `${val}%` },
    { quantity: "meanTop5ValidationAccuracy", split: "validation", value: Number(top5), text: `${top5}%` },
    { quantity: "accuracy", split: "train", value: Number(train), text: `${train}%` },
  ];
  return {
    id: `001/search/coarse/${lambda}`,
    seed: "001",
    section: COARSE,
    kind: "run",
    title: `3-layer (50, 50), BN, λ = ${lambda}, 20 epochs (2 cycles)`,
    setup: { ...SHEET_BN, lambda: Number(lambda) },
    readings: [{ id: "seed", fill: {}, why: TWO_CYCLES }, exactLambda(linspace(1e-5, 0.1, 8, k))],
    published,
    stated: [{ field: "lambda", text: lambda }, ...SEARCH_STATED],
    quotes: [COARSE, COARSE_HOW, COARSE_HEADER, `${lambda}\t${val}%\t${top5}%\t${train}%`],
    notes: [
      '"Sampled uniformly" from [1e-5, 1e-1]: the printed values are 8 linearly spaced points, not random draws: linspace(1e-5, 0.1, 8) truncated (not rounded) to 5 decimals, or linspace(0, 0.1, 8) with its 0 replaced by 1e-5 — both fit every printed digit; the "exact-lambda" reading takes the first.',
    ],
  };
}

/** A σ of the initialization table: test accuracy printed in the table, and the run's file name (train/val/test as fractions) where given. */
function sigmaRun(sigma: string, bn: boolean, test: string, file?: [string, string, string, string]): SeedBlock {
  const base: RunSetup = bn ? SHEET_BN : SHEET;
  const published: PublishedValue[] = [{ quantity: "accuracy", split: "test", value: Number(test), text: `${test}%` }];
  if (file) {
    (["train", "validation", "test"] as const).forEach((split, k) =>
      published.push({ quantity: "accuracy", split, value: Number(file[k + 1]) * 100, text: file[k + 1], fraction: true }),
    );
  }
  const row = {
    "1e-1": "1e-1\tfinal test acc 53.52%\tfinal test acc 53.68%",
    "1e-3": "1e-3\tfinal test acc 51.35%\tfinal test acc 53.42%",
    "1e-4": "1e-4\tfinal test acc 10.00%\tfinal test acc 53.40%",
  }[sigma]!;
  return {
    id: `001/init/sigma-${sigma}-${bn ? "bn" : "no-bn"}`,
    seed: "001",
    section: "Sensitivity of initialization",
    kind: "run",
    title: `3-layer (50, 50), ${bn ? "BN" : "no BN"}, N(0, σ²) with σ = ${sigma}, λ = 0.005, 2 cycles`,
    setup: { ...base, init: { kind: "normal", sigma: Number(sigma) } },
    readings: [
      {
        id: "seed",
        fill: bn ? {} : { shuffle: true },
        why: 'shuffling as in section 3\'s training loop, which these runs share ("Only the boolean batch_norm and the sigma value used differs between the sessions")',
      },
    ],
    published,
    stated: [
      { field: "init.sigma", text: sigma },
      { field: "epochs", text: "20" },
      { field: "eta.cycles", text: "2" },
      { field: "batchSize", text: "100" },
      { field: "eta.nS", text: "(5 * 45,000 / 100)" },
      ...(file ? [{ field: "lambda", text: "0.005" }] : []),
    ],
    quotes: [
      "Sigma\tWithout batch normalization\tWith batch normalization",
      row,
      String.raw`3-layer network with 50 nodes in each hidden layer, trained on 45,000 images, $n\_epochs=20$ , 2 cycles of training, $batch\_size=100$ , $n\_s=(5 * 45,000 / 100)$ , $eta\_min=1e-05$ , $eta\_max=1e-01$ and $\alpha=0.9$`,
      "Only the boolean *batch\\_norm* and the *sigma* value used differs between the sessions.",
      ...(file ? [file[0]] : []),
    ],
    notes: [
      ...(file
        ? []
        : [
            "No file name of its own: the seed's Figure 10 (σ = 1e-4 without BN) repeats the σ = 1e-3 file name, so only the table's 10.00 % is published; λ = 0.005 is read from the other runs' file names.",
          ]),
    ],
  };
}

/** The searches, the λ = 0.0041 runs and the initialization table. */
export const SEED_001_SEARCH: readonly SeedBlock[] = [
  {
    id: "001/search/coarse-grid",
    seed: "001",
    section: COARSE,
    kind: "searchGrid",
    title: "Coarse λ grid: 8 linearly spaced values in [1e-5, 1e-1]",
    grid: { lambda: { from: 1e-5, to: 0.1, count: 8, spacing: "linear" } },
    published: [],
    stated: [],
    quotes: [COARSE, COARSE_HOW],
  },
  coarseRow(0, "0.00001", "51.76", "51.72", "62.16"),
  coarseRow(1, "0.01429", "51.56", "49.99", "56.49"),
  coarseRow(2, "0.02857", "50.62", "47.78", "53.46"),
  coarseRow(3, "0.04286", "49.62", "46.49", "52.22"),
  coarseRow(4, "0.05714", "48.42", "45.91", "51.24"),
  coarseRow(5, "0.07143", "47.9", "44.74", "50.27"),
  coarseRow(6, "0.08571", "47.5", "44.28", "49.19"),
  coarseRow(7, "0.10000", "46.38", "43.12", "48.98"),
  {
    id: "001/search/fine-grid",
    seed: "001",
    section: FINE,
    kind: "searchGrid",
    title: "Fine λ grid: 8 linearly spaced values in [0.00001, 0.02857]",
    grid: { lambda: { from: 0.00001, to: 0.02857, count: 8, spacing: "linear" } },
    published: [],
    stated: [],
    quotes: [FINE_RANGE, FINE, FINE_HOW],
    notes: ["Only the best value is printed; the other seven (and their accuracies) are not."],
  },
  {
    id: "001/search/fine/best",
    seed: "001",
    section: FINE,
    kind: "run",
    title: "Fine search's best: 3-layer (50, 50), BN, λ = 0.0041, 20 epochs (2 cycles)",
    setup: { ...SHEET_BN, lambda: 0.0041 },
    readings: [{ id: "seed", fill: {}, why: TWO_CYCLES }, exactLambda(linspace(0.00001, 0.02857, 8, 1))],
    published: [{ quantity: "accuracy", split: "validation", value: 53.26, text: "53.26%" }],
    stated: [{ field: "lambda", text: "0.0041" }],
    quotes: [FINE_HOW, "- **lambda = 0.0041**, which yielded a final **validation set accuracy of 53.26%**", COARSE_HOW],
    notes: ["0.0041 is the second point of linspace(0.00001, 0.02857, 8) = 0.0040914…, printed to 2 significant digits."],
  },
  {
    id: "001/bn/3-layer-lambda-0.0041",
    seed: "001",
    section: "Training of 3-layer network with our “optimal” lambda of 0.0041",
    kind: "run",
    title: "3-layer (50, 50), BN, λ = 0.0041, 3 cycles (30 epochs)",
    setup: { ...SHEET_BN, lambda: 0.0041, eta: { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, nS: 2250, cycles: 3 }, epochs: 30 },
    readings: [{ id: "seed", fill: {}, why: "every setting printed (He as section 2)" }],
    published: [
      ...[
        ["train", "64.10"],
        ["validation", "54.92"],
      ].map(([split, t]) => ({ quantity: "accuracy" as const, split: split as "train" | "validation", value: Number(t), text: `${t}%` })),
      { quantity: "accuracy", split: "test", value: 53.68, text: "53.68%" },
    ],
    stated: [
      { field: "lambda", text: "0.0041" },
      { field: "epochs", text: "30" },
      { field: "eta.cycles", text: "3" },
      { field: "batchSize", text: "100" },
    ],
    quotes: [
      String.raw`Using our semi-optimal lambda=0.0041, we then trained our 3-layer classifier using 45,000 images and tested it using the hyperparameter settings: n\_epochs=30, 3 cycles of training, batch\_size=100, n\_s=(5 \* 45,000 / 100), eta\_min=1e-05, eta\_max=1e-01, alpha=0.9 and batch\_norm=True.`,
      "The final training set accuracy equaled 64.10%, the validation set accuracy equaled 54.92% and the test set accuracy equaled 53.68%.",
    ],
    notes: [
      'The caption of Figure 6 says "after training for two cycles"; the text says 3 cycles and n_epochs = 30 (= 3 cycles of 2 · 2,250 updates): 3 cycles.',
    ],
  },
  {
    id: "001/bn/9-layer-lambda-0.0041",
    seed: "001",
    section: "Training of 9-layer network with our “optimal” lambda of 0.0041",
    kind: "run",
    title: "9-layer, BN, λ = 0.0041, 3 cycles (30 epochs)",
    setup: {
      ...SHEET_BN,
      hidden: [50, 30, 20, 20, 10, 10, 10, 10],
      lambda: 0.0041,
      eta: { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, nS: 2250, cycles: 3 },
      epochs: 30,
    },
    readings: [
      { id: "seed", fill: {}, why: "every setting printed (He as section 2)" },
      { id: "control-fanIn", fill: { init: { kind: "fanIn" } }, why: "OUR control, not a reading of the seed: N(0, 1/fan_in)" },
    ],
    published: [
      { quantity: "accuracy", split: "train", value: 60.86, text: "60.86%" },
      { quantity: "accuracy", split: "validation", value: 53.16, text: "53.16%" },
      { quantity: "accuracy", split: "test", value: 52.45, text: "52.45%" },
      { quantity: "accuracy", split: "test", value: 52.45, text: "0.5245", fraction: true },
    ],
    stated: [
      { field: "hidden", text: "50, 30, 20, 20, 10, 10, 10 and 10" },
      { field: "lambda", text: "0.0041" },
      { field: "epochs", text: "30" },
      { field: "eta.cycles", text: "3" },
    ],
    quotes: [
      String.raw`*Training of 9-layer network with 50, 30, 20, 20, 10, 10, 10 and 10 nodes in the hidden layers and our “optimal” lambda of 0.0041*`,
      String.raw`Using our semi-optimal $\lambda=0.0041$ , we now trained our 9-layer classifier using 45,000 images and tested it using the hyperparameter settings: $n\_epochs=30$ , 3 cycles of training, $batch\_size=100$ , $n\_s=(5 * 45,000 / 100)$ , $eta\_min=1e-05$ , $eta\_max=1e-01$ , $\alpha=0.9$ and $batch\_norm=True$ .`,
      "- **Test accuracy achieved: 52.45%**",
      "The final training set accuracy equaled 60.86%, the validation set accuracy equaled 53.16% and the test set accuracy equaled 52.45%.",
      String.raw`ex3l9\_bnT\_lambda0.0041\_batch\_size100\_n\_epochs30\_n\_s2250.0\_alpha0.9\_eta\_min1e-05\_eta\_max0.1\_tr-acc0.6086\_v-acc0.5316\_te-acc0.5245\_seed12345`,
    ],
    notes: ['Figure 7\'s caption also says "two cycles"; the text and n_epochs = 30 say 3.'],
  },
  sigmaRun("1e-1", false, "53.52", [
    String.raw`sigma1e-1\_bnF\_lambda0.005\_batch\_size100\_n-epochs20\_n-s2250.0\_alpha0.9\_eta-min1e-05\_eta-max0.1\_tr-acc0.6018\_v-acc0.5368\_te-acc0.5352\_seed12345`,
    "0.6018",
    "0.5368",
    "0.5352",
  ]),
  sigmaRun("1e-1", true, "53.68", [
    String.raw`sigma1e-1\_bnT\_lambda0.005\_batch\_size100\_n-epochs20\_n-s2250.0\_alpha0.9\_eta-min1e-05\_eta-max0.1\_tr-acc0.6215\_v-acc0.551\_te-acc0.5368\_seed12345`,
    "0.6215",
    "0.551",
    "0.5368",
  ]),
  sigmaRun("1e-3", false, "51.35", [
    String.raw`sigma1e-3\_bnF\_lambda0.005\_batch\_size100\_n-epochs20\_n-s2250.0\_alpha0.9\_eta-min1e-05\_eta-max0.1\_tr-acc0.5631\_v-acc0.5156\_te-acc0.5135\_seed12345`,
    "0.5631",
    "0.5156",
    "0.5135",
  ]),
  sigmaRun("1e-3", true, "53.42", [
    String.raw`sigma1e-3\_bnT\_lambda0.005\_batch\_size100\_n-epochs20\_n-s2250.0\_alpha0.9\_eta-min1e-05\_eta-max0.1\_tr-acc0.6256\_v-acc0.5518\_te-acc0.5342\_seed12345`,
    "0.6256",
    "0.5518",
    "0.5342",
  ]),
  sigmaRun("1e-4", false, "10.00"),
  sigmaRun("1e-4", true, "53.40", [
    String.raw`sigma1e-4\_bnT\_lambda0.005\_batch\_size100\_n-epochs20\_n-s2250.0\_alpha0.9\_eta-min1e-05\_eta-max0.1\_tr-acc0.6241\_v-acc0.5516\_te-acc0.534\_seed12345`,
    "0.6241",
    "0.5516",
    "0.534",
  ]),
];
