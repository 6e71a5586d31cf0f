import type { SweepProgress } from "../experiments/progress";
import { progress } from "./display";

/**
 * A sweep progress reporter (for `runSweep` / `runSeedGroups`) shown as one notebook progress
 * display updated in place: "label [####------] 4/12 2 running, 3 cached". Progress displays are
 * left out of exported reports.
 */
export function sweepProgress(label: string, runs: number | null = null): SweepProgress {
  const bar = progress(label, runs);
  let done = 0;
  let counts = "0 running, 0 cached";
  let where = ""; // a job-queue sweep says which workers run what
  const show = (): void => bar.update(done, `${counts}${where}`);
  return {
    update: (d, running, cached) => {
      done = d;
      counts = `${running} running, ${cached} cached`;
      show();
    },
    detail: (text) => {
      where = ` | ${text}`;
      show();
    },
    stop: () => bar.finish(),
  };
}
