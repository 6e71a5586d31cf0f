import { ColumnSelection, Matrix, assertShape, assertFinite, shapeOf, toMatrix } from "../tensor";
import { MlpParams, MlpStats } from "./params";
import { layerSizes, hasBatchNorm } from "./spec";

/** True when x is rows × cols (the checks below format their messages only when it is not). */
const shapeIs = (x: Matrix, rows: number, cols: number): boolean => x.rows === rows && x.cols === cols;

/** Throws unless every layer's W, b, γ, β has the shape the spec implies. */
export function checkParams(params: MlpParams, what: string): void {
  const { spec, layers } = params;
  if (!layers || layers.length === 0) throw new RangeError(`${what}: params.layers is empty (an MLP needs at least one layer)`);
  const sizes = layerSizes(spec);
  if (layers.length !== sizes.length - 1) {
    throw new RangeError(`${what}: params has ${layers.length} layers but spec [${sizes.join(", ")}] implies ${sizes.length - 1}`);
  }
  for (let l = 0; l < layers.length; l++) {
    const p = layers[l];
    const m = sizes[l + 1];
    if (!shapeIs(p.W, m, sizes[l])) assertShape(p.W, m, sizes[l], `${what}: layer ${l} W`);
    if (!shapeIs(p.b, m, 1)) assertShape(p.b, m, 1, `${what}: layer ${l} b`);
    if (hasBatchNorm(spec, l)) {
      if (!p.gamma || !p.beta) throw new RangeError(`${what}: layer ${l} has BatchNorm (${spec.batchNorm}) but no gamma/beta`);
      if (!shapeIs(p.gamma, m, 1)) assertShape(p.gamma, m, 1, `${what}: layer ${l} gamma`);
      if (!shapeIs(p.beta, m, 1)) assertShape(p.beta, m, 1, `${what}: layer ${l} beta`);
    }
  }
}

/** Throws unless `stats` holds one m × 1 muAv/vAv pair per hidden layer with BN. */
export function checkStats(params: MlpParams, stats: MlpStats, what: string): void {
  const want = params.spec.batchNorm === "off" ? 0 : params.spec.hidden.length;
  if (!stats || stats.length !== want) {
    throw new RangeError(`${what}: stats has ${stats?.length} entries, expected ${want} (one per hidden layer with BatchNorm)`);
  }
  for (let l = 0; l < stats.length; l++) {
    const m = params.spec.hidden[l];
    if (!shapeIs(stats[l].muAv, m, 1)) assertShape(stats[l].muAv, m, 1, `${what}: stats[${l}].muAv`);
    if (!shapeIs(stats[l].vAv, m, 1)) assertShape(stats[l].vAv, m, 1, `${what}: stats[${l}].vAv`);
  }
}

/** Throws unless X is d × n with d = spec.inputSize. */
export function checkInput(params: MlpParams, X: Matrix | ColumnSelection, what: string): void {
  if (X.rows !== params.spec.inputSize) {
    throw new RangeError(`${what}: X is ${shapeOf(X)} but the network's inputSize is ${params.spec.inputSize} (X must be d × n)`);
  }
}

/**
 * Cheap check for non-finite inputs: under IEEE arithmetic any NaN/±∞ in column j of X makes
 * every entry of column j of S₁ = W₁X + b₁ non-finite (even a zero weight gives 0·∞ = NaN), so
 * only when S₁ (m × n) has a non-finite entry is X (d × n) scanned, and an error naming the
 * offending entry thrown. A finite X with non-finite S₁ means diverged parameters: no error here.
 */
export function checkFiniteInput(S1: Matrix, X: Matrix | ColumnSelection, what: string): void {
  const d = S1.data;
  let bad = false;
  for (let k = 0; k < d.length; k++)
    if (d[k] - d[k] !== 0) {
      bad = true;
      break;
    }
  if (bad) assertFinite(toMatrix(X), `${what}: input X`);
}
