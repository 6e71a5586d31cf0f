import { ConfigError, checkBoolean, checkEnum, checkKeys, checkNumber, checkObject, show } from "./check";
import { ExperimentConfig, withDefaults } from "./config";

const ACTIVATIONS = ["relu", "leakyRelu", "elu", "sigmoid", "tanh", "improvedSigmoid", "linear"] as const;
const INITS = ["he", "xavier", "normal", "fanIn"] as const;
const TOP_FIELDS = [
  "hidden", "activation", "batchNorm", "init", "dropout", "dropoutScaling", "bnAlpha", "bnEps", "biases", "data", "seed",
  "lambda", "batchSize", "schedule", "epochs", "momentum", "shuffle", "noise", "evaluation", "earlyStopping",
];

function checkSchedule(value: unknown, path: string): void {
  const s = checkObject(value, path);
  const kind = checkEnum(s.kind, `${path}.kind`, ["constant", "cyclical", "stepDecay", "exponentialDecay"] as const);
  if (kind === "constant") {
    checkKeys(s, ["kind", "eta"], path);
    checkNumber(s.eta, `${path}.eta`, { above: 0 });
  } else if (kind === "cyclical") {
    checkKeys(s, ["kind", "etaMin", "etaMax", "stepSize", "cycles"], path);
    const etaMin = checkNumber(s.etaMin, `${path}.etaMin`, { min: 0 });
    checkNumber(s.etaMax, `${path}.etaMax`, { above: etaMin });
    if (typeof s.stepSize === "number") checkNumber(s.stepSize, `${path}.stepSize`, { integer: true, min: 1 });
    else {
      const ns = checkObject(s.stepSize, `${path}.stepSize`);
      checkKeys(ns, ["epochs"], `${path}.stepSize`);
      checkNumber(ns.epochs, `${path}.stepSize.epochs`, { above: 0 });
    }
    checkNumber(s.cycles, `${path}.cycles`, { integer: true, min: 1 });
  } else if (kind === "stepDecay") {
    checkKeys(s, ["kind", "eta0", "factor", "everyEpochs"], path);
    checkNumber(s.eta0, `${path}.eta0`, { above: 0 });
    checkNumber(s.factor, `${path}.factor`, { above: 0, max: 1 });
    checkNumber(s.everyEpochs, `${path}.everyEpochs`, { integer: true, min: 1 });
  } else {
    checkKeys(s, ["kind", "eta0", "gamma"], path);
    checkNumber(s.eta0, `${path}.eta0`, { above: 0 });
    checkNumber(s.gamma, `${path}.gamma`, { above: 0, max: 1 });
  }
}

function checkNoise(value: unknown, path: string): void {
  const s = checkObject(value, path);
  const kind = checkEnum(s.kind, `${path}.kind`, ["gaussian", "saltPepper"] as const);
  if (kind === "gaussian") {
    checkKeys(s, ["kind", "sigma", "relative"], path);
    checkNumber(s.sigma, `${path}.sigma`, { min: 0 });
    if (s.relative !== undefined) checkBoolean(s.relative, `${path}.relative`);
    return;
  }
  checkKeys(s, ["kind", "fraction", "low", "high"], path);
  checkNumber(s.fraction, `${path}.fraction`, { min: 0, max: 1 });
  if ((s.low === undefined) !== (s.high === undefined)) {
    throw new ConfigError(path, `give both low and high or neither, got low=${show(s.low)}, high=${show(s.high)}`);
  }
  if (s.low !== undefined) checkNumber(s.high, `${path}.high`, { min: checkNumber(s.low, `${path}.low`) });
}

function checkModel(c: Record<string, unknown>, path: string): void {
  if (!Array.isArray(c.hidden)) throw new ConfigError(`${path}.hidden`, `expected an array of layer widths, got ${show(c.hidden)}`);
  c.hidden.forEach((w, i) => checkNumber(w, `${path}.hidden[${i}]`, { integer: true, min: 1 }));
  const act = checkObject(c.activation, `${path}.activation`);
  checkKeys(act, ["name", "alpha"], `${path}.activation`);
  checkEnum(act.name, `${path}.activation.name`, ACTIVATIONS);
  if (act.alpha !== undefined) checkNumber(act.alpha, `${path}.activation.alpha`, { min: 0 });
  checkEnum(c.batchNorm, `${path}.batchNorm`, ["off", "before", "after"] as const);
  const init = checkObject(c.init, `${path}.init`);
  const kind = checkEnum(init.kind, `${path}.init.kind`, INITS);
  checkKeys(init, kind === "normal" ? ["kind", "sigma"] : ["kind"], `${path}.init`);
  if (kind === "normal") checkNumber(init.sigma, `${path}.init.sigma`, { above: 0 });
  if (c.dropout !== undefined) checkNumber(c.dropout, `${path}.dropout`, { min: 0, below: 1 });
  if (c.dropoutScaling !== undefined) checkEnum(c.dropoutScaling, `${path}.dropoutScaling`, ["inverted", "none"] as const);
  if (c.bnAlpha !== undefined) checkNumber(c.bnAlpha, `${path}.bnAlpha`, { min: 0, max: 1 });
  if (c.bnEps !== undefined) checkNumber(c.bnEps, `${path}.bnEps`, { above: 0 });
  if (c.biases !== undefined) checkEnum(c.biases, `${path}.biases`, ["all", "firstLayer"] as const);
}

function checkTraining(c: Record<string, unknown>, path: string): void {
  checkNumber(c.lambda, `${path}.lambda`, { min: 0 });
  checkNumber(c.batchSize, `${path}.batchSize`, { integer: true, min: 1 });
  checkSchedule(c.schedule, `${path}.schedule`);
  const cyclical = (c.schedule as { kind: string }).kind === "cyclical";
  if (cyclical && c.epochs !== undefined) {
    throw new ConfigError(`${path}.epochs`, `must be omitted with a cyclical schedule (its cycles fix the length), got ${show(c.epochs)}`);
  }
  if (!cyclical) checkNumber(c.epochs, `${path}.epochs`, { integer: true, min: 1 });
  if (c.momentum !== undefined) checkNumber(c.momentum, `${path}.momentum`, { min: 0, below: 1 });
  if (c.shuffle !== undefined) checkBoolean(c.shuffle, `${path}.shuffle`);
  if (c.noise !== undefined) checkNoise(c.noise, `${path}.noise`);
  const ev = checkObject(c.evaluation, `${path}.evaluation`);
  checkKeys(ev, ["per", "times", "trainSubset"], `${path}.evaluation`);
  const per = checkEnum(ev.per, `${path}.evaluation.per`, ["cycle", "epoch"] as const);
  if (per === "cycle" && !cyclical) throw new ConfigError(`${path}.evaluation.per`, `"cycle" needs a cyclical schedule`);
  checkNumber(ev.times, `${path}.evaluation.times`, { integer: true, min: 1 });
  if (ev.trainSubset !== undefined) checkNumber(ev.trainSubset, `${path}.evaluation.trainSubset`, { integer: true, min: 1 });
  if (c.earlyStopping !== undefined) {
    const es = checkObject(c.earlyStopping, `${path}.earlyStopping`);
    checkKeys(es, ["patience", "restoreBest", "minDelta"], `${path}.earlyStopping`);
    checkNumber(es.patience, `${path}.earlyStopping.patience`, { integer: true, min: 1 });
    if (es.restoreBest !== undefined) checkBoolean(es.restoreBest, `${path}.earlyStopping.restoreBest`);
    if (es.minDelta !== undefined) checkNumber(es.minDelta, `${path}.earlyStopping.minDelta`, { min: 0 });
  }
}

/**
 * Checks an experiment config (e.g. parsed from JSON) field by field and returns it with defaults
 * filled in. Throws a `ConfigError` naming the first bad field, its value and what was expected;
 * unknown fields are errors too.
 */
export function validateConfig(value: unknown, path = "config"): ExperimentConfig {
  const c = checkObject(value, path);
  checkKeys(c, TOP_FIELDS, path);
  checkModel(c, path);
  checkTraining(c, path);
  const data = checkObject(c.data, `${path}.data`);
  checkKeys(data, ["name", "options"], `${path}.data`);
  if (typeof data.name !== "string" || data.name === "") {
    throw new ConfigError(`${path}.data.name`, `expected a non-empty string, got ${show(data.name)}`);
  }
  if (data.options !== undefined) checkObject(data.options, `${path}.data.options`);
  checkNumber(c.seed, `${path}.seed`, { integer: true });
  return withDefaults(value as ExperimentConfig);
}
