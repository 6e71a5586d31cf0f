/**
 * The `dd2424-a3` report (seeds 000 and 001): which runs each section trains, where each run is
 * shown, and the coverage input (why a number may differ). Every run is a seed block under one
 * of its readings, a point of a seed's grid, or a control of ours (ids with "#control-" or
 * "#ours-", labels saying OUR/OURS). Sections and the coverage notebook share these lists, so the
 * coverage notebook retrains nothing (result cache).
 */
import type { SeedGroup } from "../../experiments/aggregate";
import { type BlockRun, type BlockRunOptions, blockRun, gridRuns, oursRun, uniqueRuns } from "./block-runs";
import type { CoverageInput, SectionLink } from "./coverage";
import { SEED_000_BLOCKS } from "./seeds/000";
import { SEED_001_BLOCKS } from "./seeds/001";
import type { SeedBlock } from "./seeds/types";

/** The blocks this report covers: seeds 000 and 001. */
export const DD2424_A3_REPORT_BLOCKS: readonly SeedBlock[] = [...SEED_000_BLOCKS, ...SEED_001_BLOCKS];

const nb = (file: string, title: string): SectionLink => ({ title, href: `../notebooks/dd2424-a3/${file}.ipynb` });

/** The report's sections (links from reports/ to the notebooks). */
export const DD2424_A3_SECTIONS = {
  gradients: nb("01-gradient-check", "1 Gradient check"),
  noBn: nb("02-training-without-bn", "2 Training without batch normalization"),
  bn: nb("03-training-with-bn", "3 Training with batch normalization"),
  lambda: nb("04-lambda-search", "4 λ search"),
  init: nb("05-initialization", "5 Sensitivity to initialization"),
  optimize: nb("06-optimizing", "6 Optimizing the network"),
} as const;

/** A section key. */
export type Dd2424Section = keyof typeof DD2424_A3_SECTIONS;

const B = DD2424_A3_REPORT_BLOCKS;
const run = (id: string, o: BlockRunOptions, reading = "seed"): BlockRun => blockRun(B, id, reading, o);

/** Section 2: the 3- and 9-layer nets without BN (both seeds), the A2 replication (two init readings), N(0, 1/fan_in) controls. */
export function noBnRuns(o: BlockRunOptions = {}): BlockRun[] {
  return [
    run("000/train/3-layer", o),
    run("001/train/3-layer", o),
    run("000/train/9-layer", o),
    run("001/train/9-layer", o),
    run("000/train/9-layer", o, "control-fanIn"),
    run("001/a2-replication", o),
    run("001/a2-replication", o, "a2-init"),
  ];
}

/** The no-BN nets reshuffled every epoch: OUR controls separating BN from shuffling (the seeds change both at once). */
export function shuffleControls(o: BlockRunOptions = {}): BlockRun[] {
  return ["000/train/3-layer", "000/train/9-layer"].map((id) => oursRun(run(id, o), "shuffled", "no BN, reshuffled every epoch", { shuffle: true }));
}

/** Section 3: BN nets of both seeds, the shuffle controls, seed 001's λ = 0.0041 runs (3 cycles), its 100-image check. */
export function bnRuns(o: BlockRunOptions = {}): BlockRun[] {
  return [
    run("000/bn/3-layer", o),
    run("001/bn/3-layer", o),
    run("000/bn/9-layer", o),
    run("000/bn/9-layer", o, "control-fanIn"),
    ...shuffleControls(o),
    run("001/bn/3-layer-lambda-0.0041", o),
    run("001/bn/9-layer-lambda-0.0041", o),
    run("001/bn/9-layer-lambda-0.0041", o, "control-fanIn"),
    run("001/overfit", { ...o, evalTimes: 1 }), // one evaluation per epoch: 200 epochs of 10 steps
  ];
}

/** Section 4: seed 000's coarse and fine grids (1 cycle) and its two 3-cycle runs; seed 001's two 8-point grids (2 cycles) and its best λ. */
export function lambdaRuns(o: BlockRunOptions = {}): BlockRun[] {
  const rows = (prefix: string) => B.filter((b) => b.kind === "run" && b.id.startsWith(prefix)).map((b) => run(b.id, o));
  return [
    ...gridRuns(B, "000/search/coarse-grid", o),
    ...gridRuns(B, "000/search/fine-grid", o),
    ...rows("000/search/coarse/"),
    ...rows("000/search/fine/"),
    run("000/search/final-no-bn", o),
    run("000/search/final-bn", o),
    ...gridRuns(B, "001/search/coarse-grid", o),
    ...rows("001/search/coarse/"),
    ...gridRuns(B, "001/search/fine-grid", o),
    run("001/search/fine/best", o),
  ];
}

/** Section 5: σ ∈ {0.1, 1e-3, 1e-4} with and without BN, seed 000's blocks and summary table, seed 001's table. */
export function initRuns(o: BlockRunOptions = {}): BlockRun[] {
  return B.filter((b) => b.kind === "run" && /^(000\/init\/|000\/init-table\/|001\/init\/)/.test(b.id)).map((b) => run(b.id, o));
}

/** The no-BN runs at small σ, for many seeds (section 5: how many escape chance). */
export function manySeedRuns(o: BlockRunOptions = {}): BlockRun[] {
  return ["000/init/sigma-0.001-no-bn", "000/init/sigma-0.0001-no-bn"].map((id) => oursRun(run(id, o), "many-seeds", "the same run over more seeds", {}));
}

/** Section 6: seed 000's deeper BN nets (12 hidden layers read two ways), dropout, noise (salt and pepper read two ways), its final model. */
export function optimizeRuns(o: BlockRunOptions = {}): BlockRun[] {
  return [
    run("000/optimize/3-hidden", o),
    run("000/optimize/6-hidden", o),
    run("000/optimize/12-hidden", o),
    run("000/optimize/12-hidden", o, "11-hidden"),
    run("000/optimize/dropout-no-bn", o),
    run("000/optimize/dropout-no-bn", o, "unscaled"),
    run("000/optimize/dropout-bn", o),
    run("000/optimize/dropout-bn", o, "unscaled"),
    run("000/optimize/gaussian-noise", o),
    run("000/optimize/salt-pepper-noise", o, "sp-0.01"),
    run("000/optimize/salt-pepper-noise", o, "sp-0.05"),
    run("000/final", o),
    withoutNoise(run("000/optimize/gaussian-noise", o)),
    withoutNoise(run("000/optimize/salt-pepper-noise", o, "sp-0.01")),
    ...bnExtras(o),
  ];
}

/** OUR extras from the earlier report: dropout and input noise on the 3-layer BN net (50, 50) of section 3 (listed first, from the cache). */
export function bnExtras(o: BlockRunOptions = {}): BlockRun[] {
  const base = run("000/bn/3-layer", o);
  return [
    base,
    oursRun(base, "dropout", "dropout 0.5 (inverted)", { dropout: 0.5 }),
    oursRun(base, "gaussian", "Gaussian input noise σ = 0.01", { noise: { kind: "gaussian", sigma: 0.01 } }),
    oursRun(base, "salt-pepper", "salt and pepper on 1 % of the inputs", { noise: { kind: "saltPepper", fraction: 0.01 } }),
  ];
}

/** OUR control: a noise run without its noise (the seed compares with nothing of the same net). */
function withoutNoise(r: BlockRun): BlockRun {
  const { noise: _noise, ...plain } = r.config;
  const id = `${r.blockId}#ours-no-noise`;
  return { ...r, id, reading: "ours-no-noise", ours: true, label: `${r.label.replace(/ \[.*\]$/, "")} [OURS: the same net without noise]`, config: plain };
}

/** Every section's runs (3 seeds each in the report), by section, and the many-seed runs. */
export function reportRuns(o: BlockRunOptions = {}): {
  readonly bySection: Readonly<Record<Exclude<Dd2424Section, "gradients">, BlockRun[]>>;
  readonly manySeeds: BlockRun[];
} {
  return {
    bySection: { noBn: noBnRuns(o), bn: bnRuns(o), lambda: lambdaRuns(o), init: initRuns(o), optimize: optimizeRuns(o) },
    manySeeds: manySeedRuns(o),
  };
}

/** Every section's runs once (a run shown in two sections, e.g. section 3's BN net in section 6, once). */
export function sectionRuns(plan: ReturnType<typeof reportRuns>): BlockRun[] {
  return uniqueRuns(Object.values(plan.bySection).flat());
}

/** The section showing a run (by run id) or a gradient check (by block id). */
export function sectionOfRun(plan: ReturnType<typeof reportRuns>): (id: string) => SectionLink | undefined {
  const map = new Map<string, SectionLink>();
  for (const [key, runs] of Object.entries(plan.bySection)) for (const r of runs) if (!map.has(r.id)) map.set(r.id, DD2424_A3_SECTIONS[key as Dd2424Section]);
  for (const r of plan.manySeeds) map.set(r.id, DD2424_A3_SECTIONS.init);
  return (id) => map.get(id) ?? (id.includes("/gradients/") ? DD2424_A3_SECTIONS.gradients : undefined);
}

const DATA = "our CIFAR-10 copy is rebuilt from JPEG-recompressed images (pixels and the validation split differ)";
const NINE = `our He-initialized 9-layer nets train better than both seeds' (see the N(0, 1/fan_in) control of sections 2–3); ${DATA}`;

/** Why a block's number may differ (used only when the test rejects), and what the seeds' gradient checks show. */
export const DD2424_A3_WHY: Readonly<Record<string, string>> = {
  "000/train/9-layer": NINE,
  "001/train/9-layer": NINE,
  "000/bn/9-layer": NINE,
  "001/a2-replication": `training/validation files and init not stated (ours: data_batch_1 / data_batch_2, He); ${DATA}`,
  "000/optimize/dropout-no-bn": `whether the seed's dropout rescales is not stated (both readings run); ${DATA}`,
  "000/optimize/dropout-bn": `whether the seed's dropout rescales is not stated (both readings run); ${DATA}`,
  "000/optimize/salt-pepper-noise": `the salt-and-pepper fraction is not stated (ours: 1 % and 5 %); ${DATA}`,
  "000/optimize/gaussian-noise": `initialization and shuffling not printed (ours: He, no shuffling); ${DATA}`,
  "001/gradients/bn-2-layer": "the seed's own check fails for layer 1's W (relative error ~1)",
  "000/gradients/9-layer": "the seed prints 0.00166769 for layer 4, above its own tolerance 1e-5",
};

/** The first evaluation epoch at which each finished seed's training loss is below `level` (Infinity if never). */
export function epochsToLoss(g: SeedGroup, level: number): number[] {
  return g.results.map((r) => r.history.find((h) => h.split === "train" && h.loss < level)?.epoch ?? Infinity);
}

/** The coverage input of the report (its blocks, runs, sections and reasons). */
export function dd2424CoverageInput(plan: ReturnType<typeof reportRuns>, custom: CoverageInput["custom"] = {}): CoverageInput {
  return { blocks: B, runs: uniqueRuns([...sectionRuns(plan), ...plan.manySeeds]), sectionOf: sectionOfRun(plan), why: DD2424_A3_WHY, custom };
}
