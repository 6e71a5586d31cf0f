import { Matrix, clone } from "../tensor";
import { BnStats } from "../layers/batchnorm";
import { MlpSpec, hasBias } from "./spec";

/** The parameters of one layer: W (m × d), b (m × 1), and γ, β (m × 1) on hidden layers with BN. */
export interface LayerParams {
  readonly W: Matrix;
  readonly b: Matrix;
  readonly gamma?: Matrix;
  readonly beta?: Matrix;
}

/**
 * All parameters of an MLP. The matrices' Float64Arrays are mutable: an optimizer updates them
 * in place through `paramEntries`.
 */
export interface MlpParams {
  readonly spec: MlpSpec;
  readonly layers: readonly LayerParams[];
}

/** BN moving averages, one per hidden layer with BN (empty without BN). */
export type MlpStats = readonly BnStats[];

/** Gradients of one layer, same shapes as its `LayerParams`. */
export interface LayerGrads {
  readonly dW: Matrix;
  readonly db: Matrix;
  readonly dGamma?: Matrix;
  readonly dBeta?: Matrix;
}

/** Gradients of the cost for every parameter, same shape as `MlpParams`. */
export interface MlpGrads {
  readonly spec: MlpSpec;
  readonly layers: readonly LayerGrads[];
}

/** Parameter names as the assignments write them. */
export type ParamName = "W" | "b" | "gamma" | "beta";

/** One (layer, name, matrix) triple; `layer` is 0-based. */
export interface ParamEntry {
  readonly layer: number;
  readonly name: ParamName;
  readonly value: Matrix;
}

/**
 * Every trainable parameter in one fixed order: per layer W, b, gamma, beta (b only where the
 * spec has a bias, gamma/beta only with BN). `gradEntries` lists the matching gradients in the
 * same order, so an optimizer can zip the two lists.
 */
export function paramEntries(params: MlpParams): ParamEntry[] {
  const out: ParamEntry[] = [];
  params.layers.forEach((p, layer) => {
    out.push({ layer, name: "W", value: p.W });
    if (hasBias(params.spec, layer)) out.push({ layer, name: "b", value: p.b });
    if (p.gamma) out.push({ layer, name: "gamma", value: p.gamma });
    if (p.beta) out.push({ layer, name: "beta", value: p.beta });
  });
  return out;
}

/** The gradients in `paramEntries` order (`name` is the parameter's name, e.g. "W" for dW). */
export function gradEntries(grads: MlpGrads): ParamEntry[] {
  const out: ParamEntry[] = [];
  grads.layers.forEach((g, layer) => {
    out.push({ layer, name: "W", value: g.dW });
    if (hasBias(grads.spec, layer)) out.push({ layer, name: "b", value: g.db });
    if (g.dGamma) out.push({ layer, name: "gamma", value: g.dGamma });
    if (g.dBeta) out.push({ layer, name: "beta", value: g.dBeta });
  });
  return out;
}

/** A deep copy of the parameters (e.g. a best-so-far snapshot). */
export function cloneMlpParams(params: MlpParams): MlpParams {
  return {
    spec: params.spec,
    layers: params.layers.map((p) => ({
      W: clone(p.W),
      b: clone(p.b),
      ...(p.gamma ? { gamma: clone(p.gamma) } : {}),
      ...(p.beta ? { beta: clone(p.beta) } : {}),
    })),
  };
}

/** A deep copy of the BN moving averages. */
export function cloneMlpStats(stats: MlpStats): MlpStats {
  return stats.map((s) => ({ muAv: clone(s.muAv), vAv: clone(s.vAv) }));
}
