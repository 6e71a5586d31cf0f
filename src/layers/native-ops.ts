import { ElementOps, getKernel } from "../tensor";

/** Whether two arrays share some byte of memory (an empty array shares none). */
function overlap(a: Float64Array, b: Float64Array): boolean {
  if (a.buffer !== b.buffer || a.byteLength === 0 || b.byteLength === 0) return false;
  return a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * The current kernel's native element-wise passes (see `ElementOps`), if it has them and none of
 * `outputs` overlaps another output or one of `inputs` (the native passes assume that; the
 * TypeScript loops, which then run instead, do not). Empty arrays never overlap.
 */
export function elementOpsFor(inputs: readonly Float64Array[], outputs: readonly Float64Array[]): ElementOps | undefined {
  const ops = getKernel().elementOps;
  if (!ops) return undefined;
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) if (overlap(outputs[i], outputs[j])) return undefined;
    for (const input of inputs) if (overlap(outputs[i], input)) return undefined;
  }
  return ops;
}
