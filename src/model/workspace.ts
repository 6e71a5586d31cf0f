import { Matrix } from "../tensor";
import { MlpSpec, layerSizes, validateSpec } from "./spec";

/** Buffer roles; each (layer, role) pair owns one buffer. */
export const Buf = {
  S: 0,
  SHat: 1,
  mu: 2,
  v: 3,
  invStd: 4,
  bnOut: 5,
  A: 6,
  H: 7,
  Hd: 8,
  mask: 9,
  P: 10,
  G: 11,
  dH: 12,
  dSt: 13,
  dA: 14,
  dS: 15,
  dW: 16,
  db: 17,
  dGamma: 18,
  dBeta: 19,
} as const;
const ROLES = 20;
/** Roles whose column count is the batch size (the others are parameter-shaped). */
const BATCH_ROLES = new Set<number>([Buf.S, Buf.SHat, Buf.bnOut, Buf.A, Buf.H, Buf.Hd, Buf.mask, Buf.P, Buf.G, Buf.dH, Buf.dSt, Buf.dA, Buf.dS]);

interface Slot {
  store: Float64Array;
  view: Matrix;
}

/**
 * Every buffer of a forward/backward pass, reused from step to step so that a warmed-up training
 * step allocates no Float64Array, only a few small objects (caches, result records). The BN
 * moving averages are the exception: they are returned fresh unless the caller passes
 * `statsOut` to `mlpForward` (e.g. two sets used alternately), because BN never writes into
 * statistics the caller may still hold. Buffers are made on first use and sized for `batchSize`
 * columns; a smaller batch (the last one of an epoch) uses a prefix view. Results returned while
 * using a workspace (P, gradients) live in it and are overwritten by the next pass: copy what
 * must be kept.
 */
export class MlpWorkspace {
  private readonly slots: (Slot | undefined)[];
  private allocated = 0;
  private count = 0;

  constructor(
    readonly spec: MlpSpec,
    readonly batchSize: number,
  ) {
    validateSpec(spec);
    if (!(Number.isInteger(batchSize) && batchSize > 0)) {
      throw new RangeError(`createWorkspace: batchSize must be a positive integer, got ${batchSize}`);
    }
    this.slots = new Array(layerSizes(spec).length * ROLES).fill(undefined);
  }

  /** The rows × cols buffer of (layer, role); contents are whatever the last user left. */
  matrix(layer: number, role: number, rows: number, cols: number): Matrix {
    const id = layer * ROLES + role;
    const slot = this.slots[id];
    if (slot && slot.view.rows === rows && slot.view.cols === cols) return slot.view;
    const size = rows * cols;
    let store = slot?.store;
    if (!store || store.length < size) {
      const capacity = BATCH_ROLES.has(role) ? rows * Math.max(cols, this.batchSize) : size;
      store = new Float64Array(capacity);
      this.allocated += capacity * 8;
      this.count++;
    }
    const view: Matrix = { rows, cols, data: store.length === size ? store : store.subarray(0, size) };
    this.slots[id] = { store, view };
    return view;
  }

  /** Bytes of Float64Array storage allocated so far. */
  get bytes(): number {
    return this.allocated;
  }

  /** Number of Float64Array allocations so far. */
  get allocations(): number {
    return this.count;
  }
}

/** A workspace for `spec` and mini-batches of up to `batchSize` columns. */
export function createWorkspace(spec: MlpSpec, batchSize: number): MlpWorkspace {
  return new MlpWorkspace(spec, batchSize);
}

/** The workspace buffer for (layer, role), or undefined without a workspace (callee allocates). */
export function wsBuffer(ws: MlpWorkspace | undefined, layer: number, role: number, rows: number, cols: number): Matrix | undefined {
  return ws ? ws.matrix(layer, role, rows, cols) : undefined;
}
