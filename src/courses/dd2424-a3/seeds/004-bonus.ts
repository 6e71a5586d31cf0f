/**
 * Seed 004's experiments at its three (η, λ) settings: BN after the activation (1.1), on-the-fly
 * noise scaled to the batch's spread (1.2), leaky ReLU and ELU with a = 0.01 (Exercise 2).
 */
import { SETTINGS, bonusRun, testAcc } from "./004-setup";
import type { RunSetup, SeedBlock } from "./types";

const S11 = "1.1 Applying batch normalization after the activation function";
const S11_INTRO =
  "In this setting the 3 best found pairs for the learning rate $\\eta$ and the regularization amount $\\lambda$ for a 3-layer network with batch normalization are applied:";
const S12 = "1.2 Augmenting the input data by applying a small random noise on the fly";
const S12_INTRO =
  "A small random noise is applied to each batch of data before the process, based on a percentage of the standard variance of the batch itself.";
const EX2_INTRO =
  "where in both cases a=0.01. Additionally, in both cases we make use fo the best results for $(\\eta, \\lambda)$ from the compulsory part of this setting.";
const FIG = "Cross-entropy loss (left) and accuracy performance (right) evolution on the training and validation set";
const NOT_STATED = 'The widths of the "3-layer network", the batch size, the epochs, the initialization and the data are not stated.';

const stated = (k: number, lambdaText = SETTINGS[k].lambdaText) => [
  { field: "eta.eta", text: SETTINGS[k].etaText },
  { field: "lambda", text: lambdaText },
];

/** 1.1: BN after the activation at the three settings. */
const bnAfter: SeedBlock[] = (["43.34", "39.23", "43.83"] as const).map((acc, k) =>
  bonusRun({
    id: `bn-after/setting-${k + 1}`,
    section: S11,
    title: `3-layer, BN after the activation, (η, λ) setting ${k + 1}`,
    eta: SETTINGS[k].eta,
    lambda: SETTINGS[k].lambda,
    setup: { batchNorm: "after" },
    published: [testAcc(`${acc}%`)],
    stated: stated(k),
    quotes: [
      S11_INTRO,
      `**Figure ${k + 1}:** ${FIG} for batch normalization applied after the activation function with $(\\eta, \\lambda) = (${SETTINGS[k].etaText}, ${SETTINGS[k].lambdaText})$`,
      `Test set accuracy achieved: ${acc}%`,
    ],
    notes: [NOT_STATED],
  }),
);

/** 1.2: noise on the fly at the three settings. */
const noise: SeedBlock[] = (["49.67", "51.25", "44.31"] as const).map((acc, k) =>
  bonusRun({
    id: `noise/setting-${k + 1}`,
    section: S12,
    title: `3-layer with BN, Gaussian noise scaled to the batch's spread, (η, λ) setting ${k + 1}`,
    eta: SETTINGS[k].eta,
    lambda: SETTINGS[k].lambda,
    setup: { noise: { kind: "gaussian", sigma: null, relative: true } },
    published: [testAcc(`${acc}%`)],
    stated: stated(k),
    quotes: [
      S12_INTRO,
      `**Figure ${k + 4}:** ${FIG} with augmenting input data with random noise on the fly for $(\\eta, \\lambda) = (${SETTINGS[k].etaText}, ${SETTINGS[k].lambdaText})$`,
      `Test set accuracy achieved: ${acc}%`,
    ],
    readings: [
      { id: "noise-0.01", fill: { noise: { kind: "gaussian", sigma: 0.01, relative: true } }, why: "1 % of the batch's standard deviation instead of 10 %" },
    ],
    notes: [
      NOT_STATED,
      '"A percentage of the standard variance of the batch": the percentage is not given, nor whether the variance or the standard deviation (on standardized data both are ≈ 1, so the readings nearly agree); the noise distribution (Gaussian) and BN placement (before, as the compulsory part) are our readings.',
    ],
  }),
);

/** Exercise 2: leaky ReLU and ELU (a = 0.01) at the settings, the third with λ = 1e-4. */
function activationRuns(name: "leakyRelu" | "elu", label: string, section: string, firstFigure: number, accs: readonly string[]): SeedBlock[] {
  const lambdaTexts = ["10^{-5}", "10^{-6}", "10^{-4}"];
  return accs.map((acc, k) =>
    bonusRun({
      id: `${name === "elu" ? "elu" : "leaky-relu"}/setting-${k + 1}`,
      section,
      title: `${label} (a = 0.01), (η, λ) setting ${k + 1}`,
      eta: SETTINGS[k].eta,
      lambda: [1e-5, 1e-6, 1e-4][k],
      setup: { activation: { name, alpha: 0.01 } as RunSetup["activation"] },
      published: [testAcc(`${acc}%`)],
      stated: [...stated(k, lambdaTexts[k]), { field: "activation.alpha", text: "0.01" }],
      quotes: [
        EX2_INTRO,
        `**Figure ${firstFigure + k}:** ${FIG} for $(\\eta, \\lambda) = ${SETTINGS[k].etaText}, ${lambdaTexts[k]}`,
        `Test set accuracy performance: ${acc}%`,
      ],
      notes: [
        NOT_STATED,
        ...(k === 2 ? ["The third setting's λ is 1e-4 here (and in 1.3's captions), 1e-5 in 1.1 and 1.2: the seed prints both."] : []),
        ...(name === "elu" ? ["ELU with a = 0.01 (a·(eˣ − 1) for x < 0), as the seed defines it — not the usual α = 1."] : []),
      ],
    }),
  );
}

/** Sections 1.1, 1.2 and Exercise 2 of seed 004. */
export const SEED_004_SETTINGS_RUNS: readonly SeedBlock[] = [
  ...bnAfter,
  ...noise,
  ...activationRuns("leakyRelu", "Leaky ReLU", "2.1 Leaky ReLU results", 16, ["48.33", "47.43", "42.32"]),
  ...activationRuns("elu", "ELU", "2.2 Exponential LU results", 19, ["48.39", "43.35", "47.79"]),
];
