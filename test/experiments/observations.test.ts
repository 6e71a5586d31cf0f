import { strict as assert } from "assert";
import { accuracyPercent, bestByValidation, compareAccuracy, describeEffect, describeLevel } from "../../src/experiments";
import { fakeGroup, testOnly } from "./report-fixtures";

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
const sampleStd = (xs: number[]): number => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

describe("experiments/observations: wording generated from the numbers", () => {
  const a = [0.5, 0.51, 0.52];
  const b = [0.55, 0.56, 0.57];

  it("accuracyPercent and compareAccuracy: difference of means in points, standard error √(s²/n + s²/n)", () => {
    const pa = accuracyPercent(testOnly(0.1, a))!;
    close(pa.mean, 51, "mean %");
    close(pa.std, 100 * sampleStd(a), "std %");
    const c = compareAccuracy(testOnly(0.1, a), testOnly(0.2, b))!;
    close(c.diff, 5, "diff");
    close(c.se, Math.sqrt((100 * sampleStd(a)) ** 2 / 3 + (100 * sampleStd(b)) ** 2 / 3), "se");
    assert.equal(c.test?.method, "Welch");
    assert.ok(c.test!.pValue > 0.001 && c.test!.pValue < 0.01, `p = ${c.test!.pValue}`);
    assert.equal(c.significant, true);
  });

  it("decides by Welch's t-test at 5 %, not by 2 standard errors: 3 seeds a side with |diff| just over 2·se is not enough", () => {
    // diff 2.2 points, s = 1 on each side: 2.2 > 2·0.816 (the old rule said "improves"), but Welch's p ≈ 0.05–0.1
    const c = compareAccuracy(testOnly(0.1, [0.5, 0.51, 0.52]), testOnly(0.2, [0.522, 0.532, 0.542]))!;
    assert.ok(Math.abs(c.diff) > 2 * c.se);
    assert.ok(c.test!.pValue > 0.05, `p = ${c.test!.pValue}`);
    assert.equal(c.significant, false);
    const s = describeEffect(testOnly(0.1, [0.5, 0.51, 0.52]), testOnly(0.2, [0.522, 0.532, 0.542]), { change: "BN", subject: "x" });
    assert.match(s, /Welch's t-test p = 0\.0\d\d\): no clear effect at the 5 % level\.$/);
  });

  it("says 'improves' / 'lowers' only when Welch's t-test gives p < 0.05, quoting p, else 'no clear effect'", () => {
    const up = describeEffect(testOnly(0.1, a), testOnly(0.2, b), { change: "BN", subject: "the 9-layer net" });
    assert.match(
      up,
      /^BN improves the test accuracy of the 9-layer net by 5\.00 ± 0\.82 points \(56\.00 ± 1\.00 % with vs 51\.00 ± 1\.00 % without, 3 seeds each; Welch's t-test p = 0\.00\d\)\.$/,
    );
    const down = describeEffect(testOnly(0.2, b), testOnly(0.1, a), { change: "BN", subject: "x" });
    assert.match(down, /^BN lowers the test accuracy of x by 5\.00 ± 0\.82 points/);
    const noisy = describeEffect(testOnly(0.1, [0.5, 0.52, 0.54]), testOnly(0.2, [0.51, 0.53, 0.55]), { change: "BN", subject: "x" });
    // diff 1 point, se = √(4/3 + 4/3) ≈ 1.63 points: not significant
    assert.match(noisy, /changes the test accuracy of x by \+1\.00 ± 1\.63 points .*Welch's t-test p = 0\.5\d\d\): no clear effect at the 5 % level\.$/);
    assert.doesNotMatch(noisy, /improves|lowers/);
  });

  it("claims nothing from single runs and reports groups without finished runs", () => {
    const single = describeEffect(testOnly(0.1, [0.5]), testOnly(0.2, [0.6]), { change: "BN", subject: "x" });
    assert.match(single, /by \+10\.00 points .*a single run cannot separate/);
    const lost = describeEffect(testOnly(0.1, a), fakeGroup(0.2, [null, null]), { change: "BN", subject: "x" });
    assert.match(lost, /no comparison possible — with: no run finished \(2 diverged, 0 failed of 2\)/);
  });

  it("uses the given side labels and split", () => {
    const s = describeEffect(testOnly(0.1, a), testOnly(0.2, b), {
      change: "Depth",
      subject: "x",
      split: "validation",
      withLabel: "9-layer",
      withoutLabel: "3-layer",
    });
    assert.match(s, /validation accuracy of x .*56\.00 ± 1\.00 % 9-layer vs 51\.00 ± 1\.00 % 3-layer/);
  });

  it("describeLevel: chance level within the margin of 100/K, else above/below", () => {
    assert.match(describeLevel("σ = 1e-4", testOnly(0.1, [0.1, 0.1, 0.1]), 10), /10\.00 ± 0\.00 % test accuracy \(3 seeds\), at chance level \(10 %\)\.$/);
    assert.match(describeLevel("s", testOnly(0.1, [0.108, 0.109, 0.11]), 10), /at chance level/);
    assert.match(describeLevel("s", testOnly(0.1, [0.12, 0.12, 0.12]), 10), /above chance level/);
    assert.match(describeLevel("s", testOnly(0.1, [0.05, 0.05, 0.05]), 10), /below chance level/);
  });

  it("bestByValidation picks the best mean VALIDATION accuracy, not test; -1 when nothing finished", () => {
    const groups = [
      fakeGroup(0.1, [
        [0.6, 0.5, 0.7],
        [0.6, 0.5, 0.7],
      ]), // best test
      fakeGroup(0.2, [
        [0.6, 0.55, 0.4],
        [0.6, 0.53, 0.4],
      ]), // best validation (0.54)
      fakeGroup(0.3, [null, null]),
    ];
    assert.equal(bestByValidation(groups), 1);
    assert.equal(bestByValidation([groups[2]]), -1);
  });
});
