import { strict as assert } from "assert";
import { tsBlockedKernel } from "../../src";
import { checkKernelAgainstNaive } from "./gemm-check";

describe("tensor/kernel", () => {
  it("the blocked TypeScript kernel gives the naive oracle's bits", () => checkKernelAgainstNaive(tsBlockedKernel));

  it("beta = 0 ignores NaN already in C", () => {
    const C = new Float64Array([NaN, NaN]);
    tsBlockedKernel.gemm(false, false, 2, 1, 1, 1, new Float64Array([1, 2]), 2, new Float64Array([3]), 1, 0, C, 2);
    assert.deepEqual(Array.from(C), [3, 6]);
  });
});
