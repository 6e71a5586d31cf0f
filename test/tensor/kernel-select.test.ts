import { strict as assert } from "assert";
import { GemmKernel, createNativeKernel, defaultKernel, loadNativeAddon, selectKernel, tsBlockedKernel } from "../../src";
import { checkKernelAgainstNaive } from "./gemm-check";

/** Collects the notices selectKernel would print. */
function notices(): { lines: string[]; notify: (line: string) => void } {
  const lines: string[] = [];
  return { lines, notify: (line) => lines.push(line) };
}

const failingLoad = (): GemmKernel => {
  throw new Error("simulated: cannot open nnbook_gemm.node\nsecond line of the loader's message");
};

describe("tensor/kernel-select", () => {
  it("falls back to the TypeScript kernel with a one-line notice when the addon cannot be loaded", () => {
    const { lines, notify } = notices();
    const kernel = selectKernel({ loadNative: failingLoad, notify });
    assert.equal(kernel, tsBlockedKernel);
    assert.equal(lines.length, 1);
    assert.ok(!lines[0].includes("\n"), "the notice is one line");
    assert.match(lines[0], /native matrix kernel unavailable \(simulated: cannot open nnbook_gemm\.node\).*ts-blocked/);
    checkKernelAgainstNaive(kernel, [[7, 5, 3]]);
  });

  it("falls back the same way when the addon file is missing for real", () => {
    const { lines, notify } = notices();
    const missing = "/nonexistent/nnbook_gemm.node";
    const kernel = selectKernel({ loadNative: (o) => createNativeKernel(o, loadNativeAddon(missing)), notify });
    assert.equal(kernel, tsBlockedKernel);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /Cannot find module '\/nonexistent\/nnbook_gemm\.node'/);
  });

  it("NNBOOK_KERNEL=ts picks the TypeScript kernel without a notice; =native refuses to fall back", () => {
    const { lines, notify } = notices();
    assert.equal(selectKernel({ choice: "ts", loadNative: failingLoad, notify }), tsBlockedKernel);
    assert.throws(
      () => selectKernel({ choice: "native", loadNative: failingLoad, notify }),
      /NNBOOK_KERNEL=native but the native kernel failed to load: simulated/,
    );
    assert.throws(() => selectKernel({ choice: "fast", notify }), /NNBOOK_KERNEL must be "ts", "native" or "auto", got "fast"/);
    assert.deepEqual(lines, []);
  });

  it("passes the thread count to the native loader and reads both environment variables", () => {
    let asked: number | undefined;
    const fake: GemmKernel = { name: "fake", gemm: () => undefined };
    const kernel = selectKernel({ threads: 2, loadNative: (o) => ((asked = o.threads), fake) });
    assert.equal(kernel, fake);
    assert.equal(asked, 2);
    assert.equal(defaultKernel({ NNBOOK_KERNEL: "ts" }), tsBlockedKernel);
    assert.throws(() => defaultKernel({ NNBOOK_KERNEL: "ts", NNBOOK_KERNEL_THREADS: "4" }), /NNBOOK_KERNEL_THREADS must be 1 or 2, got "4"/);
  });
});
