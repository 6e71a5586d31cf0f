/**
 * Seed 001 (DD2424 Assignment 3, second report; ../shared/seeds/001_0442956c58b1d48a.txt): its
 * gradient checks, the Assignment-2 replication, the 3- and 9-layer trainings without and with
 * BN, and the overfitting sanity check. Its runs print n_epochs beside the cyclical schedule; the
 * tests check that epochs · ⌊n/batch⌋ = 2 · n_s · cycles, which fixes the training-set size.
 */
import type { GradCheckSetup, PublishedValue, RunSetup, SeedBlock } from "./types";

/** The assignment sheet's 3-layer run: (50, 50), He, λ = 0.005, batch 100, η in [1e-5, 0.1], n_s = 2250, 2 cycles = 20 epochs. */
export const SHEET: RunSetup = {
  hidden: [50, 50],
  batchNorm: "off",
  init: { kind: "he" },
  activation: { name: "relu" },
  lambda: 0.005,
  eta: { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, nS: 2250, cycles: 2 },
  batchSize: 100,
  shuffle: null,
  dropout: 0,
  noise: "none",
  trainSize: 45000,
  epochs: 20,
};
/** BN with the moving averages (α = 0.9) and shuffling every epoch, as section 3 adds them. */
export const SHEET_BN: RunSetup = { ...SHEET, batchNorm: "before", shuffle: true, bnAlpha: 0.9 };

export const SEED_QUOTE = "A random seed of 12345 was used throughout the assignment.";
const NO_SHUFFLE = 'Shuffling is added only in section 3 ("Random shuffling of training samples after each epoch was also added"), so off here.';
export const BN_ADDS =
  "The exponential moving average of the batch mean and variances for the un-normalized scores for each layers (as defined by equations 38 and 39) was added to the mini-batch gradient descent algorithm. Random shuffling of training samples after each epoch was also added.";
const GRAD_INTRO = "The test was conducted for a 2-layer network, a 3-layer network and a 4-layer network respectively.";
const GRAD_RESULT =
  "With an absolute tolerance of $1e-07$ , the function returned True when comparing computed analytical gradients to computed numerical gradients for a subset consisting of 10 images from the CIFAR-10 data, meaning that all elements of the gradients were similar.";
const BN_GRAD_INTRO = "The test was conducted for a 2-layer network (with 50 hidden nodes) and a 3-layer network (with 50 and 50 hidden nodes respectively).";

/** Train / validation / test accuracies in percent as printed ("77.98%"). */
function acc(train: string, validation: string, test: string): PublishedValue[] {
  return (
    [
      ["train", train],
      ["validation", validation],
      ["test", test],
    ] as const
  ).map(([split, t]) => ({ quantity: "accuracy" as const, split, value: Number(t), text: `${t}%` }));
}

function gradCheck(id: string, title: string, g: GradCheckSetup, quotes: string[], published: PublishedValue[], notes: string[]): SeedBlock {
  const stated = [{ field: "tolerance", text: "1e-07" }, ...(g.samples !== null ? [{ field: "samples", text: "10" }] : [])];
  return {
    id: `001/gradients/${id}`,
    seed: "001",
    section: id.startsWith("bn") ? "Exercise 3.0: Gradients with batch normalization" : "Gradients without batch normalization",
    kind: "gradientCheck",
    title,
    gradientCheck: g,
    published,
    stated,
    quotes,
    notes,
  };
}

const ATOL = "absolute (numpy allclose atol)" as const;
const rel = (layer: number, quantity: PublishedValue["quantity"], text: string): PublishedValue => ({ quantity, layer, value: Number(text), text });

/** Gradient checks, the A2 replication, the 3- and 9-layer runs, the overfitting check, BN 3-layer. */
export const SEED_001_RUNS: readonly SeedBlock[] = [
  ...[2, 3, 4].map((layers) =>
    gradCheck(
      `no-bn-${layers}-layer`,
      `${layers}-layer network without BN: analytic = numerical (allclose)`,
      { layers, hidden: null, batchNorm: false, inputSize: null, samples: 10, tolerance: 1e-7, toleranceKind: ATOL },
      [GRAD_INTRO, GRAD_RESULT, "This was the case for both the 2-layer, the 3-layer and the 4-layer network."],
      [],
      [
        "The widths and the input dimension are not stated (ours: 50 per hidden layer, as the BN check's networks); no relative errors are printed, only that allclose returned True.",
      ],
    ),
  ),
  gradCheck(
    "bn-2-layer",
    "2-layer (50) with BN: allclose True except layer 1's W (relative error ~1)",
    { layers: 2, hidden: [50], batchNorm: true, inputSize: null, samples: null, tolerance: 1e-7, toleranceKind: ATOL },
    [
      BN_GRAD_INTRO,
      "For the 2-layer network and an absolute tolerance of $1e-07$ :",
      "Layer1: allclose returned False for the **weights**, and the relative error equaled $\\sim 1$ .",
    ],
    [],
    [
      "The seed lists γ and β for layer 2, the output layer (which has no BN in the assignment's network): its BN placement is not the assignment's.",
      'The seed\'s own verdict: the numerical or the analytical gradient is wrong ("It is possible that it was my numerical computations that were wrong.").',
    ],
  ),
  gradCheck(
    "bn-3-layer",
    "3-layer (50, 50) with BN: relative errors per layer and parameter",
    { layers: 3, hidden: [50, 50], batchNorm: true, inputSize: null, samples: null, tolerance: 1e-7, toleranceKind: ATOL },
    [
      BN_GRAD_INTRO,
      "For the 3-layer network and an absolute tolerance of $1e-07$ :",
      "Layer3: allclose returned True for the **bias**. Relative error of $5.023e-08$ .",
      "Layer3: allclose returned True for the **weights**. Relative error of $1.395e-07$ .",
      "Layer2: allclose returned True for the **bias**. Relative error of $2.162e-03$ .",
      "Layer2: allclose returned True for the **gamma**. Relative error of $1.480e-06$ .",
      "Layer2: allclose returned True for the **beta**. Relative error of $6.719e-07$ .",
      "Layer2: allclose returned False for the **weights**. Relative error of $\\sim 1$ .",
      "Layer1: allclose returned True for the **bias**. Relative error of 0.978.",
    ],
    [
      rel(3, "relativeErrorB", "5.023e-08"),
      rel(3, "relativeErrorW", "1.395e-07"),
      rel(2, "relativeErrorB", "2.162e-03"),
      rel(2, "relativeErrorGamma", "1.480e-06"),
      rel(2, "relativeErrorBeta", "6.719e-07"),
      rel(1, "relativeErrorB", "0.978"),
    ],
    [
      "Layer 3 (the output) is listed with γ and β (relative error 0); W of layers 1 and 2 and γ, β of layer 1 have relative error ~1: the seed's BN gradients disagree with its numerical ones.",
    ],
  ),
  {
    id: "001/a2-replication",
    seed: "001",
    section: "Exercise 2.1: replication of default results of Assignment 2",
    kind: "run",
    title: "2-layer (50), no BN, λ = 0.01, n_s = 800, 3 cycles (48 epochs)",
    setup: {
      ...SHEET,
      hidden: [50],
      init: null,
      lambda: 0.01,
      eta: { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, nS: 800, cycles: 3 },
      trainSize: null,
      epochs: 48,
    },
    readings: [
      {
        id: "seed",
        fill: { init: { kind: "he" }, shuffle: false, trainSize: 10000 },
        why: `10,000 training images (data_batch_1, Assignment 2's default): 48 epochs of 100 updates = 4,800 = 3 cycles of 2·800; He, the K-layer network's initialization in 2.2 and 2.3 (not stated for 2.1). ${NO_SHUFFLE}`,
      },
      { id: "a2-init", fill: { init: { kind: "fanIn" } }, why: "Assignment 2's own initialization, N(0, 1/fan_in), in case the replication kept it" },
    ],
    published: acc("77.98", "44.55", "45.38"),
    stated: [
      { field: "hidden", text: "50" },
      { field: "lambda", text: "0.01" },
      { field: "batchSize", text: "100" },
      { field: "epochs", text: "48" },
      { field: "eta.nS", text: "800" },
      { field: "eta.etaMin", text: "1e-5" },
      { field: "eta.etaMax", text: "1e-1" },
      { field: "eta.cycles", text: "three" },
    ],
    quotes: [
      "In this section, a 2-layer network with 50 nodes in the hidden layer was trained using the new K-Layer Network",
      String.raw`Figure 1: Cost plot, loss plot and accuracy plot respectively for three cycles of training, effectively replicating Figure 4 in the Assignment2 sheet. Here, $\lambda=0.01$ , $\text{batch\_size}=100$ , $n_{\text{epochs}}=48$ , $n_s=800$ , $\eta_{\text{min}}=1e-5$ and $\eta_{\text{max}}=1e-1$ were used. The final training accuracy equaled 77.98%, the final validation accuracy equaled 44.55% and the final test set accuracy equaled 45.38%.`,
    ],
    notes: ["The training and validation sets are not stated; Assignment 2's default (train on data_batch_1, validate on data_batch_2) fits the 48 epochs."],
  },
  {
    id: "001/train/3-layer",
    seed: "001",
    section: "Exercise 2.2: training 3-layer network",
    kind: "run",
    title: "3-layer (50, 50), no BN, He, λ = 0.005, 2 cycles",
    setup: SHEET,
    readings: [{ id: "seed", fill: { shuffle: false }, why: NO_SHUFFLE }],
    published: acc("60.99", "53.96", "52.57"),
    stated: [
      { field: "eta.cycles", text: "two" },
      { field: "lambda", text: "0.005" },
      { field: "batchSize", text: "100" },
      { field: "epochs", text: "20" },
      { field: "eta.nS", text: "(5 * 45,000 / 100)" },
      { field: "eta.etaMin", text: "1e-5" },
      { field: "eta.etaMax", text: "1e-1" },
    ],
    quotes: [
      "In this section, a 3-layer network with 50 and 50 nodes in the first and second hidden layers respectively was trained for two cycles. Parameters were initialized using He initialization.",
      String.raw`Here, $\lambda=0.005$ , $\text{batch\_size}=100$ , $n_{\text{epochs}}=20$ , $n_s=(5 * 45,000 / 100)$ , $\eta_{\text{min}}=1e-5$ and $\eta_{\text{max}}=1e-1$ were used. The final training accuracy equaled 60.99%, the final validation accuracy equaled 53.96% and the final test set accuracy equaled 52.57%.`,
    ],
  },
  {
    id: "001/train/9-layer",
    seed: "001",
    section: "Exercise 2.3: training 9-layer network",
    kind: "run",
    title: "9-layer, no BN, He, λ = 0.005, 2 cycles",
    setup: { ...SHEET, hidden: [50, 30, 20, 20, 10, 10, 10, 10] },
    readings: [
      { id: "seed", fill: { shuffle: false }, why: NO_SHUFFLE },
      { id: "control-fanIn", fill: { init: { kind: "fanIn" } }, why: "OUR control, not a reading of the seed (which says He): N(0, 1/fan_in)" },
    ],
    published: acc("43.23", "38.06", "38.35"),
    stated: [
      { field: "hidden", text: "50, 30, 20, 20, 10, 10, 10 and 10" },
      { field: "lambda", text: "0.005" },
      { field: "epochs", text: "20" },
      { field: "eta.nS", text: "(5 * 45,000 / 100)" },
    ],
    quotes: [
      "In this section, a 9-layer network with 50, 30, 20, 20, 10, 10, 10 and 10 nodes in the respective hidden layers was trained for two cycles. Parameters were initialized using He initialization.",
      String.raw`Here, $\lambda=0.005$ , $\text{batch\_size}=100$ , $n_{\text{epochs}}=20$ , $n_s=(5 * 45,000 / 100)$ , $\eta_{\text{min}}=1e-5$ and $\eta_{\text{max}}=1e-1$ were used. The final training accuracy equaled 43.23%, the final validation accuracy equaled 38.06% and the final test set accuracy equaled 38.35%.`,
    ],
    notes: ['The figure caption misprints the first width as 0 ("with 0, 30, 20, 20"); the text gives 50.'],
  },
  {
    id: "001/overfit",
    seed: "001",
    section: "Exercise 3.0: Gradients with batch normalization",
    kind: "run",
    title: "Overfitting sanity check on 100 images",
    setup: { ...SHEET_BN, hidden: null, lambda: null, eta: null, batchSize: null, trainSize: 100, epochs: undefined },
    readings: [
      {
        id: "seed",
        fill: { hidden: [50, 50], lambda: 0, batchSize: 10, eta: { kind: "constant", eta: 0.01, epochs: 200 } },
        why: "OUR choices, the seed states only the 100 images: the BN 3-layer (50, 50) net of the section, λ = 0 (a sanity check, as Assignment 2's), batch 10, η = 0.01 for 200 epochs (the seed's loss is ~0 after about 50)",
      },
    ],
    published: [{ quantity: "epochsToZeroLoss", value: 50, text: "50" }],
    stated: [{ field: "trainSize", text: "100" }],
    quotes: [
      "In other words, I tested whether my implementation was capable of overfitting on a subset of 100 images.",
      "Already after about 50 epochs, the training loss is practically zero.",
    ],
    notes: ['Network, λ, η schedule and batch size are not stated; "about 50 epochs" is read off a plot.'],
  },
  {
    id: "001/bn/3-layer",
    seed: "001",
    section: "Exercise 3: Training of 3-layer network with 50 and 50 nodes",
    kind: "run",
    title: "3-layer (50, 50), BN (α = 0.9), shuffling, λ = 0.005, 2 cycles",
    setup: SHEET_BN,
    readings: [{ id: "seed", fill: {}, why: "He, as section 2 (not restated)" }],
    published: acc("59.32", "52.02", "52.46"),
    stated: [
      { field: "trainSize", text: "45,000" },
      { field: "lambda", text: "0.005" },
      { field: "epochs", text: "20" },
      { field: "eta.cycles", text: "two" },
      { field: "batchSize", text: "100" },
      { field: "eta.nS", text: "(5 * 45,000 / 100)" },
      { field: "eta.etaMin", text: "1e-05" },
      { field: "eta.etaMax", text: "1e-01" },
      { field: "bnAlpha", text: "0.9" },
    ],
    quotes: [
      BN_ADDS,
      "- Training set accuracy: 59.32%",
      "- Validation set accuracy: 52.02%",
      "- **Test set accuracy: 52.46%**",
      String.raw`using 45,000 images for training and the hyperparameter settings: $\lambda=0.005$ , $n_{\text{epochs}}=20$ , two cycles of training, $\text{batch\_size}=100$ , $n_s=(5 * 45,000 / 100)$ , $\eta_{\text{min}}=1e-05$ , $\eta_{\text{max}}=1e-01$ , $\alpha=0.9$ .`,
    ],
  },
];
