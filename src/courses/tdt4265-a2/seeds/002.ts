/**
 * Seed 002 (TDT4265 Assignment 2, 2022): every result block as data, quoted from
 * ../shared/seeds/002_9360d2f8bd0fe663.txt. The seed states η = 0.1 (0.02 with momentum) and early
 * stopping; it does not state the batch size, the epoch limit or the shuffling (our choices, see
 * `notes`). Its tricks are each applied alone to the base model; its topologies use all of them.
 */
import type { BlockSetup, PublishedValue, SeedBlock } from "./types";

const LR_QUOTE = "It is also worth noting that for Task3c the *learning rate* is also reduced from $0.1$ to $0.02$.";
const ALONE_QUOTE = "When applying the ''Tricks of the Trade'' only that specific improvement is applied to the base model";
const ALL_TRICKS_QUOTE = "As stated in the assignment all the models will apply all of the ''Tricks of the Trade'' from Task 3.";
const OPEN_SETTINGS =
  "The seed does not state the batch size, the epoch limit or the shuffling: ours are batch 32, at most 15 epochs, a fixed sample order (shuffling only where a trick adds it).";

const base: BlockSetup = {
  network: "784-64-10",
  hidden: [64],
  batchSize: null,
  learningRate: 0.1,
  epochs: null,
  earlyStopping: true,
  tricks: [],
};
const allTricks: BlockSetup = {
  ...base,
  learningRate: 0.02,
  momentum: 0.9,
  tricks: ["improved weight initialization", "improved sigmoid", "momentum"],
};

/** The four published columns of Tables task2c/task3/task4: losses as printed, accuracies in %. */
function row(trainLoss: string, valLoss: string, trainAcc: string, valAcc: string): PublishedValue[] {
  const acc = (split: "train" | "validation", text: string): PublishedValue => ({ quantity: "accuracy", split, value: Number(text.replace("%", "")), text });
  return [
    { quantity: "loss", split: "train", value: Number(trainLoss), text: trainLoss },
    { quantity: "loss", split: "validation", value: Number(valLoss), text: valLoss },
    acc("train", trainAcc),
    acc("validation", valAcc),
  ];
}

function topology(id: string, label: string, hidden: number[], published: PublishedValue[], line: string): SeedBlock {
  return {
    id: `002/task4/${id}`,
    seed: "002",
    section: "Task 4, Table task4",
    title: `${label}, all tricks`,
    setup: { ...allTricks, network: ["784", ...hidden.map(String), "10"].join("-"), hidden },
    published,
    quotes: [ALL_TRICKS_QUOTE, line],
    notes: [OPEN_SETTINGS],
  };
}

/** Every result block of seed 002, in the seed's order. */
export const SEED_002_BLOCKS: readonly SeedBlock[] = [
  {
    id: "002/task2a/normalization",
    seed: "002",
    section: "Task 2 (a)",
    title: "Mean pixel value and standard deviation over all 60,000 training images",
    setup: { ...base, learningRate: null, earlyStopping: null },
    published: [
      { quantity: "pixelMean", value: 33.318421449829934, text: "33.318421449829934" },
      { quantity: "pixelStd", value: 78.56748998339798, text: "78.56748998339798" },
    ],
    quotes: [
      "Using all images from the training dataset (60 000 images) to find the mean pixel value and standard deviation gives:",
      "mean pixel value   = 33.318421449829934",
      "standard deviation = 78.56748998339798",
    ],
  },
  {
    id: "002/task2c/baseline",
    seed: "002",
    section: "Task 2 (c), Table task2c and Table task3 row 1",
    title: "Base model 784-64-10 (sigmoid), no improvements",
    setup: base,
    published: row("0.0765", "0.2978", "98.370%", "91.520%"),
    quotes: ["| Hidden Layer With 64 Nodes | 0.0765 | 0.2978 | 98.370% | 91.520% |", "| No Improvements | 0.0765 | 0.2978 | 98.370% | 91.520% |"],
    notes: [OPEN_SETTINGS],
  },
  {
    id: "002/task2d/parameters",
    seed: "002",
    section: "Task 2 (d)",
    title: "Parameter count of 784-64-10 with the bias trick",
    setup: { ...base, learningRate: null, earlyStopping: null },
    published: [{ quantity: "parameters", value: 50880, text: "50 880" }],
    quotes: ["(784\\text{ inputs}+1\\text{ bias})*64+64*10&=\\underline{\\underline{50 880\\text{ Parameters}}}"],
  },
  {
    id: "002/task3/fanIn",
    seed: "002",
    section: "Task 3 (a)",
    title: "Improved weight initialization alone",
    setup: { ...base, tricks: ["improved weight initialization"] },
    published: row("0.0131", "0.1366", "99.960%", "95.940%"),
    quotes: ["- Task 3a: Improved Weight Initialization", ALONE_QUOTE, "| Improved Weight Initialization | 0.0131 | 0.1366 | 99.960% | 95.940% |"],
    notes: [OPEN_SETTINGS],
  },
  {
    id: "002/task3/improvedSigmoid",
    seed: "002",
    section: "Task 3 (b)",
    title: "Improved sigmoid alone",
    setup: { ...base, tricks: ["improved sigmoid"] },
    published: row("0.0991", "0.3954", "97.590%", "89.910%"),
    quotes: ["- Task 3b: Improved Sigmoid", ALONE_QUOTE, "| Improved Sigmoid | 0.0991 | 0.3954 | 97.590% | 89.910% |"],
    notes: [OPEN_SETTINGS],
  },
  {
    id: "002/task3/momentum",
    seed: "002",
    section: "Task 3 (c)",
    title: "Momentum alone, η = 0.02",
    setup: { ...base, learningRate: 0.02, tricks: ["momentum"] },
    published: row("0.0621", "0.2955", "98.665%", "91.910%"),
    quotes: ["- Task 3c: Using Momentum", LR_QUOTE, "| Using Momentum | 0.0621 | 0.2955 | 98.665% | 91.910% |"],
    notes: [OPEN_SETTINGS, "The momentum coefficient is not stated; ours is 0.9."],
  },
  {
    id: "002/task3/steps",
    seed: "002",
    section: "Task 3 (b), (c)",
    title: "Update steps until early stopping: base, improved sigmoid, momentum",
    setup: base,
    published: [
      { quantity: "steps", value: 14000, text: "14 000" },
      { quantity: "steps", value: 30000, text: "30 000" },
      { quantity: "steps", value: 17500, text: "17 500" },
    ],
    quotes: ["stopping after only 14 000 training steps, compared to the base models 30 000.", "(early stopping after 17 500 steps)."],
    notes: ["Step counts depend on the batch size, which the seed does not state; compared as an order of magnitude only."],
  },
  topology(
    "hidden64",
    "784-64-10",
    [64],
    row("0.0018", "0.1593", "100.000%", "95.930%"),
    "| Hidden Layer with 64 Neurons | 0.0018 | 0.1593 | 100.000% | 95.930% |",
  ),
  topology(
    "hidden32",
    "784-32-10",
    [32],
    row("0.0266", "0.2237", "99.420%", "94.540%"),
    "| Hidden Layer With 32 Neurons | 0.0266 | 0.2237 | 99.420% | 94.540% |",
  ),
  topology(
    "hidden128",
    "784-128-10",
    [128],
    row("0.0009", "0.1238", "100.000%", "97.040%"),
    "| Hidden Layer With 128 Neurons | 0.0009 | 0.1238 | 100.000% | 97.040% |",
  ),
  topology(
    "hidden60x2",
    "784-60-60-10",
    [60, 60],
    row("0.0009", "0.1724", "100.000%", "96.450%"),
    "| 2 Hidden Layers With 60 Neurons | 0.0009 | 0.1724 | 100.000% | 96.450% |",
  ),
  {
    id: "002/task4d/parameters",
    seed: "002",
    section: "Task 4 (d)",
    title: "Parameter count of 784-60-60-10 with the bias trick",
    setup: { ...allTricks, network: "784-60-60-10", hidden: [60, 60] },
    published: [{ quantity: "parameters", value: 50386, text: "50\\ 386" }],
    quotes: ["(784+1)*60+60*60+60*10&=\\underline{\\underline{50\\ 386 \\text{ parameters}}}"],
    notes: ["(784 + 1)·60 + 60·60 + 60·10 is 51,300, not 50,386: the seed's arithmetic is off; we print the formula's value."],
  },
  topology(
    "hidden64x10",
    "784-(64×10)-10",
    Array.from({ length: 10 }, () => 64),
    row("0.0587", "0.2285", "98.350%", "94.800%"),
    "| 10 Hidden Layers With 64 Neurons | 0.0587 | 0.2285 | 98.350% | 94.800% |",
  ),
];
