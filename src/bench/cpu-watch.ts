import { readFileSync } from "fs";

/**
 * How busy the rest of the machine was while we measured (the machine may be shared): the
 * machine-wide busy CPU time from /proc/stat minus this process's own CPU time, in cores
 * averaged over the interval (2.0 = both cores fully busy with other work). The same measure as
 * the NumPy script's cpuwatch, so both sides of the table report comparable "other load".
 */
export interface CpuWatch {
  /** other processes' load since the watch started, in cores; NaN where /proc/stat is unavailable */
  foreignCores(): number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Busy CPU seconds of the whole machine (user, nice, system, irq, softirq, steal), or NaN. */
function machineBusySeconds(): number {
  try {
    const first = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const busy = first[0] + first[1] + first[2] + first[5] + first[6] + first[7];
    return busy / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Starts a watch now. */
export function startCpuWatch(): CpuWatch {
  const t0 = performance.now();
  const m0 = machineBusySeconds();
  const s0 = selfCpuSeconds();
  return {
    foreignCores(): number {
      const seconds = (performance.now() - t0) / 1000;
      if (!(seconds > 0)) return 0;
      const foreign = machineBusySeconds() - m0 - (selfCpuSeconds() - s0);
      return Number.isFinite(foreign) ? Math.max(0, foreign / seconds) : NaN;
    },
  };
}

/**
 * Waits until other processes use less than `threshold` cores over `windowSeconds` (or until
 * `timeoutSeconds` have passed), like the NumPy script's `wait_quiet`; resolves to the last
 * measured foreign load.
 */
export async function waitForQuiet(threshold = 0.15, windowSeconds = 2, timeoutSeconds = 300): Promise<number> {
  const end = performance.now() + timeoutSeconds * 1000;
  for (;;) {
    const watch = startCpuWatch();
    await new Promise((done) => setTimeout(done, windowSeconds * 1000));
    const foreign = watch.foreignCores();
    if (!(foreign >= threshold) || performance.now() > end) return foreign;
  }
}
