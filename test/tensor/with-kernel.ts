import { GemmKernel, setKernel } from "../../src/tensor";

/** Runs `f` with `kernel` as the current kernel, then puts the previous one back. */
export function withKernel<T>(kernel: GemmKernel, f: () => T): T {
  const previous = setKernel(kernel);
  try {
    return f();
  } finally {
    if (previous) setKernel(previous);
  }
}
