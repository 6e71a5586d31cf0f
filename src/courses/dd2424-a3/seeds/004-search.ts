/**
 * Seed 004's architecture search: the 3-layer architecture grid and its 22 listed results, the 4-layer grid,
 * its three third-layer searches and three named networks (with noise, η = 0.0129…, λ = 1e-4),
 * and the 5-layer remark (section 1.3).
 */
import { bonusRun, testAcc } from "./004-setup";
import type { RunSetup, SeedBlock } from "./types";

const S13 = "1.3 Network architecture search";
const GRID3 =
  "During this setting, an extended search has been conducted looking for good 3-layer architectures. The nodes in each layer tried, vary between 50 and 100 for the first layer, 35 and 50 for the second layer, with a step of 5 layers.";
const GRID4 =
  "Additionally, a more thorough search for a good 4-layer architecture was also conducted, with nodes in the first hidden layer ranging from 50 to 100, nodes in the second hidden layer ranging from 30 to 95 and nodes in the third hidden layer ranging from 20 to 90, with a step of 5.";
const FIG =
  "Cross-entropy loss (left) and accuracy performance (right) evolution on the training and validation set with augmenting input data with random noise on the fly for $(\\eta, \\lambda) = 0.012913581489067944,";
const ETA4 = 0.012913581489067944;
const NOISE: Partial<RunSetup> = { noise: { kind: "gaussian", sigma: null, relative: true } };
const FOUR_NOTE = "η = 0.012913581489067944, λ = 1e-4 and the noise come from the figure caption; the rest of the setup is not stated.";
const range = (from: number, to: number) => ({ from, to, step: 5, spacing: "linear" as const });

/** The 22 listed 3-layer results: (first, second) widths and the test accuracy as printed. */
const LISTED: readonly [number, number, string][] = [
  [55, 35, "51.0"],
  [55, 45, "51.38"],
  [60, 35, "51.55"],
  [65, 35, "51.41"],
  [65, 40, "51.79"],
  [70, 35, "51.11"],
  [70, 40, "51.89"],
  [70, 45, "51.5"],
  [75, 35, "51.14"],
  [75, 40, "51.7"],
  [75, 45, "51.86"],
  [80, 35, "51.42"],
  [80, 40, "52.25"],
  [80, 45, "51.83"],
  [85, 35, "52.43"],
  [85, 40, "51.3"],
  [90, 35, "51.5"],
  [90, 40, "51.9"],
  [90, 45, "51.76"],
  [95, 35, "51.29"],
  [95, 40, "51.94"],
  [95, 45, "52.36"],
];

const listed: SeedBlock[] = LISTED.map(([a, b, acc]) =>
  bonusRun({
    id: `architecture/3-layer/${a}-${b}`,
    section: S13,
    title: `3-layer (${a}, ${b})`,
    eta: ETA4,
    lambda: 1e-4,
    setup: { hidden: [a, b], ...NOISE },
    published: [testAcc(acc)],
    stated: [{ field: "hidden", text: `(${a}, ${b})` }],
    quotes: [GRID3, `Test set accuracy performance for (${a}, ${b}): ${acc}`],
    notes: [
      "The 3-layer search's η, λ, noise and epochs are not stated; ours are the 4-layer runs' (η = 0.0129…, λ = 1e-4, noise). The list covers first widths 55–95 and second 35–45, part of the stated grid.",
    ],
  }),
);

/** A third-layer search: (first, second, x) for x from `lo` to `hi`, the best x and its test accuracy. */
function thirdLayer(fig: number, a: number, b: number, lo: number, hi: number, best: number, acc: string, line: string): SeedBlock {
  return bonusRun({
    id: `architecture/4-layer/${a}-${b}-x`,
    section: S13,
    title: `4-layer (${a}, ${b}, x), x = ${lo} … ${hi}: best x = ${best}`,
    eta: ETA4,
    lambda: 1e-4,
    setup: { hidden: [a, b, best], ...NOISE },
    grid: { third: range(lo, hi) },
    published: [testAcc(`${acc}%`)],
    stated: [
      { field: "hidden", text: `${a}, ${b}, ${best}` },
      { field: "eta.eta", text: String(ETA4) },
      { field: "lambda", text: "1e - 04" },
    ],
    quotes: [line, `**Figure ${fig}:** ${FIG} 1e - 04$ ) and ${a}, ${b}, ${best} nodes in the hidden layers respectively`],
    notes: [FOUR_NOTE, `Only the best x is published; the step (5) is the 4-layer grid's.`],
  });
}

/** A named 4-layer network (bullet `line`, figure caption `caption`, result `result`). */
function named(id: string, hidden: number[], acc: string, line: string, caption: string, extra: Partial<SeedBlock> = {}): SeedBlock {
  const block = bonusRun({
    id: `architecture/4-layer/${id}`,
    section: S13,
    title: `4-layer (${hidden.join(", ")})`,
    eta: ETA4,
    lambda: 1e-4,
    setup: { hidden, ...NOISE },
    published: [testAcc(`${acc}%`)],
    stated: [
      { field: "hidden", text: line.replace(/^.*?(\d+), (\d+) and (\d+).*$/, "$1, $2 and $3") },
      { field: "eta.eta", text: String(ETA4) },
    ],
    quotes: [line, caption, `Test set accuracy performace: ${acc}%`],
    notes: [FOUR_NOTE],
  });
  return { ...block, ...extra, notes: [...(block.notes ?? []), ...(extra.notes ?? [])] };
}

const n959075 = named(
  "95-90-75",
  [95, 90, 75],
  "52.54",
  "$\\bullet$ 95, 90 and 75 nodes in the three hidden layers respectively:",
  `**Figure 12:** ${FIG} 1e - 04$ ) and 100, 60, 45 nodes in the hidden layers respectively`,
  {
    notes: [
      "The bullet says 95, 90, 75; Figure 12's caption repeats Figure 11's \"100, 60, 45\". The bullet is the default reading; the caption's is a second one.",
    ],
  },
);

/** Section 1.3 of seed 004. */
export const SEED_004_ARCHITECTURES: readonly SeedBlock[] = [
  {
    id: "004/architecture/3-layer-grid",
    seed: "004",
    section: S13,
    kind: "searchGrid",
    title: "3-layer grid: first 50 … 100, second 35 … 50, step 5",
    grid: { first: range(50, 100), second: range(35, 50) },
    published: [],
    stated: [
      { field: "first.from", text: "50" },
      { field: "first.to", text: "100" },
      { field: "second.from", text: "35" },
      { field: "second.to", text: "50" },
    ],
    quotes: [GRID3],
  },
  ...listed,
  {
    id: "004/architecture/4-layer-grid",
    seed: "004",
    section: S13,
    kind: "searchGrid",
    title: "4-layer grid: first 50 … 100, second 30 … 95, third 20 … 90, step 5",
    grid: { first: range(50, 100), second: range(30, 95), third: range(20, 90) },
    published: [],
    stated: [
      { field: "second.from", text: "30" },
      { field: "second.to", text: "95" },
      { field: "third.from", text: "20" },
      { field: "third.to", text: "90" },
    ],
    quotes: [GRID4],
    notes: ["No result of this grid is printed beyond the runs below."],
  },
  thirdLayer(
    7,
    85,
    35,
    20,
    30,
    25,
    "51.36",
    "• 85 nodes in the first layer, 35 nodes in the second layer and experimenting between 20 and 30 nodes in the third layer. Best test set performance is 51.36% achieved by 25 nodes in this layer",
  ),
  thirdLayer(
    8,
    95,
    45,
    20,
    40,
    40,
    "52.17",
    "• 95 nodes in the first layer, 45 nodes in the second layer and experimenting between 20 and 40 nodes in the third layer. Best test set performance is 52.17% achieved by 40 nodes in this layer",
  ),
  thirdLayer(
    9,
    80,
    40,
    20,
    35,
    20,
    "51.54",
    "• 80 nodes in the first layer, 40 nodes in the second layer and experimenting between 20 and 35 nodes in the third layer. Best test set performance is 51.54% achieved by 20 nodes in this layer",
  ),
  named(
    "75-65-55",
    [75, 65, 55],
    "51.91",
    "• 75, 65 and 55 nodes in the three hidden layers respectively:",
    `**Figure 10:** ${FIG} 1e-04$ ) and 75, 65, 55 nodes in the hidden layers respectively`,
  ),
  named(
    "100-60-45",
    [100, 60, 45],
    "51.9",
    "• 100, 60 and 45 nodes in the three hidden layers respectively:",
    `**Figure 11:** ${FIG} 1e - 04)$ and 100, 60, 45 nodes in the hidden layers respectively`,
  ),
  { ...n959075, readings: [...n959075.readings!, { id: "caption", fill: { hidden: [100, 60, 45] }, why: "Figure 12's caption's widths" }] },
  {
    id: "004/architecture/5-layer",
    seed: "004",
    section: S13,
    kind: "claim",
    title: "5-layer networks: some 4-layer architectures with a fourth hidden layer, slightly worse",
    published: [],
    stated: [],
    quotes: [
      "Some of these architectures were tried to be expanded in a fourth hidden layer (5 layer-architecture in total), but the performance in the test set slightly dropped in comparison with the 4-layer architectures.",
    ],
    notes: ["No widths and no number are given: nothing to run as the seed's; a 5-layer extension of the 4-layer networks would be ours."],
  },
];
