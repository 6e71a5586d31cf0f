/**
 * Seed blocks → training runs. A `BlockRun` is one configuration of the report: a run block of a
 * seed under one reading (or one point of a seed's search grid, or a control of ours), with a
 * unique id, a label and the report section that shows it. `runBlockRuns` trains every run over
 * the seeds (parallel sweep, result cache), each on the data its config names: the standard
 * split, Assignment 2's "small" split, or the first `trainSize` training images.
 */
import type { ExperimentConfig } from "../../experiments/config";
import type { ExperimentData } from "../../experiments/data";
import { configHash } from "../../experiments/hash";
import { runSeedGroups, type SeedGroupOptions } from "../../experiments/seed-groups";
import type { SeedGroup } from "../../experiments/aggregate";
import { DEFAULT_BN_ALPHA } from "../../layers/batchnorm-stats";
import { type GridOptions, gridPresets } from "./grid-presets";
import { type PresetOptions, resolveSetup, configFromSetup } from "./presets";
import type { SeedBlock } from "./seeds/types";

/** One configuration of the report. */
export interface BlockRun {
  /** unique in the report: "<block id>" for the "seed" reading, "<block id>#<reading>" otherwise, "<grid id>@<value>" for grid points */
  readonly id: string;
  /** the seed block it runs (a grid block for grid points) */
  readonly blockId: string;
  readonly reading: string;
  readonly label: string;
  /** true for our own controls and extras (not a reading of the seed) */
  readonly ours: boolean;
  readonly config: ExperimentConfig;
}

/** How a notebook may shorten every run (tests, quick looks); absent fields keep the seed's setting. */
export interface Shortening {
  /** n_s of every cyclical schedule */
  readonly nS?: number;
  /** cycles of every cyclical schedule */
  readonly cycles?: number;
  /** epochs of every constant-η run */
  readonly epochs?: number;
  /** validation images taken from the standard split (the seeds: 5,000) */
  readonly validationSize?: number;
}

/** Options of the run builders: the preset options and a shortening. */
export interface BlockRunOptions extends PresetOptions {
  readonly shorten?: Shortening;
}

/** `config` with the shortening applied (the config records exactly what runs). */
export function shortened(config: ExperimentConfig, s: Shortening = {}): ExperimentConfig {
  const sch = config.schedule;
  const schedule =
    sch.kind === "cyclical" ? { ...sch, ...(s.nS !== undefined ? { stepSize: s.nS } : {}), ...(s.cycles !== undefined ? { cycles: s.cycles } : {}) } : sch;
  const epochs = config.epochs !== undefined && s.epochs !== undefined ? { epochs: s.epochs } : {};
  const o = config.data.options ?? {};
  const options = s.validationSize !== undefined && o.split === "standard" ? { ...o, validationSize: s.validationSize } : o;
  return { ...config, schedule, ...epochs, data: { ...config.data, options } };
}

function findBlock(blocks: readonly SeedBlock[], id: string): SeedBlock {
  const b = blocks.find((x) => x.id === id);
  if (!b) throw new RangeError(`block runs: no seed block "${id}"`);
  return b;
}

/** The run of block `blockId` under `reading` ("seed" by default); readings named "control-…" are ours. */
export function blockRun(blocks: readonly SeedBlock[], blockId: string, reading = "seed", opts: BlockRunOptions = {}): BlockRun {
  const block = findBlock(blocks, blockId);
  const config = shortened(configFromSetup(resolveSetup(block, reading), opts), opts.shorten);
  const ours = reading.startsWith("control-");
  const label = `${block.seed}: ${block.title}${reading === "seed" ? "" : ` [${ours ? "OUR control: " : "reading "}${reading}]`}`;
  return { id: reading === "seed" ? blockId : `${blockId}#${reading}`, blockId, reading, label, ours, config };
}

/** A run of ours derived from a block's run: `change` applied to its config, labelled as ours. */
export function oursRun(base: BlockRun, id: string, what: string, change: Partial<ExperimentConfig>): BlockRun {
  return {
    ...base,
    id: `${base.id}#ours-${id}`,
    reading: `ours-${id}`,
    ours: true,
    label: `${base.label} [OURS: ${what}]`,
    config: { ...base.config, ...change },
  };
}

/** The runs of a search-grid block: one per value of the seed's grid, id "<grid id>@<λ>". */
export function gridRuns(blocks: readonly SeedBlock[], gridId: string, opts: BlockRunOptions & GridOptions = {}): BlockRun[] {
  const block = findBlock(blocks, gridId);
  return gridPresets(blocks, gridId, opts).map((c) => ({
    id: `${gridId}@${c.lambda}`,
    blockId: gridId,
    reading: "seed",
    ours: false,
    label: `${block.seed}: ${block.title.split(":")[0]}, λ = ${c.lambda}`,
    config: shortened(c, opts.shorten),
  }));
}

/** The config as it is trained: a BN α equal to the default dropped, so equal runs share one cache entry. */
export function canonicalConfig(c: ExperimentConfig): ExperimentConfig {
  if (c.bnAlpha !== DEFAULT_BN_ALPHA) return c;
  const { bnAlpha: _alpha, ...rest } = c;
  return rest;
}

const keyOf = (c: ExperimentConfig): string => configHash({ ...canonicalConfig(c), seed: 0 });

/** Loads the data a config names (`config.data`); `cifarLoader` is the CIFAR-10 one. */
export type DataLoader = (spec: ExperimentConfig["data"]) => Promise<ExperimentData>;

/** Each run's seed group, by run id. */
export type BlockResults = ReadonlyMap<string, SeedGroup>;

/**
 * Trains every run over `seeds` (equal configs once), grouped by the data they name, and returns
 * each run's seed group by id. Throws when two runs share an id.
 */
export async function runBlockRuns(runs: readonly BlockRun[], seeds: readonly number[], load: DataLoader, opts: SeedGroupOptions = {}): Promise<BlockResults> {
  const ids = new Set<string>();
  for (const r of runs) {
    if (ids.has(r.id)) throw new RangeError(`block runs: the id "${r.id}" appears twice`);
    ids.add(r.id);
  }
  const byData = new Map<string, Map<string, ExperimentConfig>>();
  for (const r of runs) {
    const d = JSON.stringify(r.config.data);
    if (!byData.has(d)) byData.set(d, new Map());
    byData.get(d)!.set(keyOf(r.config), canonicalConfig(r.config));
  }
  const groups = new Map<string, SeedGroup>();
  for (const configs of byData.values()) {
    const list = [...configs.values()];
    const data = await load(list[0].data);
    const out = await runSeedGroups(list, seeds, data, opts);
    list.forEach((c, k) => groups.set(keyOf(c), out[k]));
  }
  return new Map(runs.map((r) => [r.id, groups.get(keyOf(r.config))!]));
}

/** `runs` without repeats of an id (the first kept); runs sharing an id must be the same run. */
export function uniqueRuns(runs: readonly BlockRun[]): BlockRun[] {
  const seen = new Map<string, BlockRun>();
  for (const r of runs) {
    const prior = seen.get(r.id);
    if (prior && keyOf(prior.config) !== keyOf(r.config)) throw new RangeError(`block runs: two different runs share the id "${r.id}"`);
    if (!prior) seen.set(r.id, r);
  }
  return [...seen.values()];
}

/** The runs of `runs` that train configuration-equal networks are trained once: how many distinct trainings over `seeds`. */
export function trainingCount(runs: readonly BlockRun[], seeds: number): number {
  return new Set(runs.map((r) => keyOf(r.config))).size * seeds;
}

/** A notebook's parameters as run options; `null` keeps the seed's setting (n_s, cycles, epochs) or evaluates the whole training split. */
export interface NotebookRunParameters {
  readonly evalTimes: number;
  readonly trainSubset: number | null;
  readonly nS: number | null;
  readonly cycles: number | null;
  readonly epochs?: number | null;
  readonly validationSize: number;
}

/** `BlockRunOptions` from a notebook's parameters. */
export function notebookRunOptions(p: NotebookRunParameters): BlockRunOptions {
  const shorten: Shortening = {
    ...(p.nS !== null ? { nS: p.nS } : {}),
    ...(p.cycles !== null ? { cycles: p.cycles } : {}),
    ...(p.epochs !== undefined && p.epochs !== null ? { epochs: p.epochs } : {}),
    ...(p.validationSize !== 5000 ? { validationSize: p.validationSize } : {}),
  };
  return { evalTimes: p.evalTimes, ...(p.trainSubset !== null ? { trainSubset: p.trainSubset } : {}), shorten };
}
