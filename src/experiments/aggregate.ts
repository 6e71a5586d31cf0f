import type { Metrics, SplitMetrics } from "../train";
import type { ExperimentConfig } from "./config";
import { configHash } from "./hash";
import type { RunResult } from "./result";

/** Mean and sample standard deviation (n − 1 in the denominator; 0 when n = 1). */
export interface MeanStd {
  readonly mean: number;
  readonly std: number;
  readonly n: number;
}

/** Mean ± sample std of `values`; throws on an empty list. */
export function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (n === 0) throw new RangeError("meanStd: no values");
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const ss = values.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  return { mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n };
}

/** "53.21 ± 0.45" (values × `scale`, e.g. 100 for accuracies in %); just "53.21" when n = 1. */
export function formatMeanStd(m: MeanStd, digits = 2, scale = 1): string {
  const mean = (m.mean * scale).toFixed(digits);
  return m.n === 1 ? mean : `${mean} ± ${(m.std * scale).toFixed(digits)}`;
}

/** Final metrics of one split aggregated over seeds. */
export interface MetricsMeanStd {
  readonly cost: MeanStd;
  readonly loss: MeanStd;
  readonly accuracy: MeanStd;
}

/** The runs of one config that differ only in their seed. */
export interface SeedGroup {
  /** the config without its seed */
  readonly config: Omit<ExperimentConfig, "seed">;
  readonly seeds: readonly number[];
  readonly results: readonly RunResult[];
  /** runs that finished (completed or stopped early); only these enter the statistics */
  readonly finished: number;
  readonly diverged: number;
  readonly failed: number;
  /** undefined when no run finished */
  readonly final?: { readonly [K in keyof SplitMetrics]: MetricsMeanStd };
}

function aggregateSplit(rows: readonly Metrics[]): MetricsMeanStd {
  return {
    cost: meanStd(rows.map((r) => r.cost)),
    loss: meanStd(rows.map((r) => r.loss)),
    accuracy: meanStd(rows.map((r) => r.accuracy)),
  };
}

/** The runs that finished (completed or stopped early) with final metrics: the only ones statistics use. */
export function finishedRuns(results: readonly RunResult[]): RunResult[] {
  return results.filter((r) => (r.status === "completed" || r.status === "stoppedEarly") && r.final);
}

function summarizeGroup(results: readonly RunResult[]): SeedGroup {
  const { seed: _seed, ...config } = results[0].config;
  const done = finishedRuns(results);
  const finals = done.map((r) => r.final!);
  return {
    config,
    seeds: results.map((r) => r.config.seed),
    results,
    finished: done.length,
    diverged: results.filter((r) => r.status === "diverged").length,
    failed: results.filter((r) => r.status === "failed").length,
    final:
      finals.length === 0
        ? undefined
        : {
            train: aggregateSplit(finals.map((f) => f.train)),
            validation: aggregateSplit(finals.map((f) => f.validation)),
            test: aggregateSplit(finals.map((f) => f.test)),
          },
  };
}

/**
 * Groups results whose configs are equal apart from the seed (in order of first appearance) and
 * aggregates their final metrics as mean ± std over the finished runs.
 */
export function groupBySeed(results: readonly RunResult[]): SeedGroup[] {
  const groups = new Map<string, RunResult[]>();
  for (const r of results) {
    const key = configHash({ ...r.config, seed: 0 });
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map(summarizeGroup);
}
