import type { Metrics, ScheduleSpec } from "../train";
import type { ExperimentConfig } from "./config";
import type { RunResult } from "./result";

const BN_TEXT = { off: "off", before: "before the activation", after: "after the activation" } as const;

/** A number in short form: 0.005, 1e-5, 2250. */
function num(x: number): string {
  const short = Number(x.toPrecision(4));
  return short !== 0 && (Math.abs(short) < 1e-3 || Math.abs(short) >= 1e6) ? short.toExponential() : String(short);
}

/** "cyclical, η_min = 1e-5, η_max = 0.1, n_s = 5 epochs, 2 cycles" etc. */
export function describeSchedule(s: ScheduleSpec): string {
  switch (s.kind) {
    case "constant":
      return `constant, η = ${num(s.eta)}`;
    case "cyclical": {
      const ns = typeof s.stepSize === "number" ? `${s.stepSize} steps` : `${num(s.stepSize.epochs)} epochs`;
      return `cyclical, η_min = ${num(s.etaMin)}, η_max = ${num(s.etaMax)}, n_s = ${ns}, ${s.cycles} cycle${s.cycles === 1 ? "" : "s"}`;
    }
    case "stepDecay":
      return `step decay, η₀ = ${num(s.eta0)} × ${num(s.factor)} every ${s.everyEpochs} epochs`;
    case "exponentialDecay":
      return `exponential decay, η₀ = ${num(s.eta0)} × ${num(s.gamma)}^epoch`;
  }
}

function describeInit(c: ExperimentConfig): string {
  const names = { he: "He", xavier: "Xavier", fanIn: "fan-in" } as const;
  return c.init.kind === "normal" ? `normal(0, σ = ${num(c.init.sigma)})` : names[c.init.kind];
}

function describeNoise(c: ExperimentConfig): string {
  const n = c.noise;
  if (!n) return "none";
  if (n.kind === "gaussian") return `Gaussian, σ = ${num(n.sigma)}${n.relative ? " × batch std" : ""}`;
  return `salt & pepper, fraction ${num(n.fraction)}`;
}

/** The "Model parameters" lines of a config. */
export function describeConfig(c: ExperimentConfig, parameterCount?: number): string[] {
  const layers = c.hidden.length + 1;
  const act = c.activation.alpha !== undefined ? `${c.activation.name} (α = ${num(c.activation.alpha)})` : c.activation.name;
  return [
    `- Hidden layers: ${c.hidden.length ? c.hidden.join(", ") : "none"} (${layers}-layer network` +
      `${parameterCount !== undefined ? `, ${parameterCount.toLocaleString("en-US")} parameters` : ""})`,
    `- Activation: ${act}; batch normalization: ${BN_TEXT[c.batchNorm]}; initialization: ${describeInit(c)}`,
    `- λ = ${num(c.lambda)}; batch size ${c.batchSize}; momentum μ = ${num(c.momentum ?? 0)}` + `${c.epochs !== undefined ? `; ${c.epochs} epochs` : ""}`,
    `- Learning rate: ${describeSchedule(c.schedule)}`,
    `- Shuffling every epoch: ${c.shuffle ? "yes" : "no"}; dropout: ${c.dropout ? `p = ${num(c.dropout)}` : "none"}; ` +
      `input noise: ${describeNoise(c)}` +
      `${c.earlyStopping ? `; early stopping, patience ${c.earlyStopping.patience}` : ""}`,
    `- Data: ${c.data.name}; seed ${c.seed}`,
  ];
}

function splitLines(title: string, untrained: Metrics | undefined, final: Metrics | undefined): string[] {
  const pct = (m: Metrics | undefined): string => (m ? `${(100 * m.accuracy).toFixed(2)} %` : "—");
  return [
    `${title}:`,
    `- accuracy (untrained): ${pct(untrained)}`,
    `- accuracy (trained): ${pct(final)}`,
    `- cost (final): ${final ? final.cost.toFixed(4) : "—"}`,
  ];
}

/**
 * The reports' summary block as Markdown lines joined by "\n":
 * "Model parameters: …", then for Training, Validation and Test data the accuracy (untrained),
 * accuracy (trained) and final cost; plus a status line when the run diverged, failed or
 * stopped early.
 */
export function formatSummary(result: RunResult): string {
  const u = result.untrained;
  const f = result.final;
  const lines = ["Model parameters:", ...describeConfig(result.config, result.parameterCount)];
  if (result.status !== "completed") lines.push(`- Status: ${result.status}${result.message ? ` (${result.message})` : ""}`);
  lines.push(
    "",
    ...splitLines("Training data", u?.train, f?.train),
    "",
    ...splitLines("Validation data", u?.validation, f?.validation),
    "",
    ...splitLines("Test data", u?.test, f?.test),
  );
  return lines.join("\n");
}
