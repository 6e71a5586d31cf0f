/**
 * The first cell of an experiment notebook in one call: the data (loaded by the caller, e.g.
 * `loadMnist({ validationShare: 0.1 })`), its provenance and seeds shown for the report header,
 * the split sizes printed, and the sweep options (worker threads, a progress line) for
 * `runVariants` / `runSeedGroups`.
 */
import type { DataSplits } from "../data/types";
import type { SeedGroupOptions } from "../experiments/seed-groups";
import { seedList } from "../experiments/sweep";
import { showProvenance } from "./display";
import { sweepProgress } from "./sweep-progress";

/** What `setupNotebook` needs besides the data. */
export interface SetupOptions {
  /** a number of seeds (1, 2, …, n) or the seeds themselves */
  readonly seeds: number | readonly number[];
  /** worker threads of the sweeps (0 = in the kernel's thread) */
  readonly workers: number;
}

/** The data, the seeds, and the sweep options of one notebook. */
export interface NotebookSetup<D extends DataSplits> {
  readonly data: D;
  readonly seeds: readonly number[];
  /** options of `runVariants`/`runSeedGroups`: the workers and a progress line named `label` */
  sweep(label: string): SeedGroupOptions;
}

/** "54000 training, 6000 validation, 10000 test images". */
export function splitSizes(data: DataSplits): string {
  const [train, validation, test] = [data.train, data.validation, data.test].map((s) => s.X.cols);
  return `${train} training, ${validation} validation, ${test} test images`;
}

/** Shows the provenance (data and seeds) and the split sizes; returns the data, seeds and sweep options. */
export async function setupNotebook<D extends DataSplits>(data: D | Promise<D>, opts: SetupOptions): Promise<NotebookSetup<D>> {
  const loaded = await data;
  const seeds = typeof opts.seeds === "number" ? seedList(opts.seeds) : [...opts.seeds];
  showProvenance({
    data: [{ name: loaded.name, description: loaded.provenance }],
    seeds: Object.fromEntries(seeds.map((s) => [`seed${s}`, s])),
  });
  console.log(splitSizes(loaded));
  const workers = opts.workers;
  return {
    data: loaded,
    seeds,
    sweep: (label) => ({ workers, progress: (runs: number) => sweepProgress(label, runs) }),
  };
}
