export * from "./matrix";
export * from "./ops";
export * from "./random";
export { GemmKernel, getKernel, setKernel } from "./kernel";
export { tsBlockedKernel, naiveKernel } from "./kernel-ts";
import { setDefaultKernelFactory } from "./kernel";
import { tsBlockedKernel } from "./kernel-ts";

// The default kernel; the performance work replaces this factory with one that tries the native
// addon first and falls back to the TypeScript kernel with a one-line notice.
setDefaultKernelFactory(() => tsBlockedKernel);
