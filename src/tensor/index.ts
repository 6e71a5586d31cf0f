export * from "./matrix";
export * from "./ops";
export * from "./random";
export { GemmKernel, ByteDecoding, ElementOps, OperandB, getKernel, setKernel } from "./kernel";
export { tsBlockedKernel, naiveKernel } from "./kernel-ts";
export {
  NativeAddon,
  NativeKernelOptions,
  KernelSelection,
  NATIVE_ADDON_PATH,
  loadNativeAddon,
  createNativeKernel,
  selectKernel,
  defaultKernel,
  availableKernels,
} from "./kernel-select";
import { setDefaultKernelFactory } from "./kernel";
import { defaultKernel } from "./kernel-select";

// The default kernel: the native addon when it loads, else the TypeScript kernel with a one-line
// notice on stderr; NNBOOK_KERNEL=ts|native and NNBOOK_KERNEL_THREADS=1|2 override (kernel-select).
setDefaultKernelFactory(() => defaultKernel());
