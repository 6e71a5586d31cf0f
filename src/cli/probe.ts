import { Command } from "commander";
import { ARITHMETIC_VERSION, PROBE_HASHES, codeVersion, probeKernels } from "../experiments";
import { markdownTable } from "../report/markdown";
import { availableKernels } from "../tensor";

/**
 * `nnbook probe`: trains the arithmetic probe (small BN nets with shuffling, dropout, noise and
 * momentum; see src/experiments/arithmetic-probe.ts) under every matrix kernel this machine offers
 * — the TypeScript kernel and each native variant on one and two threads — and prints one row per
 * kernel. Exits 1 unless every kernel gives the committed hash of the current arithmetic version.
 */
export function registerProbeCommand(program: Command): void {
  program
    .command("probe")
    .description("train the arithmetic probe under every matrix kernel of this machine: one hash expected")
    .action(() => {
      const expected = PROBE_HASHES[ARITHMETIC_VERSION];
      const rows = probeKernels(availableKernels());
      const table = rows.map((r) => ({
        kernel: r.kernel,
        "probe hash": r.hash,
        "matches the committed hash": r.hash === expected ? "yes" : "NO",
        ms: r.ms,
      }));
      process.stdout.write(`${markdownTable(table)}\n`);
      const distinct = new Set(rows.map((r) => r.hash));
      process.stdout.write(
        `${rows.length} kernels, ${distinct.size} distinct hash${distinct.size === 1 ? "" : "es"}; ` + `committed for ${codeVersion()}: ${expected}\n`,
      );
      if (distinct.size !== 1 || !distinct.has(expected)) {
        throw new Error(`probe: the kernels do not all reproduce the committed hash ${expected} of ${codeVersion()}`);
      }
    });
}
