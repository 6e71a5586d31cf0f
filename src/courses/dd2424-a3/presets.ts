/**
 * Experiment configs derived from the seed blocks (`./seeds`): one plain `ExperimentConfig` per
 * run block and reading. A reading fills what the seed leaves unsaid (the block's "seed" reading)
 * or changes one thing on top of it (e.g. 12 hidden layers read as 11 + output); a preset exists
 * only where every setting is known, so nothing is silently defaulted here.
 */
import type { ExperimentConfig } from "../../experiments/config";
import type { NoiseSpec } from "../../train";
import type { EtaSetup, InitSetup, NoiseSetup, Reading, RunSetup, SeedBlock } from "./seeds/types";

/** A run setup with every setting known. */
export interface ResolvedSetup extends RunSetup {
  readonly hidden: readonly number[];
  readonly batchNorm: "off" | "before" | "after";
  readonly init: InitSetup;
  readonly lambda: number;
  readonly eta: EtaSetup;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly noise: NoiseSetup | "none";
  readonly trainSize: number;
}

/** What a notebook may choose: evaluations per cycle/epoch, the curves' training subset, the seed. */
export interface PresetOptions {
  /** evaluations per cycle (cyclical η) or per epoch (constant η); default 10 */
  readonly evalTimes?: number;
  /** evaluate the training curve on the first `trainSubset` images (final metrics use all) */
  readonly trainSubset?: number;
  /** default 1 */
  readonly seed?: number;
}

/** One preset: the block and reading it comes from, and the config. */
export interface SeedPreset {
  readonly blockId: string;
  readonly reading: string;
  readonly config: ExperimentConfig;
}

/** The settings still unknown in `s` (top-level nulls and null noise levels / epochs). */
export function unknownSettings(s: RunSetup): string[] {
  const top = (Object.keys(s) as (keyof RunSetup)[]).filter((k) => s[k] === null);
  const noise = s.noise;
  const level = noise !== null && noise !== "none" && (noise.kind === "gaussian" ? noise.sigma : noise.fraction) === null ? ["noise level"] : [];
  const epochs = s.eta?.kind === "constant" && s.eta.epochs === null ? ["eta.epochs"] : [];
  return [...top, ...level, ...epochs];
}

/** The block's setup under `readingId`: the "seed" reading's fill, then that reading's. Throws if unknowns remain. */
export function resolveSetup(block: SeedBlock, readingId = "seed"): ResolvedSetup {
  if (!block.setup || !block.readings) throw new RangeError(`${block.id}: not a run block (${block.kind})`);
  const reading = block.readings.find((r) => r.id === readingId);
  if (!reading) throw new RangeError(`${block.id}: no reading "${readingId}" (has ${block.readings.map((r) => r.id).join(", ")})`);
  const seedFill = block.readings[0].fill;
  const s: RunSetup = { ...block.setup, ...seedFill, ...(readingId === "seed" ? {} : reading.fill) };
  const unknown = unknownSettings(s);
  if (unknown.length > 0) throw new RangeError(`${block.id} (reading "${readingId}"): the seed does not state ${unknown.join(", ")}`);
  return s as ResolvedSetup;
}

function noiseSpec(n: NoiseSetup): NoiseSpec {
  if (n.kind === "gaussian") return n.relative ? { kind: "gaussian", sigma: n.sigma!, relative: true } : { kind: "gaussian", sigma: n.sigma! };
  return { kind: "saltPepper", fraction: n.fraction! };
}

/** The data a training-set size stands for: 45,000 (batches 1–5 minus 5,000), 10,000 (data_batch_1), or a subset. */
function dataSpec(trainSize: number): ExperimentConfig["data"] {
  if (trainSize === 45000) return { name: "cifar10", options: { split: "standard", validationSize: 5000 } };
  if (trainSize === 10000) return { name: "cifar10", options: { split: "small" } };
  return { name: "cifar10", options: { split: "standard", validationSize: 5000, trainSize } };
}

/** The `ExperimentConfig` of a resolved setup. */
export function configFromSetup(s: ResolvedSetup, opts: PresetOptions = {}): ExperimentConfig {
  const times = opts.evalTimes ?? 10;
  const subset = opts.trainSubset !== undefined ? { trainSubset: opts.trainSubset } : {};
  const timing =
    s.eta.kind === "cyclical"
      ? {
          schedule: { kind: "cyclical" as const, etaMin: s.eta.etaMin, etaMax: s.eta.etaMax, stepSize: s.eta.nS, cycles: s.eta.cycles },
          evaluation: { per: "cycle" as const, times, ...subset },
        }
      : { schedule: { kind: "constant" as const, eta: s.eta.eta }, epochs: s.eta.epochs!, evaluation: { per: "epoch" as const, times, ...subset } };
  return {
    hidden: [...s.hidden],
    activation: s.activation.alpha === undefined ? { name: s.activation.name } : { name: s.activation.name, alpha: s.activation.alpha },
    batchNorm: s.batchNorm,
    init: s.init,
    ...(s.dropout > 0 ? { dropout: s.dropout } : {}),
    ...(s.dropout > 0 && s.dropoutScaling !== undefined ? { dropoutScaling: s.dropoutScaling } : {}),
    ...(s.bnAlpha !== undefined ? { bnAlpha: s.bnAlpha } : {}),
    lambda: s.lambda,
    batchSize: s.batchSize,
    ...timing,
    shuffle: s.shuffle,
    ...(s.noise !== "none" ? { noise: noiseSpec(s.noise) } : {}),
    data: dataSpec(s.trainSize),
    seed: opts.seed ?? 1,
  };
}

/** Whether `reading` of `block` leaves no setting unknown. */
function resolvable(block: SeedBlock, reading: Reading): boolean {
  try {
    resolveSetup(block, reading.id);
    return true;
  } catch {
    return false;
  }
}

/** The presets of one run block: one per reading that leaves no setting unknown. */
export function blockPresets(block: SeedBlock, opts: PresetOptions = {}): SeedPreset[] {
  return (block.readings ?? [])
    .filter((r) => resolvable(block, r))
    .map((r) => ({ blockId: block.id, reading: r.id, config: configFromSetup(resolveSetup(block, r.id), opts) }));
}

/** The presets of every run block of `blocks`, in order. */
export function seedPresets(blocks: readonly SeedBlock[], opts: PresetOptions = {}): SeedPreset[] {
  return blocks.filter((b) => b.kind === "run").flatMap((b) => blockPresets(b, opts));
}

/** The preset of `blockId` under `reading` (default "seed") among `blocks`; throws when absent. */
export function seedPreset(blocks: readonly SeedBlock[], blockId: string, reading = "seed", opts: PresetOptions = {}): ExperimentConfig {
  const block = blocks.find((b) => b.id === blockId);
  if (!block) throw new RangeError(`no seed block "${blockId}"`);
  return configFromSetup(resolveSetup(block, reading), opts);
}
