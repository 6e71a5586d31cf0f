import { strict as assert } from "assert";
import { join } from "path";
import { benchLoadCifar, benchLoadMnist } from "../../src/bench/data-bench";
import { mnistFiles, tempDir, writeCifarDir, writeMnistDir, allowShortFixtures } from "../data/fixtures";

describe("data/bench: load timings on fixture files", () => {
  allowShortFixtures();
  const tmp = tempDir("load-bench");
  after(tmp.remove);

  it("times each CIFAR-10 load up to the return and up to the decoded arrays, counting every image", () => {
    const dir = join(tmp.dir, "cifar");
    writeCifarDir(dir, 1001); // the standard split holds out 5,000 validation images
    const r = benchLoadCifar({ dir, repeats: 2 });
    assert.equal(r.images, 6 * 1001);
    assert.equal(r.seconds.length, 2);
    assert.equal(r.upfrontSeconds.length, 2);
    r.seconds.forEach((s, i) => assert.ok(r.upfrontSeconds[i] > 0 && r.upfrontSeconds[i] <= s, `run ${i}: ${r.upfrontSeconds[i]} ≤ ${s}`));
    assert.equal(r.bestSeconds, Math.min(...r.seconds));
    assert.equal(r.bestUpfrontSeconds, Math.min(...r.upfrontSeconds));
    assert.equal(r.standardize, "dimension");
  });

  it("does the same for MNIST", () => {
    const dir = join(tmp.dir, "mnist");
    writeMnistDir(dir, mnistFiles(50, 20), true);
    const r = benchLoadMnist({ dir, repeats: 1 });
    assert.equal(r.images, 70);
    assert.ok(r.upfrontSeconds[0] <= r.seconds[0]);
  });
});
