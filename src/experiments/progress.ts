import { SingleBar } from "cli-progress";

/** What the sweep runner reports as it goes. */
export interface SweepProgress {
  /** `done` of `total` runs finished (cache hits included), `running` in flight, `cached` hits */
  update(done: number, running: number, cached: number): void;
  /** where the runs are, in words (a job-queue sweep: "2 running (w1 ×1, w2 ×1), 5 queued") */
  detail?(text: string): void;
  stop(): void;
}

/** A progress reporter that shows nothing. */
export const silentProgress: SweepProgress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr: "sweep [████░░] 12/40 done | 2 running | 5 cached | ETA 1m30s",
 * started after the cache lookups with `done` runs (the cache hits) already finished (so they do not skew the ETA).
 * (Progress reporting is the one place in src/ outside the CLI that writes to the terminal.)
 */
export function progressBar(total: number, done: number, cached: number): SweepProgress {
  const bar = new SingleBar({
    format: "sweep [{bar}] {value}/{total} done | {running} running | {cached} cached | ETA {eta_formatted}{detail}",
    stream: process.stderr,
    hideCursor: false,
    etaBuffer: 20,
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 10000,
  });
  bar.start(total, done, { running: 0, cached, detail: "" });
  return {
    update: (done, running, cached) => bar.update(done, { running, cached }),
    detail: (text) => bar.update({ detail: ` | ${text}` }),
    stop: () => bar.stop(),
  };
}
