import { MlpParams, MlpSpec, MlpStats, countParameters } from "../model";
import { trainMlp } from "../train";
import { codeVersion } from "./code-version";
import { ExperimentConfig } from "./config";
import { ExperimentData, checkExperimentData, numClasses } from "./data";
import { RunResult } from "./result";
import { checkParameterMemory, checkRunLength } from "./run-limits";
import { validateConfig } from "./validate-config";

/** The network an experiment config describes, for data of input dimension d and K classes. */
export function mlpSpecOf(config: ExperimentConfig, inputSize: number, outputSize: number): MlpSpec {
  return {
    inputSize,
    outputSize,
    hidden: config.hidden,
    activation: config.activation,
    batchNorm: config.batchNorm,
    init: config.init,
    dropout: config.dropout,
    ...(config.dropoutScaling !== undefined ? { dropoutScaling: config.dropoutScaling } : {}),
    bnAlpha: config.bnAlpha,
    bnEps: config.bnEps,
    biases: config.biases,
  };
}

/** A config whose data name a training-set size (`data.options.trainSize`) must get data of that size. */
function checkTrainSize(config: ExperimentConfig, data: ExperimentData): void {
  const want = config.data.options?.trainSize;
  if (want !== undefined && want !== data.train.X.cols) {
    throw new RangeError(
      `config.data.options.trainSize = ${JSON.stringify(want)}, but the data's training split has ${data.train.X.cols} samples ` +
        "(cut it with firstTrainImages)",
    );
  }
}

/**
 * Runs one experiment and also returns the trained parameters and BN statistics (`run` keeps only
 * the plain-data result). The config is validated first (a `ConfigError` names the bad field), the
 * data checked (shapes, labels), and the parameter memory and run length checked against their
 * limits (run-limits.ts); the RNG is created from `config.seed` inside.
 */
export function train(config: ExperimentConfig, data: ExperimentData): { result: RunResult; params: MlpParams; stats: MlpStats } {
  const c = validateConfig(config);
  checkExperimentData(data);
  checkTrainSize(c, data);
  checkParameterMemory(c, data.train.X.rows, numClasses(data));
  checkRunLength(c, data.train.X.cols);
  const spec = mlpSpecOf(c, data.train.X.rows, numClasses(data));
  const out = trainMlp(spec, data, c, c.seed);
  const result: RunResult = {
    config: c,
    status: out.status,
    ...(out.message !== undefined ? { message: out.message } : {}),
    ...(out.divergedAtStep !== undefined ? { divergedAtStep: out.divergedAtStep } : {}),
    steps: out.steps,
    epochs: out.epochs,
    ...(out.bestStep !== undefined ? { bestStep: out.bestStep } : {}),
    history: out.history,
    untrained: out.untrained,
    ...(out.final ? { final: out.final } : {}),
    parameterCount: countParameters(spec),
    timing: out.timing,
    data: { fingerprint: data.fingerprint, provenance: data.provenance },
    codeVersion: codeVersion(),
  };
  return { result, params: out.params, stats: out.stats };
}

/**
 * `run(config, data) → RunResult`: trains the network the config describes on `data` and returns
 * the history, untrained and final metrics, timing and the config itself (defaults filled in).
 * Divergence is a result (status "diverged"), not an exception; invalid configs or data throw.
 */
export function run(config: ExperimentConfig, data: ExperimentData): RunResult {
  return train(config, data).result;
}

/** The result recorded for a run that threw (status "failed", the error message kept). */
export function failedResult(config: ExperimentConfig, data: ExperimentData, err: unknown): RunResult {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return {
    config,
    status: "failed",
    message,
    steps: 0,
    epochs: 0,
    history: [],
    timing: { totalMs: 0, trainMs: 0, evalMs: 0, msPerStep: 0 },
    data: { fingerprint: data.fingerprint, provenance: data.provenance },
    codeVersion: codeVersion(),
  };
}
