import { strict as assert } from "assert";
import { ARITHMETIC_VERSION, PROBE_HASHES } from "../../src/experiments";
import { availableKernels } from "../../src/tensor";
import { CLI, requireBuild, runProcess } from "../notebook/helpers";

describe("cli/probe", function () {
  this.timeout(300000);

  it("nnbook probe trains under every kernel of this machine and finds the one committed hash", async () => {
    requireBuild();
    const out = await runProcess(process.execPath, [CLI, "probe"]);
    assert.equal(out.code, 0, out.stderr);
    const kernels = availableKernels().map((k) => k.name);
    for (const name of kernels) assert.match(out.stdout, new RegExp(`\\| ${name} \\| ${PROBE_HASHES[ARITHMETIC_VERSION]} \\| yes \\|`));
    assert.match(out.stdout, new RegExp(`${kernels.length} kernels, 1 distinct hash; committed for arith\\.${ARITHMETIC_VERSION}`));
  });
});
