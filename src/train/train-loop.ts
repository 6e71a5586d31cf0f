import { ColumnSelection, Matrix, Rng, deriveRng, toMatrix } from "../tensor";
import { crossEntropyLoss } from "../layers";
import {
  MlpParams,
  MlpSpec,
  MlpStats,
  MlpWorkspace,
  cloneMlpParams,
  cloneMlpStats,
  createWorkspace,
  gradEntries,
  initMlp,
  mlpBackward,
  mlpForward,
  mlpSgdStep,
  paramEntries,
} from "../model";
import { BatchSource, createBatchSource } from "./batches";
import { LabeledSet, TrainData } from "./data-splits";
import { EarlyStopper, createEarlyStopper } from "./early-stopping";
import { evaluateSet, subsetOf } from "./evaluate";
import { evaluationInterval } from "./evaluation-schedule";
import { HistoryRow, Metrics, SplitMetrics, Timing, TrainStatus } from "./history";
import { applyNoise } from "./noise";
import { Optimizer, createMomentumSgd } from "./optimizer";
import { Schedule, createSchedule } from "./schedule";
import { SchedulePieces } from "./pieces";
import { TrainSettings } from "./settings";

/** Everything a training run produced, including the trained parameters. */
export interface TrainOutcome {
  readonly status: TrainStatus;
  /** "diverged at step N" or "stopped early at step N (best step M)" */
  readonly message?: string;
  readonly divergedAtStep?: number;
  /** update steps made */
  readonly steps: number;
  readonly epochs: number;
  /** with early stopping: the step of the best validation loss */
  readonly bestStep?: number;
  readonly history: HistoryRow[];
  readonly untrained: SplitMetrics;
  /** metrics of the returned parameters; undefined when the run diverged */
  readonly final?: SplitMetrics;
  /** the final parameters (with early stopping and restoreBest: the best ones) */
  readonly params: MlpParams;
  readonly stats: MlpStats;
  readonly timing: Timing;
}

const now = (): number => performance.now();

const nonFinite = (m: Metrics): boolean => !Number.isFinite(m.cost) || !Number.isFinite(m.loss);

/** The fixed parts of a run, built once before the first step. */
interface Setup {
  readonly data: TrainData;
  readonly settings: TrainSettings;
  readonly source: BatchSource;
  readonly schedule: Schedule;
  readonly totalSteps: number;
  readonly interval: number;
  readonly params: MlpParams;
  readonly initialStats: MlpStats;
  readonly workspace: MlpWorkspace;
  readonly optimizer: Optimizer;
  readonly dropoutRng: Rng;
  readonly noiseRng: Rng;
  readonly trainEval: LabeledSet;
  readonly stopper?: EarlyStopper;
  /** two sets of BN moving-average buffers, written alternately (no allocation per step) */
  readonly statsBuffers: readonly [MlpStats, MlpStats];
}

function setUp(spec: MlpSpec, data: TrainData, settings: TrainSettings, seed: number | string, pieces?: SchedulePieces): Setup {
  const source = createBatchSource(data.train, settings.batchSize, {
    shuffle: settings.shuffle ?? false,
    rng: deriveRng(seed, "shuffle"),
    copy: settings.noise !== undefined,
  });
  const schedule = createSchedule(settings.schedule, data.train.X.cols, settings.batchSize, pieces);
  const totalSteps = schedule.totalSteps ?? (settings.epochs ?? NaN) * source.stepsPerEpoch;
  if (!(Number.isInteger(totalSteps) && totalSteps >= 0)) {
    throw new RangeError(`epochs: expected a positive integer (schedule "${settings.schedule.kind}" needs it), got ${settings.epochs}`);
  }
  const { params, stats } = initMlp(spec, deriveRng(seed, "init"));
  return {
    data,
    settings,
    source,
    schedule,
    totalSteps,
    params,
    initialStats: stats,
    interval: evaluationInterval(settings.evaluation, source.stepsPerEpoch, schedule),
    workspace: createWorkspace(spec, settings.batchSize),
    optimizer: createMomentumSgd(
      paramEntries(params).map((e) => e.value),
      settings.momentum ?? 0,
    ),
    dropoutRng: deriveRng(seed, "dropout"),
    noiseRng: deriveRng(seed, "noise"),
    trainEval: subsetOf(data.train, settings.evaluation.trainSubset),
    stopper: settings.earlyStopping ? createEarlyStopper(settings.earlyStopping) : undefined,
    statsBuffers: [cloneMlpStats(stats), cloneMlpStats(stats)],
  };
}

/** One training run's mutable state; `run()` drives it. */
class Trainer {
  private stats: MlpStats;
  private readonly history: HistoryRow[] = [];
  private best?: { params: MlpParams; stats: MlpStats };
  private status: TrainStatus = "completed";
  private steps = 0;
  private divergedAtStep?: number;
  private evalMs = 0;
  private trainMs = 0;
  private readonly t0 = now();

  constructor(private readonly s: Setup) {
    this.stats = s.initialStats;
  }

  run(): TrainOutcome {
    const untrained = this.evaluateAll(this.s.params, this.stats);
    const reuse = this.s.trainEval === this.s.data.train ? untrained : undefined;
    if (!this.checkpoint(0, reuse)) return this.finish(untrained);
    for (let t = 0; t < this.s.totalSteps; t++) {
      if (!this.update(t)) break;
      const s = t + 1;
      if ((s % this.s.interval === 0 || s === this.s.totalSteps) && !this.checkpoint(s)) break;
    }
    return this.finish(untrained);
  }

  /** One update step t; false when the batch cost is NaN/∞ (the run diverged). */
  private update(t: number): boolean {
    const s0 = now();
    const { params, workspace, settings } = this.s;
    const batch = this.s.source.batch(t);
    let X: Matrix | ColumnSelection = batch.X;
    if (settings.noise) {
      X = toMatrix(batch.X); // the source's own copy (a plain matrix), noised in place
      applyNoise(X, settings.noise, this.s.noiseRng);
    }
    const statsOut = this.s.statsBuffers[t % 2];
    const fwd = mlpForward(params, X, { mode: "train", stats: this.stats, rng: this.s.dropoutRng, workspace, statsOut });
    // The batch cost J = loss + λ·Σ‖W‖² is NaN/∞ exactly when the loss is as long as Σ‖W‖² is
    // finite; weights big enough to overflow it (or non-finite) overflow the forward pass too, so
    // the loss alone detects divergence and the O(#weights) L2 sum is skipped per step
    // (evaluations check the full cost).
    const loss = crossEntropyLoss(fwd.P, batch.y);
    if (!Number.isFinite(loss)) {
      this.diverge(t);
    } else {
      const eta = this.s.schedule.etaAt(t);
      if ((settings.momentum ?? 0) === 0) {
        mlpSgdStep(params, fwd.cache, batch.y, settings.lambda, eta, { workspace });
      } else {
        const grads = mlpBackward(params, fwd.cache, batch.y, settings.lambda, { workspace });
        this.s.optimizer.step(
          gradEntries(grads).map((e) => e.value),
          eta,
        );
      }
      this.stats = fwd.nextStats;
      this.steps = t + 1;
    }
    this.trainMs += now() - s0;
    return this.status !== "diverged";
  }

  /**
   * Evaluates train + validation after s steps (or takes `known` metrics of the same parameters)
   * and records them; false = stop (diverged, or early stopping).
   */
  private checkpoint(s: number, known?: { train: Metrics; validation: Metrics }): boolean {
    const e0 = now();
    const { params, settings, stopper } = this.s;
    const train = known?.train ?? evaluateSet(params, this.stats, this.s.trainEval, settings.lambda);
    const validation = known?.validation ?? evaluateSet(params, this.stats, this.s.data.validation, settings.lambda);
    const base = { step: s, epoch: s / this.s.source.stepsPerEpoch, eta: this.s.schedule.etaAt(s) };
    this.history.push({ ...base, split: "train", ...train }, { ...base, split: "validation", ...validation });
    this.evalMs += now() - e0;
    if (nonFinite(train) || nonFinite(validation)) return this.diverge(s);
    if (!stopper) return true;
    const verdict = stopper.observe(s, validation.loss);
    if (verdict.improved) this.best = { params: cloneMlpParams(params), stats: cloneMlpStats(this.stats) };
    if (verdict.stop) this.status = "stoppedEarly";
    return !verdict.stop;
  }

  private diverge(step: number): false {
    this.status = "diverged";
    this.divergedAtStep = step;
    return false;
  }

  private evaluateAll(params: MlpParams, stats: MlpStats): SplitMetrics {
    const e0 = now();
    const { data, settings } = this.s;
    const out = {
      train: evaluateSet(params, stats, data.train, settings.lambda),
      validation: evaluateSet(params, stats, data.validation, settings.lambda),
      test: evaluateSet(params, stats, data.test, settings.lambda),
    };
    this.evalMs += now() - e0;
    return out;
  }

  private finish(untrained: SplitMetrics): TrainOutcome {
    const { stopper, settings, source, schedule } = this.s;
    const diverged = this.status === "diverged";
    const restore = stopper !== undefined && (settings.earlyStopping?.restoreBest ?? true) && !diverged && this.best;
    const out = restore ? this.best! : { params: this.s.params, stats: this.stats };
    const final = diverged ? undefined : this.evaluateAll(out.params, out.stats);
    if (final) {
      const step = restore ? stopper!.bestStep : this.steps;
      this.history.push({ step, epoch: step / source.stepsPerEpoch, eta: schedule.etaAt(step), split: "test", ...final.test });
    }
    const message = diverged
      ? `diverged at step ${this.divergedAtStep}`
      : this.status === "stoppedEarly"
        ? `stopped early at step ${this.steps} (best step ${stopper!.bestStep})`
        : undefined;
    return {
      status: this.status,
      message,
      divergedAtStep: this.divergedAtStep,
      steps: this.steps,
      epochs: this.steps / source.stepsPerEpoch,
      bestStep: stopper ? stopper.bestStep : undefined,
      history: this.history,
      untrained,
      final,
      params: out.params,
      stats: out.stats,
      timing: {
        totalMs: now() - this.t0,
        trainMs: this.trainMs,
        evalMs: this.evalMs,
        msPerStep: this.steps > 0 ? this.trainMs / this.steps : 0,
      },
    };
  }
}

/**
 * Mini-batch gradient descent on `data.train`. Per update step t: the batch (reshuffled at the
 * start of every epoch if `shuffle`; input noise drawn fresh), a train-mode forward pass (dropout
 * active; BN moving averages threaded through `nextStats`), the batch loss — NaN/∞ stops the run
 * as "diverged at step t" (see `update` for why the loss stands for the cost) — the backward
 * pass and a momentum-SGD update with η(t). Train and validation metrics are recorded after 0 steps and every evaluation
 * interval (and after the last step; a NaN/∞ there also counts as divergence); test metrics at
 * the end. Early stopping watches the validation loss at every evaluation; with restoreBest
 * (default) the best evaluation's parameters and BN statistics are returned and measured in
 * `final`, and the test row sits at that step. Randomness: deriveRng(seed, "init" | "shuffle" |
 * "dropout" | "noise"). ⌊n/B⌋ steps per epoch (the last partial batch is dropped).
 * Shapes: data X are d × n with d = spec.inputSize; labels 0 … spec.outputSize − 1.
 * `pieces`: a teaching walkthrough's own schedule pieces (e.g. `cyclicalEta`), default the library's.
 */
export function trainMlp(spec: MlpSpec, data: TrainData, settings: TrainSettings, seed: number | string, pieces?: SchedulePieces): TrainOutcome {
  return new Trainer(setUp(spec, data, settings, seed, pieces)).run();
}
