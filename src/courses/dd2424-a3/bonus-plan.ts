/**
 * What the `dd2424-a3-bonus` report runs, section by section: every run block of seed 004 under
 * each chosen reading (`seedPreset`), the seed's searches with its own grids and ranges, and OUR
 * controls and extensions (ids starting "ours/"). One `BonusConfiguration` is one configuration of
 * `reports/dd2424-a3-bonus.results.json`; `runs` says whether it is trained with every seed or
 * once (a search candidate, one run each as in the seed).
 */
import type { ExperimentConfig } from "../../experiments/config";
import { DD2424_A3_NETWORKS, dd2424Config } from "./schedule";
import { randomSearch } from "../../experiments/sweep";
import { createRng } from "../../tensor";
import { GRID_BASES, gridPresets, gridValues } from "./grid-presets";
import { seedPreset } from "./presets";
import { SEED_004_BLOCKS } from "./seeds/004";
import type { GridRange } from "./seeds/types";

/** The report's sections, as links from `reports/` to the section notebooks. */
export const BONUS_SECTIONS = {
  bnAfter: { title: "1. BN after the activation", href: "../notebooks/dd2424-a3-bonus/01-bn-after-activation.ipynb" },
  noise: { title: "2. Noise on the fly", href: "../notebooks/dd2424-a3-bonus/02-noise.ipynb" },
  architectures: { title: "3. Architecture search", href: "../notebooks/dd2424-a3-bonus/03-architectures.ipynb" },
  search: { title: "4. (η, λ) search", href: "../notebooks/dd2424-a3-bonus/04-random-search.ipynb" },
  activations: { title: "5. Leaky ReLU and ELU", href: "../notebooks/dd2424-a3-bonus/05-activations.ipynb" },
} as const;

export type BonusSection = keyof typeof BONUS_SECTIONS;

/** One configuration of the report. */
export interface BonusConfiguration {
  /** "<block id>@<reading>" for the seed's runs, "ours/…" for ours */
  readonly id: string;
  readonly label: string;
  readonly section: BonusSection;
  readonly config: ExperimentConfig;
  /** the seed block and reading it reproduces (absent for ours) */
  readonly blockId?: string;
  readonly reading?: string;
  /** "seeds": every seed; "once": one run (a search candidate, as the seed ran it) */
  readonly runs: "seeds" | "once";
}

/** What a notebook may choose; the defaults are the seed's configurations. */
export interface BonusSettings {
  /** epochs of every run (the seed's 10); the cyclical reading's n_s scales with it */
  readonly epochs: number;
  /** the readings run besides "seed" (e.g. ["cyclical"]: η as one cycle's peak) */
  readonly readings: readonly string[];
  /** evaluations per epoch (curves only) */
  readonly evalTimes: number;
  /** training images evaluated for the curves (final metrics use all) */
  readonly trainSubset: number;
  /** images of batches 1–5 held out for validation (the presets' 5,000) */
  readonly validationSize: number;
  /** OUR extras' cyclical schedule (the compulsory part's: n_s = 2,250, 2 cycles) */
  readonly main?: { readonly nS: number; readonly cycles: number };
}

/** The seed's settings: 10 epochs, both readings of η, 2 evaluations per epoch on 5,000 images. */
export const BONUS_DEFAULTS: BonusSettings = { epochs: 10, readings: ["cyclical"], evalTimes: 2, trainSubset: 5000, validationSize: 5000 };

const block = (id: string) => {
  const b = SEED_004_BLOCKS.find((x) => x.id === id);
  if (!b) throw new RangeError(`bonus plan: no seed-004 block "${id}"`);
  return b;
};

/** `config` with the settings' epochs (n_s scaled for a cyclical one) and validation size. */
export function adjusted(config: ExperimentConfig, s: BonusSettings): ExperimentConfig {
  const opts = config.data.options ?? {};
  const data = opts.validationSize === undefined ? config.data : { ...config.data, options: { ...opts, validationSize: s.validationSize } };
  const sch = config.schedule;
  if (sch.kind === "cyclical" && typeof sch.stepSize === "number") {
    return { ...config, data, schedule: { ...sch, stepSize: Math.round((sch.stepSize * s.epochs) / 10) } };
  }
  return { ...config, data, ...(config.epochs !== undefined ? { epochs: s.epochs } : {}) };
}

/** The preset of a seed-004 block under `reading`, adjusted to the settings. */
export function bonusPreset(blockId: string, reading: string, s: BonusSettings): ExperimentConfig {
  return adjusted(seedPreset(SEED_004_BLOCKS, blockId, reading, { evalTimes: s.evalTimes, trainSubset: s.trainSubset }), s);
}

/** The seed's run of `blockId` under each reading of `readings` that the block has. */
export function seedRuns(blockId: string, readings: readonly string[], section: BonusSection, s: BonusSettings): BonusConfiguration[] {
  const b = block(blockId);
  const have = new Set((b.readings ?? []).map((r) => r.id));
  return readings
    .filter((r) => have.has(r))
    .map((reading) => ({
      id: `${blockId}@${reading}`,
      label: `${b.title} [${reading}]`,
      section,
      blockId,
      reading,
      config: bonusPreset(blockId, reading, s),
      runs: "seeds" as const,
    }));
}

/** "seed", the settings' readings and `extra`; throws naming a reading no seed-004 block has. */
function allReadings(s: BonusSettings, extra: readonly string[] = []): string[] {
  const known = new Set(SEED_004_BLOCKS.flatMap((b) => (b.readings ?? []).map((r) => r.id)));
  const bad = s.readings.find((r) => !known.has(r));
  if (bad !== undefined) throw new RangeError(`settings.readings: no seed-004 block has a reading ${JSON.stringify(bad)} (known: ${[...known].join(", ")})`);
  return [...new Set(["seed", ...s.readings, ...extra])];
}
const ids = (prefix: string) => SEED_004_BLOCKS.filter((b) => b.id.startsWith(prefix)).map((b) => b.id);

/**
 * OUR control: a seed-004 block's config with BN before the activation, ReLU and no noise (the
 * compulsory part's network at the block's (η, λ)), one per reading.
 */
export function controlRuns(blockId: string, s: BonusSettings): BonusConfiguration[] {
  return seedRuns(blockId, allReadings(s), "bnAfter", s).map((r) => {
    const { noise: _noise, ...config } = r.config;
    const eta = etaOf(config as ExperimentConfig);
    return {
      id: controlId(r.config, r.reading!),
      section: "bnAfter" as const,
      runs: "seeds" as const,
      label: `ours: BN before, ReLU, no noise, η = ${eta.toPrecision(4)}, λ = ${config.lambda} [${r.reading}]`,
      config: { ...config, batchNorm: "before" as const, activation: { name: "relu" as const } },
    };
  });
}

/** The id of OUR control at the (η, λ) of `config` under `reading`. */
export function controlId(config: ExperimentConfig, reading: string): string {
  return `ours/control/eta-${etaOf(config)}-lambda-${config.lambda}@${reading}`;
}

/**
 * OUR extra on the compulsory part's training (λ = 0.005, cyclical η 1e-5 … 1e-1, n_s = 2,250,
 * 2 cycles, 10 evaluations per cycle, shuffling, BN): `over` changes the network.
 */
function mainRun(id: string, label: string, section: BonusSection, s: BonusSettings, over: Partial<ExperimentConfig>): BonusConfiguration {
  const m = s.main ?? { nS: 2250, cycles: 2 };
  const config = dd2424Config({ nS: m.nS, cycles: m.cycles, evalTimes: 10, validationSize: s.validationSize }, { shuffle: true, ...over });
  return { id: `ours/main-schedule/${id}`, label: `ours: ${label}, compulsory part's schedule`, section, config, runs: "seeds" };
}

/** Section 1: BN after the activation at the three settings, OUR BN-before controls, and OUR 3- and 9-layer BN placement extra. */
export function bnAfterPlan(s: BonusSettings = BONUS_DEFAULTS): BonusConfiguration[] {
  const blocks = ids("004/bn-after/");
  const nets = [
    ["3-layer", DD2424_A3_NETWORKS.threeLayer],
    ["9-layer", DD2424_A3_NETWORKS.nineLayer],
  ] as const;
  const extras = nets.flatMap(([name, hidden]) =>
    (["before", "after"] as const).map((bn) =>
      mainRun(`bn-${bn}/${name}`, `${name} (${hidden.join(", ")}), BN ${bn} the activation`, "bnAfter", s, { hidden: [...hidden], batchNorm: bn }),
    ),
  );
  return [...blocks.flatMap((b) => seedRuns(b, allReadings(s), "bnAfter", s)), ...blocks.flatMap((b) => controlRuns(b, s)), ...extras];
}

/** Section 2: noise at the three settings (10 % and 1 % of the batch's std), and section 1's controls (no noise). */
export function noisePlan(s: BonusSettings = BONUS_DEFAULTS): BonusConfiguration[] {
  const controls = ids("004/bn-after/")
    .flatMap((b) => controlRuns(b, s))
    .map((c) => ({ ...c, section: "noise" as const }));
  return [...ids("004/noise/").flatMap((b) => seedRuns(b, allReadings(s, ["noise-0.01"]), "noise", s)), ...controls];
}

/**
 * Section 5: leaky ReLU and ELU (a = 0.01) at their settings, OUR ReLU controls at the same
 * (η, λ), and OUR extra on the compulsory part's schedule (its ReLU run is section 1's).
 */
export function activationPlan(s: BonusSettings = BONUS_DEFAULTS): BonusConfiguration[] {
  const blocks = [...ids("004/leaky-relu/"), ...ids("004/elu/")];
  const runs = blocks.flatMap((b) => seedRuns(b, allReadings(s), "activations", s));
  const controls = ids("004/leaky-relu/")
    .flatMap((b) => controlRuns(b, s))
    .map((c) => ({ ...c, section: "activations" as const }));
  const acts = [
    ["relu", { name: "relu" }],
    ["leaky-relu", { name: "leakyRelu", alpha: 0.01 }],
    ["elu", { name: "elu", alpha: 0.01 }],
  ] as const;
  const extras = acts.map(([id, activation]) =>
    mainRun(id === "relu" ? "bn-before/3-layer" : id, `3-layer (50, 50) with BN, ${activation.name}`, "activations", s, {
      hidden: [...DD2424_A3_NETWORKS.threeLayer],
      batchNorm: "before",
      activation,
    }),
  );
  return [...runs, ...controls, ...extras];
}

/** Options of the searches: 4-layer grid points sampled, (η, λ) draws per range, OUR 5-layer width. */
export interface BonusSearchSettings extends BonusSettings {
  readonly fourLayerSample: number;
  readonly draws: number;
  readonly fifthWidth: number;
}

export const BONUS_SEARCH_DEFAULTS: BonusSearchSettings = { ...BONUS_DEFAULTS, fourLayerSample: 30, draws: 10, fifthWidth: 20 };

/** A search candidate: one run, as the seed ran it. */
function candidate(id: string, label: string, section: BonusSection, config: ExperimentConfig, blockId: string): BonusConfiguration {
  return { id, label, section, config, blockId, reading: "seed", runs: "once" };
}

const widths = (h: readonly number[]) => h.join("-");

/** `count` points of the 4-layer grid drawn without replacement (seeded), in grid order. */
export function sampleFourLayerGrid(count: number): number[][] {
  const g = block("004/architecture/4-layer-grid").grid!;
  const layers = ["first", "second", "third"].map((k) => gridValues(g[k] as GridRange));
  const all = layers[0].flatMap((a) => layers[1].flatMap((b) => layers[2].map((c) => [a, b, c])));
  const rng = createRng("004/architecture/4-layer-grid/sample");
  const picked = all
    .map((h, k) => ({ h, k, key: rng.uniform() }))
    .sort((x, y) => x.key - y.key)
    .slice(0, count);
  return picked.sort((x, y) => x.k - y.k).map((p) => p.h);
}

/** Section 3, stage 1: the seed's listed and named networks (every seed) and its grids' candidates (once each). */
export function architecturePlan(s: BonusSearchSettings = BONUS_SEARCH_DEFAULTS): BonusConfiguration[] {
  const sec = "architectures" as const;
  const listed = ids("004/architecture/3-layer/").flatMap((b) => seedRuns(b, ["seed"], sec, s));
  const four = ids("004/architecture/4-layer/").flatMap((b) => seedRuns(b, ["seed", "caption"], sec, s));
  const base3 = bonusPreset(GRID_BASES["004/architecture/3-layer-grid"], "seed", s);
  const grid3 = gridPresets(SEED_004_BLOCKS, "004/architecture/3-layer-grid")
    .map((c) => ({ ...base3, hidden: c.hidden }))
    .map((c) =>
      candidate(`004/architecture/3-layer-grid/${widths(c.hidden)}`, `3-layer (${c.hidden.join(", ")}), one run`, sec, c, "004/architecture/3-layer-grid"),
    );
  const thirds = ["85-35-x", "95-45-x", "80-40-x"].flatMap((t) => {
    const id = `004/architecture/4-layer/${t}`;
    const base = bonusPreset(id, "seed", s);
    return gridValues(block(id).grid!.third as GridRange).map((x) =>
      candidate(
        `${id}/${x}`,
        `4-layer (${[...base.hidden.slice(0, 2), x].join(", ")}), one run`,
        sec,
        { ...base, hidden: [...base.hidden.slice(0, 2), x] },
        id,
      ),
    );
  });
  const base4 = bonusPreset("004/architecture/4-layer/75-65-55", "seed", s);
  const grid4 = sampleFourLayerGrid(s.fourLayerSample).map((h) =>
    candidate(
      `004/architecture/4-layer-grid/${widths(h)}`,
      `4-layer (${h.join(", ")}), one run`,
      sec,
      { ...base4, hidden: h },
      "004/architecture/4-layer-grid",
    ),
  );
  const fives = ["75-65-55", "100-60-45", "95-90-75"].map((n) => {
    const c = bonusPreset(`004/architecture/4-layer/${n}`, "seed", s);
    const hidden = [...c.hidden, s.fifthWidth];
    const label = `ours: 5-layer (${hidden.join(", ")})`;
    return { id: `ours/5-layer/${widths(hidden)}`, label, section: sec, config: { ...c, hidden }, runs: "seeds" as const };
  });
  return [...listed, ...four, ...fives, ...grid3, ...thirds, ...grid4];
}

/** Section 4, stage 1: the seed's third-best on the search data, its three retrained settings, and the 7 ranges' draws (once each). */
export function searchPlan(s: BonusSearchSettings = BONUS_SEARCH_DEFAULTS): BonusConfiguration[] {
  const sec = "search" as const;
  const retrained = ids("004/search/retrained-").flatMap((b) => seedRuns(b, allReadings(s), sec, s));
  const third = seedRuns("004/search/third-best", ["search-data"], sec, s);
  const base = third[0].config;
  const draws = ids("004/search/range-").flatMap((id) => {
    const g = block(id).grid!;
    const [eta, lambda] = [g.eta as GridRange, g.lambda as GridRange];
    return randomSearch(base, { eta: [eta.from, eta.to], lambda: [lambda.from, lambda.to], count: s.draws, seed: id }).map((c, k) =>
      candidate(`${id}/draw-${k + 1}`, `${id.split("/")[2]}, draw ${k + 1}: η = ${etaOf(c).toPrecision(4)}, λ = ${c.lambda.toExponential(2)}`, sec, c, id),
    );
  });
  return [...third, ...retrained, ...draws];
}

/** The constant η (or cyclical peak) of a config. */
export function etaOf(c: ExperimentConfig): number {
  const sch = c.schedule;
  return sch.kind === "constant" ? sch.eta : sch.kind === "cyclical" ? sch.etaMax : NaN;
}

/** Validation accuracies of stage-1 candidates, by configuration id (what stage 2 selects from). */
export type CandidateScores = ReadonlyMap<string, number>;

/** The best `k` candidates (by validation accuracy) of the candidates whose id starts with `prefix`. */
export function bestCandidates(plan: readonly BonusConfiguration[], scores: CandidateScores, prefix: string, k: number): BonusConfiguration[] {
  return plan
    .filter((c) => c.runs === "once" && c.id.startsWith(prefix) && scores.has(c.id))
    .sort((a, b) => scores.get(b.id)! - scores.get(a.id)!)
    .slice(0, k);
}

/** Stage 2 of sections 3 and 4: OUR retraining (every seed) of the searches' winners. */
export function retrainPlan(
  plan: readonly BonusConfiguration[],
  scores: CandidateScores,
  s: BonusSearchSettings = BONUS_SEARCH_DEFAULTS,
): BonusConfiguration[] {
  const retrain = (c: BonusConfiguration, id: string, label: string, config = c.config): BonusConfiguration => ({
    id,
    label,
    section: c.section,
    config,
    runs: "seeds",
  });
  const arch = [
    "004/architecture/3-layer-grid/",
    "004/architecture/4-layer/85-35-x/",
    "004/architecture/4-layer/95-45-x/",
    "004/architecture/4-layer/80-40-x/",
    "004/architecture/4-layer-grid/",
  ].flatMap((p) =>
    bestCandidates(plan, scores, p, 1).map((c) =>
      retrain(c, `ours/best/${p.split("/").slice(2, -1).join("/")}`, `ours: ${c.label.replace(", one run", "")}, the search's best, every seed`),
    ),
  );
  const whole = seedPreset(SEED_004_BLOCKS, "004/search/retrained-1", "seed", { evalTimes: s.evalTimes, trainSubset: s.trainSubset });
  const top = bestCandidates(plan, scores, "004/search/range-", 3).map((c, k) =>
    retrain(
      c,
      `ours/search/top-${k + 1}`,
      `ours: search's #${k + 1} retrained (η = ${etaOf(c.config).toPrecision(4)}, λ = ${c.config.lambda.toExponential(2)})`,
      adjusted({ ...c.config, data: whole.data, evaluation: whole.evaluation }, s),
    ),
  );
  return [...arch, ...top];
}
