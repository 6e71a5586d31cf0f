/** Per-cell progress lines on stderr for the run/report commands. */
import { RunEvent } from "../kernel/runner";

/** A handler that prints run events of notebook `name` to stderr. */
export function stderrProgress(name: string): (event: RunEvent) => void {
  return (event) => {
    if (event.kind === "kernel-ready") {
      process.stderr.write(`[${name}] kernel ready (${(event.ms / 1000).toFixed(1)} s)\n`);
    } else if (event.kind === "cell-end") {
      const status = event.status === "ok" ? "ok" : event.status.toUpperCase();
      process.stderr.write(`[${name}] ${event.step}/${event.steps} cell ${event.cellNumber}: ${status} (${(event.ms / 1000).toFixed(2)} s)\n`);
    }
  };
}
