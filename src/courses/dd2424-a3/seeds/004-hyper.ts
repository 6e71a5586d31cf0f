/**
 * Seed 004's hyperparameter search (section 1.4): the seven (η, λ) ranges, the third-best search
 * result, and the three best settings retrained "in the whole dataset for 10 epochs".
 */
import { bonusRun, testAcc } from "./004-setup";
import type { SeedBlock } from "./types";

const S14 = "1.4 Hyperparameter search";
const LOG_SPACE =
  "In addition to that, this time the amount of regularization applied is not searched in a fixed space like $\\{10^{-6}, 10-5, 10-4, 10-3, 10-2, 10-1\\}$ , but is also search in the log space.";
const RETRAIN = "Then, the three top results were selected and tested in the whole dataset for 10 epochs:";
const FIG = "Cross-entropy loss (left) and accuracy performance (right) evolution on the training and validation set for $(\\eta, \\lambda) =";
const OPEN = "The network, the number of draws, the data subset and the epochs of the search are not stated.";

/** The seven ranges as printed: η from, η to, λ from, λ to (powers of ten). */
const RANGES: readonly [string, string, string, string][] = [
  ["0.005", "0.009", "-6", "-5"],
  ["0.015", "0.025", "-6", "-5"],
  ["0.05", "0.12", "-6", "-5"],
  ["0.004", "0.008", "-6", "-4"],
  ["0.01", "0.04", "-6", "-4"],
  ["0.004", "0.008", "-5", "-3"],
  ["0.02", "0.04", "-4", "-2"],
];

const ranges: SeedBlock[] = RANGES.map(([e0, e1, l0, l1], k) => ({
  id: `004/search/range-${k + 1}`,
  seed: "004",
  section: S14,
  kind: "searchGrid",
  title: `(η, λ) range ${k + 1}: η ∈ [${e0}, ${e1}], λ ∈ [1e${l0}, 1e${l1}]`,
  grid: { eta: { from: Number(e0), to: Number(e1), spacing: "linear" }, lambda: { from: Number(`1e${l0}`), to: Number(`1e${l1}`), spacing: "log" } },
  published: [],
  stated: [
    { field: "eta.from", text: e0 },
    { field: "eta.to", text: e1 },
    { field: "lambda.from", text: `10^{${l0}}` },
    { field: "lambda.to", text: `10^{${l1}}` },
  ],
  quotes: [`\\eta \\, \\epsilon \\, [${e0}, ${e1}] \\ \\mbox{and} \\ \\lambda \\, \\epsilon \\, [10^{${l0}}, 10^{${l1}}]`, LOG_SPACE],
  notes: [
    OPEN,
    'λ is searched "in the log space"; how η is drawn (uniformly, we assume) is not stated. The printed results of the first three rounds are missing from the seed text.',
  ],
}));

/** Section 1.4 of seed 004. */
export const SEED_004_HYPER: readonly SeedBlock[] = [
  ...ranges,
  bonusRun({
    id: "search/third-best",
    section: S14,
    title: "Third-best (η, λ) of the search (search data)",
    eta: 0.006537886088207429,
    lambda: 0.0006432091840869645,
    published: [{ quantity: "accuracy", value: 43.36, text: "43.36" }],
    stated: [
      { field: "eta.eta", text: "0.006537886088207429" },
      { field: "lambda", text: "0.0006432091840869645" },
    ],
    quotes: ["THIRD BEST PERFORMANCE: 43.36", "Third best eta: 0.006537886088207429 Third best lambda: 0.0006432091840869645"],
    notes: [
      OPEN,
      'Which split "PERFORMANCE" measures is not stated (validation, presumably); the number is on the search\'s data, not the whole set: compare with care.',
    ],
    readings: [
      {
        id: "search-data",
        fill: { trainSize: 10000 },
        why: "the search's data read as data_batch_1 (10,000 images; validation data_batch_2), the whole set being used only for the retraining",
      },
    ],
  }),
  ...(
    [
      [1, 0.03159661490765174, 0.00015494946823958237, "0.03159661490765174, 0.00015494946823958237)$", "50.86", "0.00015494946823958237", []],
      [
        2,
        0.013917284924906376,
        1.0632777281477375e-6,
        "0.013917284924906376, 1.0632777281477375 * 10^{-6})$",
        "50.69",
        "1.0632777281477375e-06",
        ["Second best lambda: 1.0632777281477375e-06"],
      ],
      [3, 0.006537886088207429, 0.0006432091840869645, "0.006537886088207429, 0.0006432091840869645)$", "50.86", "0.0006432091840869645", []],
    ] as const
  ).map(([k, eta, lambda, pair, acc, lambdaText, extra]) =>
    bonusRun({
      id: `search/retrained-${k}`,
      section: S14,
      title: `Search's setting ${k} retrained on the whole data, 10 epochs`,
      eta,
      lambda,
      epochs: 10,
      published: [testAcc(`${acc}%`)],
      stated: [
        { field: "eta.eta", text: String(eta) },
        { field: "lambda", text: lambdaText },
        { field: "eta.epochs", text: "10" },
      ],
      quotes: [RETRAIN, `**Figure ${12 + k}:** ${FIG} ${pair}`, `Test set accuracy performance: ${acc}%`, ...extra],
      notes: [
        'The network is not stated (ours: the 3-layer (50, 50) with BN); "the whole dataset" read as the 45,000 training images.',
        "These are the search's retrained settings, not the BN-after-activation runs of 1.1 (43.34 / 39.23 / 43.83 %).",
      ],
    }),
  ),
];
