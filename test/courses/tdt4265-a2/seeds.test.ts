import { strict as assert } from "assert";
import { existsSync } from "fs";
import { join } from "path";
import { SEED_002_BLOCKS, SEED_003_BLOCKS, SEED_003_TABLE_EPOCHS, SEED_FILES, TDT4265_A2_BLOCKS } from "../../../src/courses/tdt4265-a2/seeds";
import { quotesNotInSeeds } from "../../../src/courses/seed-text";

const SEEDS_DIR = join(__dirname, "..", "..", "..", "..", "shared", "seeds");

describe("courses/tdt4265-a2/seeds: the result blocks of seeds 002 and 003 as quoted data", () => {
  it("block ids are unique and every block names its seed in its id", () => {
    const ids = TDT4265_A2_BLOCKS.map((b) => b.id);
    assert.equal(new Set(ids).size, ids.length, "duplicate block id");
    for (const b of TDT4265_A2_BLOCKS) assert.ok(b.id.startsWith(`${b.seed}/`), b.id);
    assert.equal(SEED_002_BLOCKS.length, 13);
    assert.equal(SEED_003_BLOCKS.length, 19);
  });

  it("every published number is printed in one of its block's quotes and parses to its value", () => {
    for (const b of TDT4265_A2_BLOCKS) {
      for (const p of b.published) {
        assert.ok(
          b.quotes.some((q) => q.includes(p.text)),
          `${b.id}: "${p.text}" in no quote`,
        );
        const parsed = Number(p.text.replace(/[%$\\ ]/g, "").replace(/^10\^\{(-\d+)\}$/, "1e$1"));
        assert.equal(parsed, p.value, `${b.id}: "${p.text}" is not ${p.value}`);
      }
    }
  });

  it("seed 003's table rows hold 12 accuracies each: (train, validation, test) at epochs 1, 5, 10, 15", () => {
    const rows = SEED_003_BLOCKS.filter((b) => b.id.startsWith("003/table"));
    assert.deepEqual(
      rows.map((b) => b.id.split("/")[2]),
      ["B", "S", "I", "N", "M", "5", "10", "20", "32", "64", "128", "60x60"],
    );
    for (const b of rows) {
      assert.equal(b.published.length, 12, b.id);
      assert.deepEqual([...new Set(b.published.map((p) => p.epoch))], [...SEED_003_TABLE_EPOCHS], b.id);
      assert.equal(b.setup.batchSize, 128);
      assert.equal(b.setup.epochs, 15);
      assert.equal(b.setup.earlyStopping, false);
    }
    const n = rows.find((b) => b.id === "003/table01/N")!;
    const h64 = rows.find((b) => b.id === "003/table02/64")!;
    assert.deepEqual(n.published, h64.published, "the seed's N row equals its 64 row");
    assert.equal(rows.find((b) => b.id === "003/table01/M")!.setup.learningRate, 0.05);
  });

  it("every quote appears verbatim (whitespace normalized) in the seed file it cites", function () {
    if (!existsSync(SEEDS_DIR)) {
      console.log(`      (skipped: ${SEEDS_DIR} is absent, the seed texts cannot be compared)`);
      this.skip();
    }
    assert.deepEqual(quotesNotInSeeds(TDT4265_A2_BLOCKS, SEED_FILES, SEEDS_DIR), []);
    const quoted = TDT4265_A2_BLOCKS.reduce((n, b) => n + b.quotes.length, 0);
    assert.ok(quoted > 60, `${quoted} quotes`);
  });
});
