/**
 * Seed 003 (TDT4265 Assignment 2, 2019): every result block as data, quoted from
 * ../shared/seeds/003_81e37961bc8b8da5.txt. Its setup: 784-64-10, 10 % validation, batch 128,
 * η = 0.5, 15 epochs, no early stopping, gradients not normalized like the loss; tricks added one
 * after another (B → S → S+I → S+I+N → S+I+N+M); Tables 0.1 and 0.2 give (train, validation, test)
 * accuracy at epochs 1, 5, 10 and 15. A table row's quote is rebuilt from its numbers (label, tab,
 * the four triples tab-separated), so a wrong number fails the verbatim quote test.
 */
import type { BlockSetup, PublishedValue, SeedBlock } from "./types";

/** The epochs at which Tables 0.1 and 0.2 report their triples. */
export const SEED_003_TABLE_EPOCHS: readonly number[] = [1, 5, 10, 15];

const SETUP_QUOTES = [
  "model.train(mnist, epochs=15, batch_size=128, lr=0.5, evaluate=True)",
  "Early stopping was not used, as we simply observed the training behaviour over several training sessions and decided that 15 epochs was sufficient.",
  "This was done without normalizing the gradients like the loss, which here gave faster convergence.",
];
const TABLE_01 = "Table 0.1: (train_acc, val_acc, test_acc) in epoch [1, 5, 10, 15]";
const TABLE_02 = "Table 0.2: (train_acc, val_acc, test_acc) in epoch [1, 5, 10, 15]";
const LABELS = "The labels in the table below represent [B]ase, [S]huffle, [I]mproved Sigmoid, [N]ormal distribution, [M]omentum ( $\\mu = 0.9$ ).";
const TOPOLOGY = "For this task we used the same hyperparameters as in task 3, as well as the tricks of the trade, except momentum.";
const MOMENTUM_LR = "Lowering the learning rate from 0.5 to 0.05 gave much smaller oscillations, and a better result, as shown in the images below.";
const CUMULATIVE =
  "Our reading: the tricks are cumulative (the N row equals Table 0.2's 64 row, and Task 4 uses 'the tricks of the trade, except momentum'); the base init is not stated, ours is normal with the variance of uniform(−1, 1), as in the seed-002 series.";
const NORMALIZATION =
  "'Without normalizing the gradients like the loss' is ambiguous: read as a summed batch gradient (η·Σ over the batch, ours: η·B·mean, exact for B = 128) and as the mean gradient; both readings are run.";

const base: BlockSetup = {
  network: "784-64-10",
  hidden: [64],
  batchSize: 128,
  learningRate: 0.5,
  epochs: 15,
  earlyStopping: false,
  tricks: ["B"],
};

/** The 12 published accuracies of one table row: triples (train, validation, test) at epochs 1, 5, 10, 15. */
function triples(rows: readonly (readonly [string, string, string])[]): PublishedValue[] {
  const splits = ["train", "validation", "test"] as const;
  return rows.flatMap((t, e) =>
    t.map((text, k) => ({
      quantity: "accuracy" as const,
      split: splits[k],
      epoch: SEED_003_TABLE_EPOCHS[e],
      value: Number(text),
      text,
    })),
  );
}

/** The table line of a row: its label as printed, then the four triples, tab-separated. */
function tableLine(label: string, rows: readonly (readonly [string, string, string])[]): string {
  return [label, ...rows.map((t) => `(${t.join(", ")})`)].join("\t");
}

type Triples = readonly (readonly [string, string, string])[];

function trickRow(id: string, label: string, tricks: string[], rows: Triples, extra: Partial<BlockSetup> = {}, quotes: string[] = []): SeedBlock {
  return {
    id: `003/table01/${id}`,
    seed: "003",
    section: `Table 0.1, row ${id}`,
    title: `Tricks ${tricks.join(" + ")} (cumulative)`,
    setup: { ...base, tricks, ...extra },
    published: triples(rows),
    quotes: [TABLE_01, LABELS, tableLine(label, rows), ...quotes],
    notes: [CUMULATIVE, NORMALIZATION],
  };
}

function topologyRow(label: string, hidden: number[], rows: Triples): SeedBlock {
  return {
    id: `003/table02/${hidden.join("x")}`,
    seed: "003",
    section: `Table 0.2, row ${label}`,
    title: `784-${hidden.join("-")}-10 with B + S + I + N (no momentum)`,
    setup: { ...base, network: `784-${hidden.join("-")}-10`, hidden, tricks: ["B", "S", "I", "N"] },
    published: triples(rows),
    quotes: [TABLE_02, TOPOLOGY, tableLine(label, rows)],
    notes: [NORMALIZATION],
  };
}

const N_ROWS: Triples = [
  ["94.5", "94.3", "94.1"],
  ["97.3", "96.1", "96.5"],
  ["98.1", "96.4", "96.9"],
  ["98.8", "96.7", "97.1"],
];

/** Every result block of seed 003, in the seed's order. */
export const SEED_003_BLOCKS: readonly SeedBlock[] = [
  {
    id: "003/task2a/setup",
    seed: "003",
    section: "2 - MNIST Classification, 2a)",
    title: "Setup of every seed-003 run",
    setup: base,
    published: [],
    quotes: [
      "10% of the dataset is selected as validation set, and thus removed from the training set.",
      ...SETUP_QUOTES,
      "Evaluation is done 20 times per epoch to create a smooth graph of the training development.",
    ],
    notes: [NORMALIZATION],
  },
  {
    id: "003/task2b/gradcheck",
    seed: "003",
    section: "2b)",
    title: "Numerical gradient check of 784-64-10 (sigmoid) on about 50 images, ε = 0.01",
    setup: { ...base, learningRate: null, epochs: null, earlyStopping: null, tricks: [] },
    published: [
      { quantity: "maxAbsDifference", value: 1e-7, text: "$10^{-7}$" },
      { quantity: "maxAbsDifference", value: 1e-8, text: "$10^{-8}$" },
    ],
    quotes: [
      "We let this run for only about 50 input images, as it took quite a while to compute.",
      "was consistently in the range of  $10^{-7}$  to  $10^{-8}$  when using an  $\\epsilon$  of 0.01",
    ],
    notes: ["The cost whose gradient was checked is not stated; ours is the mean cross-entropy over the images, at initialization."],
  },
  {
    id: "003/task2c/baseline",
    seed: "003",
    section: "2c)",
    title: "Base model after 15 epochs, no tricks",
    setup: base,
    published: [{ quantity: "accuracy", value: 92, text: "92%" }],
    quotes: ["The result is very much as expected, reaching an accuracy of about 92% without any tricks."],
    notes: ["The split is not stated; compared with our validation accuracy (the plotted curves are training and validation)."],
  },
  trickRow(
    "B",
    "\u0412",
    ["B"],
    [
      ["85.9", "85.3", "86.0"],
      ["92.0", "91.6", "91.6"],
      ["93.8", "93.0", "92.8"],
      ["94.8", "93.4", "93.5"],
    ],
  ),
  trickRow(
    "S",
    "$\\mathbf{S}$",
    ["B", "S"],
    [
      ["85.6", "85.0", "86.1"],
      ["92.4", "91.0", "91.7"],
      ["94.2", "92.4", "93.0"],
      ["95.3", "93.6", "93.7"],
    ],
  ),
  trickRow(
    "I",
    "I",
    ["B", "S", "I"],
    [
      ["81.9", "81.3", "82.0"],
      ["91.8", "91.0", "91.3"],
      ["93.5", "92.1", "92.9"],
      ["94.6", "93.5", "93.7"],
    ],
  ),
  trickRow("N", "N", ["B", "S", "I", "N"], N_ROWS, {}, [
    "Changing the initialization of weights to use fan-in definitely helped, as shown in the table above.",
  ]),
  trickRow(
    "M",
    "\u039c",
    ["B", "S", "I", "N", "M"],
    [
      ["93.8", "93.2", "93.6"],
      ["96.9", "95.4", "96.0"],
      ["98.4", "96.4", "97.0"],
      ["98.8", "96.4", "97.0"],
    ],
    { learningRate: 0.05, momentum: 0.9 },
    [MOMENTUM_LR],
  ),
  {
    id: "003/task3d/momentumLearningRates",
    seed: "003",
    section: "3 d)",
    title: "Momentum at η = 0.5 against η = 0.05 (curves)",
    setup: { ...base, tricks: ["B", "S", "I", "N", "M"], momentum: 0.9 },
    published: [],
    quotes: ["With our original learning rate, we saw huge oscillations in the accuracy and loss (after just 5 epochs)", MOMENTUM_LR],
  },
  {
    id: "003/task3b/tanhNormalization",
    seed: "003",
    section: "3 b)",
    title: "Improved sigmoid converging faster once normalized differently",
    setup: { ...base, tricks: ["B", "S", "I"] },
    published: [],
    quotes: ["As an aside, we did more tests later, after doing normalization differently, which showed tanh to be converging faster than sigmoid."],
    notes: ["Qualitative; our two gradient-normalization readings of rows S and I show it."],
  },
  topologyRow(
    "5",
    [5],
    [
      ["83.2", "83.0", "83.0"],
      ["85.0", "84.0", "84.8"],
      ["85.9", "85.1", "85.1"],
      ["85.6", "84.1", "84.7"],
    ],
  ),
  topologyRow(
    "10",
    [10],
    [
      ["89.5", "89.3", "89.4"],
      ["91.1", "90.3", "90.8"],
      ["91.5", "90.7", "90.9"],
      ["92.4", "91.6", "91.5"],
    ],
  ),
  topologyRow(
    "20",
    [20],
    [
      ["91.1", "91.3", "91.3"],
      ["93.3", "93.1", "93.3"],
      ["95.1", "94.6", "93.9"],
      ["95.7", "95.0", "94.7"],
    ],
  ),
  topologyRow(
    "32",
    [32],
    [
      ["92.7", "92.3", "92.6"],
      ["94.9", "93.9", "94.4"],
      ["97.1", "95.3", "95.8"],
      ["97.4", "95.2", "95.9"],
    ],
  ),
  topologyRow("64", [64], N_ROWS),
  topologyRow(
    "128",
    [128],
    [
      ["93.7", "93.3", "93.6"],
      ["97.6", "96.4", "96.6"],
      ["98.2", "96.8", "96.9"],
      ["99.5", "97.3", "97.5"],
    ],
  ),
  topologyRow(
    "60, 60",
    [60, 60],
    [
      ["94.4", "93.8", "94.1"],
      ["97.7", "96.9", "96.5"],
      ["98.5", "96.9", "96.8"],
      ["98.8", "97.0", "96.8"],
    ],
  ),
  {
    id: "003/task4c/weights",
    seed: "003",
    section: "4 c)",
    title: "Weight counts of 784-64-10 and 784-60-60-10 (no biases)",
    setup: { ...base, network: "784-60-60-10", hidden: [60, 60], tricks: ["B", "S", "I", "N"] },
    published: [
      { quantity: "parameters", value: 49536, text: "49536" },
      { quantity: "parameters", value: 50040, text: "50040" },
    ],
    quotes: ["With one hidden layer the architecture has 764\\*64+10\\*64=49536 weights.", "764\\*60+60\\*60+60\\*10=50040"],
    notes: ["The seed writes 764 for 784 inputs: with 784 the weight counts are 50,816 and 51,240."],
  },
  {
    id: "003/task5/bonus",
    seed: "003",
    section: "5 - Bonus",
    title: "Dropout + ReLU + Xavier init + learning-rate decay",
    setup: { ...base, tricks: ["dropout", "ReLU", "Xavier", "lr decay"] },
    published: [{ quantity: "accuracy", value: 98, text: "98%" }],
    quotes: [
      "We have implemented dropout layers for this task, and added the ReLU activation function",
      "We also added Xavier initialization of weights",
      "Decay of learning rate is also added to the training method.",
      "we reached as high as 98% accuracy on the validation/testing sets during experimentation",
    ],
    notes: ["Drop rate, decay and base settings are not stated; '98%' is the best seen while experimenting, not a mean."],
  },
];
