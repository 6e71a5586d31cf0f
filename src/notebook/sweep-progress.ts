import type { SweepProgress } from "../experiments/progress";
import { progress } from "./display";

/**
 * A sweep progress reporter (for `runSweep` / `runSeedGroups`) shown as one notebook progress
 * display updated in place: "label [####------] 4/12 2 running, 3 cached". Progress displays are
 * left out of exported reports.
 */
export function sweepProgress(label: string, runs: number | null = null): SweepProgress {
  const bar = progress(label, runs);
  return {
    update: (done, running, cached) => bar.update(done, `${running} running, ${cached} cached`),
    stop: () => bar.finish(),
  };
}
