/**
 * Seed 000 (DD2424 Assignment 3, ../shared/seeds/000_a84a5149afabbec5.txt): its 20 printed
 * "Model parameters" blocks, in the seed's order. Each block's quote is rebuilt from the printed
 * fields and results (see `param-block.ts`), so the data cannot drift from the seed text.
 */
import { type PrintedParams, paramBlock } from "./param-block";
import type { Reading, SeedBlock } from "./types";

const BASE: PrintedParams = {
  hidden: "(50, 50)",
  bn: "False",
  lambda: "0.005",
  cycles: "2",
  nS: "2250",
  batches: "100",
  etaMin: "1e-05",
  etaMax: "0.1",
  init: "he",
};
const BN: PrintedParams = { ...BASE, bn: "True", shuffle: "True" };
const NINE = "(50, 30, 20, 20, 10, 10, 10, 10)";
const INIT = "Sensitivity to initialization";
const SIGMA_QUOTE = "To do this we'll instead initiate the weights of each layer using a normal distribution with mean zero and standard deviation sigma";
/** Seed 000's dropout only "kills" units; whether it rescales is not said: the unscaled reading. */
const UNSCALED_DROPOUT: Reading = {
  id: "unscaled",
  fill: { dropoutScaling: "none" },
  why: 'units only set to zero ("By "killing" a neuron we\'ll set its output to zero"), kept units not rescaled and nothing rescaled at test time',
};
const FANIN_CONTROL: Reading = {
  id: "control-fanIn",
  fill: { init: { kind: "fanIn" } },
  why: "OUR control, not a reading of the seed (which says He): N(0, 1/fan_in), to test whether an initialization scale explains the gap to our He runs",
};

/** Seed 000's parameter blocks. */
export const SEED_000_RUNS: readonly SeedBlock[] = [
  paramBlock("train/3-layer", "Train the network", "3-layer (50, 50), no BN, He, λ = 0.005, 2 cycles", BASE, [
    "11.05",
    "58.72",
    "1.40",
    "11.24",
    "53.16",
    "1.54",
    "10.84",
    "53.36",
    "1.54",
  ]),
  paramBlock(
    "train/9-layer",
    "Train the network",
    "9-layer, no BN, He, λ = 0.005, 2 cycles",
    { ...BASE, hidden: NINE },
    ["10.16", "44.14", "1.72", "10.04", "40.74", "1.84", "10.59", "40.37", "1.85"],
    { readings: [FANIN_CONTROL] },
  ),
  paramBlock("bn/3-layer", "Implement BatchNormalization", "3-layer (50, 50), BN, shuffling, λ = 0.005, 2 cycles", BN, [
    "9.64",
    "61.63",
    "1.32",
    "9.78",
    "53.22",
    "1.53",
    "9.22",
    "53.37",
    "1.53",
  ]),
  paramBlock(
    "bn/9-layer",
    "Implement BatchNormalization",
    "9-layer, BN, shuffling, λ = 0.005, 2 cycles",
    { ...BN, hidden: NINE },
    ["10.63", "50.02", "1.65", "10.34", "43.74", "1.82", "10.53", "43.76", "1.84"],
    { readings: [FANIN_CONTROL] },
  ),
  paramBlock(
    "search/final-no-bn",
    "Parameter search",
    "3-layer (50, 50), NO BN, λ = 0.005623, 3 cycles",
    { ...BASE, lambda: "0.005623", cycles: "3" },
    ["11.05", "58.80", "1.41", "11.24", "53.76", "1.54", "10.84", "53.58", "1.55"],
    {
      quotes: ["A network is then trained for 3 cycles using the value found which gave the following result,"],
      notes: ['The λ search ran with BN, but this 3-cycle run prints "BN: False" (the next block is the BN one).'],
    },
  ),
  paramBlock("search/final-bn", "Parameter search", "3-layer (50, 50), BN, shuffling, λ = 0.005623, 3 cycles", { ...BN, lambda: "0.005623", cycles: "3" }, [
    "9.64",
    "62.24",
    "1.32",
    "9.78",
    "53.84",
    "1.53",
    "9.22",
    "52.87",
    "1.55",
  ]),
  ...sigmaBlocks(),
  paramBlock(
    "optimize/3-hidden",
    "Optimize the performance of the network: Investigate network architecture",
    "4-layer (60, 50, 40), BN",
    { ...BN, hidden: "(60, 50, 40)" },
    ["8.68", "64.33", "1.27", "8.50", "54.60", "1.52", "8.49", "53.72", "1.54"],
    { quotes: ["First up is a network with 3 hidden layers"] },
  ),
  paramBlock(
    "optimize/6-hidden",
    "Optimize the performance of the network: Investigate network architecture",
    "7-layer (80, 70, 60, 50, 40, 30), BN",
    { ...BN, hidden: "(80, 70, 60, 50, 40, 30)" },
    ["10.26", "66.19", "1.26", "9.62", "56.30", "1.52", "10.53", "54.83", "1.57"],
    { quotes: ["Then a network with 6 hidden layers,"] },
  ),
  paramBlock(
    "optimize/12-hidden",
    "Optimize the performance of the network: Investigate network architecture",
    "13-layer (120, 110, …, 20, 10), BN",
    { ...BN, hidden: "(120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10)" },
    ["9.35", "51.92", "1.64", "10.22", "46.36", "1.82", "10.26", "45.61", "1.84"],
    {
      quotes: ["And finally a network with 12 hidden layers"],
      readings: [
        {
          id: "11-hidden",
          fill: { hidden: [120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20] },
          why: "the earlier nnbook reading: the trailing 10 taken as the 10-way output layer (11 hidden layers); the seed's own convention contradicts it (its 9-layer list of 8 widths excludes the output, and the gradient table adds a 9th layer of 10)",
        },
      ],
      notes: ['"12 hidden layers" and 12 printed widths agree: 12 hidden layers plus the output, 13 layers in all (the seed\'s default reading).'],
    },
  ),
  paramBlock(
    "optimize/dropout-no-bn",
    "Optimize the performance of the network: Dropout",
    "4-layer (60, 50, 40), no BN, dropout p = 0.5",
    { ...BASE, hidden: "(60, 50, 40)", dropout: "0.5", shuffle: "True" },
    ["9.93", "32.18", "1.90", "9.44", "31.22", "1.91", "9.67", "31.74", "1.90"],
    {
      readings: [UNSCALED_DROPOUT],
      quotes: ["Running dropout using ``p=0.5`` on a neural network with a deeper architecture and no batch normalization."],
      notes: [
        'p is the probability of killing a neuron ("kill the activations of neurons with a probability p for each hidden layer"); ours is inverted dropout with drop probability p, the seed does not say whether it rescales.',
      ],
    },
  ),
  paramBlock(
    "optimize/dropout-bn",
    "Optimize the performance of the network: Dropout",
    "4-layer (60, 50, 40), BN, dropout p = 0.5",
    { ...BN, hidden: "(60, 50, 40)", dropout: "0.5" },
    ["9.75", "48.70", "1.57", "9.20", "47.44", "1.61", "9.32", "47.07", "1.60"],
    { quotes: ["Training the same network as above but now with batch normalization,"], readings: [UNSCALED_DROPOUT] },
  ),
  paramBlock(
    "optimize/gaussian-noise",
    "Optimize the performance of the network: Add noise to training data",
    "2-layer (50), no BN, Gaussian noise σ = 0.01, 2 cycles",
    { ...BASE, hidden: "50", init: undefined, noise: "gaussian" },
    ["9.63", "55.81", "1.44", "10.84", "51.44", "1.59", "9.82", "50.86", "1.60"],
    {
      notes: [
        'A single hidden layer of 50 ("hidden layers: 50"), no BN; no initialization or shuffle line is printed. Whether the noise is drawn afresh each batch is not stated (ours: on the fly, every batch).',
      ],
    },
  ),
  paramBlock(
    "optimize/salt-pepper-noise",
    "Optimize the performance of the network: Add noise to training data",
    "2-layer (50), no BN, salt-and-pepper noise, 3 cycles",
    { ...BASE, hidden: "50", init: undefined, noise: "s&p", cycles: "3" },
    ["9.63", "55.51", "1.47", "10.84", "51.68", "1.61", "9.82", "50.67", "1.63"],
    {
      quotes: ["Add salt&pepper noise"],
      readings: [
        { id: "sp-0.01", fill: { noise: { kind: "saltPepper", fraction: 0.01 } }, why: "the fraction of pixels is not stated; ours 1 %" },
        { id: "sp-0.05", fill: { noise: { kind: "saltPepper", fraction: 0.05 } }, why: "the fraction of pixels is not stated; 5 % as the second reading" },
      ],
      notes: [
        '3 cycles (the Gaussian run has 2). The salt-and-pepper fraction is not stated: the "seed" reading leaves it open (no preset), the readings give 1 % and 5 %.',
      ],
    },
  ),
  paramBlock(
    "final",
    "Training the final model",
    "7-layer (80, 70, 60, 50, 40, 30), BN, λ = 0.005623, 2 cycles",
    { ...BN, hidden: "(80, 70, 60, 50, 40, 30)", lambda: "0.005623" },
    ["10.26", "65.87", "1.28", "9.62", "56.36", "1.54", "10.53", "55.13", "1.57"],
    { quotes: ["Which has a 55.13% prediction accuracy on the test data."] },
  ),
];

/** The six σ blocks: σ = 0.1, 0.001, 0.0001, each with and without BN (both print shuffle: True). */
function sigmaBlocks(): SeedBlock[] {
  const runs: [string, PrintedParams["bn"], readonly [string, string, string, string, string, string, string, string, string]][] = [
    ["0.1", "True", ["9.64", "60.95", "1.30", "9.78", "53.58", "1.46", "9.22", "52.03", "1.48"]],
    ["0.1", "False", ["11.05", "58.37", "1.40", "11.24", "54.10", "1.53", "10.84", "53.03", "1.54"]],
    ["0.001", "True", ["9.64", "53.63", "2.29", "9.78", "47.68", "2.29", "9.22", "48.05", "2.29"]],
    ["0.001", "False", ["11.05", "10.03", "2.30", "11.24", "9.70", "2.30", "10.84", "10.00", "2.30"]],
    ["0.0001", "True", ["9.64", "53.54", "2.30", "9.78", "48.26", "2.30", "9.22", "47.97", "2.30"]],
    ["0.0001", "False", ["11.05", "10.03", "2.30", "11.24", "9.70", "2.30", "10.84", "10.00", "2.30"]],
  ];
  return runs.map(([sigma, bn, r]) =>
    paramBlock(
      `init/sigma-${sigma}-${bn === "True" ? "bn" : "no-bn"}`,
      INIT,
      `3-layer (50, 50), ${bn === "True" ? "BN" : "no BN"}, N(0, σ²) with σ = ${sigma}, shuffling`,
      { ...BASE, bn, init: sigma, shuffle: "True" },
      r,
      {
        quotes: [SIGMA_QUOTE],
        notes: [
          "The summary table below the six blocks prints different numbers for the same settings (see 000/init-table/*): the seed does not say which run each comes from.",
        ],
      },
    ),
  );
}
