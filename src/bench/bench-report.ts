import type { GemmBenchRow } from "../tensor/bench-kernel";
import type { A3BenchResult } from "./run-a3";
import type { PeerName, PeerOutcome } from "./peers";
import type { ReportTime } from "./report-time";
import type { ReportRunTime } from "./report-run";

/** One configuration: our runs (one per kernel thread count) and each peer's that was run. */
export interface WorkloadComparison {
  readonly config: string;
  readonly ours: readonly A3BenchResult[];
  readonly peers?: Partial<Record<PeerName, PeerOutcome>>;
}

/** The data-loading measurement, or why it was skipped. */
export type LoadTiming =
  | { readonly ok: true; readonly seconds: number; readonly upfrontSeconds: number; readonly images: number; readonly dir: string }
  | { readonly ok: false; readonly reason: string };

/** Everything `npm run bench` measured, ready to be formatted. */
export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string };
  readonly quick: boolean;
  readonly repeat: number;
  /** the steps of a partial run (extrapolated to 9,000), undefined for the full schedule */
  readonly steps?: number;
  readonly workloads: readonly WorkloadComparison[];
  /** why a peer was not run at all (quick mode, --no-numpy, --no-torch), if so */
  readonly peersSkipped?: Partial<Record<PeerName, string>>;
  readonly gemm: readonly GemmBenchRow[];
  readonly load: LoadTiming;
  /** the timing footer of the committed report (cache state of that run unknown) */
  readonly report?: ReportTime;
  /** the reports generated cold then warm by this bench (`--report NAME|a,b|all`), in order */
  readonly reportRuns?: readonly ReportRunTime[];
  /** total wall time of the bench itself, seconds */
  readonly benchSeconds: number;
}
