import { strict as assert } from "assert";
import { existsSync } from "fs";
import { join } from "path";
import {
  DD2424_A3_BLOCKS,
  SEED_FILES,
  type SeedBlock,
  type SeedId,
  blocksOf,
  normalizeWhitespace,
  parsePrinted,
  printedIn,
  valueAt,
} from "../../../src/courses/dd2424-a3/seeds";
import { quotesNotInSeeds } from "../../../src/courses/seed-text";

const SEEDS_DIR = join(__dirname, "..", "..", "..", "..", "shared", "seeds");

/** Equal as numbers (relative 1e-12), as lists of numbers, or as booleans. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

const block = (id: string): SeedBlock => {
  const b = DD2424_A3_BLOCKS.find((x) => x.id === id);
  assert.ok(b, `no block ${id}`);
  return b;
};

describe("courses/dd2424-a3/seeds: the result blocks of seeds 000, 001 and 004 as quoted data", () => {
  it("block ids are unique and start with their seed; seeds 000, 001, 004 have 42, 29, 54 blocks (by kind)", () => {
    const ids = DD2424_A3_BLOCKS.map((b) => b.id);
    assert.equal(new Set(ids).size, ids.length, "duplicate block id");
    for (const b of DD2424_A3_BLOCKS) assert.ok(b.id.startsWith(`${b.seed}/`), b.id);
    const kinds = (seed: SeedId): Record<string, number> =>
      blocksOf(DD2424_A3_BLOCKS, seed).reduce<Record<string, number>>((o, b) => ({ ...o, [b.kind]: (o[b.kind] ?? 0) + 1 }), {});
    assert.deepEqual(kinds("000"), { gradientCheck: 4, run: 36, searchGrid: 2 });
    assert.deepEqual(kinds("001"), { gradientCheck: 5, run: 22, searchGrid: 2 });
    assert.deepEqual(kinds("004"), { run: 44, searchGrid: 9, claim: 1 });
  });

  it("every published number is printed in one of its block's quotes and parses to its value", () => {
    let n = 0;
    for (const b of DD2424_A3_BLOCKS) {
      for (const p of b.published) {
        assert.ok(
          b.quotes.some((q) => printedIn(normalizeWhitespace(q), p.text)),
          `${b.id}: "${p.text}" printed in no quote`,
        );
        const printed = parsePrinted(p.text);
        assert.equal(typeof printed, "number", `${b.id}: "${p.text}"`);
        assert.ok(sameValue((printed as number) * (p.fraction ? 100 : 1), p.value), `${b.id}: "${p.text}" is not ${p.value}`);
        n++;
      }
    }
    assert.ok(n >= 382, `${n} published numbers`);
  });

  it("every stated setting is printed in a quote and equals the block's setup (gradient-check setup, grid)", () => {
    for (const b of DD2424_A3_BLOCKS) {
      const target = b.kind === "gradientCheck" ? b.gradientCheck : b.kind === "searchGrid" ? b.grid : b.setup;
      for (const s of b.stated) {
        assert.ok(
          b.quotes.some((q) => printedIn(normalizeWhitespace(q), s.text)),
          `${b.id}: "${s.text}" printed in no quote`,
        );
        const raw = valueAt(target, s.field);
        const actual = s.field === "batchNorm" ? raw !== "off" : raw;
        const printed = parsePrinted(s.text);
        // one printed width ("hidden layers: 50") is a one-layer list
        assert.ok(
          sameValue(Array.isArray(actual) && typeof printed === "number" ? [printed] : printed, actual),
          `${b.id}: ${s.field} is ${JSON.stringify(actual)}, the seed prints "${s.text}"`,
        );
      }
      if (b.kind === "run" || b.kind === "gradientCheck") assert.ok(b.stated.length > 0, `${b.id}: states no setting`);
    }
  });

  it('run blocks have a setup and readings starting with "seed"; other blocks have neither', () => {
    for (const b of DD2424_A3_BLOCKS) {
      if (b.kind === "run") {
        assert.ok(b.setup, b.id);
        assert.equal(b.readings?.[0]?.id, "seed", b.id);
        assert.equal(new Set(b.readings!.map((r) => r.id)).size, b.readings!.length, `${b.id}: duplicate reading`);
      } else {
        assert.equal(b.setup, undefined, b.id);
        assert.equal(b.readings, undefined, b.id);
      }
      if (b.kind === "gradientCheck") assert.ok(b.gradientCheck, b.id);
    }
  });

  it("seed 000: the settings the issue found missing are the seed's own", () => {
    const twelve = block("000/optimize/12-hidden");
    assert.deepEqual(twelve.setup!.hidden, [120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10]);
    assert.deepEqual(
      twelve.readings!.map((r) => r.id),
      ["seed", "11-hidden"],
    );
    assert.deepEqual(block("000/optimize/dropout-no-bn").setup!.hidden, [60, 50, 40]);
    assert.equal(block("000/optimize/dropout-no-bn").setup!.dropout, 0.5);
    for (const id of ["000/optimize/gaussian-noise", "000/optimize/salt-pepper-noise"]) {
      assert.deepEqual(block(id).setup!.hidden, [50], id);
      assert.equal(block(id).setup!.batchNorm, "off", id);
    }
    assert.deepEqual(block("000/optimize/gaussian-noise").setup!.noise, { kind: "gaussian", sigma: 0.01, relative: false });
    assert.deepEqual(block("000/optimize/salt-pepper-noise").setup!.eta, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, nS: 2250, cycles: 3 });
    const final = block("000/final").setup!;
    assert.equal(final.lambda, 0.005623);
    assert.deepEqual([final.batchNorm, final.eta && final.eta.kind === "cyclical" ? final.eta.cycles : 0], ["before", 2]);
  });

  it("seed 000: the fine grid is 10^(−2 − k/4), k = 0 … 4, to 4 significant digits, and each value has a table row", () => {
    const fine = block("000/search/fine-grid").grid!.lambda as number[];
    assert.deepEqual(
      fine,
      [0, 1, 2, 3, 4].map((k) => Number((10 ** (-2 - k / 4)).toPrecision(4))),
    );
    const coarse = block("000/search/coarse-grid").grid!.lambda as number[];
    for (const [table, grid] of [
      ["coarse", coarse],
      ["fine", fine],
    ] as const) {
      const rows = DD2424_A3_BLOCKS.filter((b) => b.id.startsWith(`000/search/${table}/`)).map((b) => b.setup!.lambda);
      assert.deepEqual(rows, grid, table);
    }
  });

  it("seed 001: the coarse λ values are linspace(1e-5, 0.1, 8) truncated to 5 decimals; the fine best is its grid's 2nd point", () => {
    const rows = DD2424_A3_BLOCKS.filter((b) => b.id.startsWith("001/search/coarse/"));
    assert.equal(rows.length, 8);
    rows.forEach((b, k) => {
      const exact = 1e-5 + (k * (0.1 - 1e-5)) / 7;
      assert.ok(Math.abs(b.setup!.lambda! - Math.floor(exact * 1e5 + 1e-9) / 1e5) < 1e-12, `${b.id}: ${exact}`);
      assert.equal(b.readings![1].fill.lambda, exact, b.id);
    });
    const best = block("001/search/fine/best");
    assert.equal(Number(best.readings![1].fill.lambda!.toPrecision(2)), best.setup!.lambda);
  });

  it("seed 001: printed n_epochs match the cycles (epochs · ⌊n / batch⌋ = 2 · n_s · cycles) under the seed reading", () => {
    let n = 0;
    for (const b of blocksOf(DD2424_A3_BLOCKS, "001").filter((x) => x.kind === "run" && x.setup!.epochs !== undefined)) {
      const s = { ...b.setup!, ...b.readings![0].fill };
      assert.ok(s.eta && s.eta.kind === "cyclical" && s.trainSize && s.batchSize, b.id);
      assert.equal(s.epochs! * Math.floor(s.trainSize / s.batchSize), 2 * s.eta.nS * s.eta.cycles, b.id);
      n++;
    }
    assert.equal(n, 21);
    assert.deepEqual(block("001/a2-replication").setup!.eta, { kind: "cyclical", etaMin: 1e-5, etaMax: 0.1, nS: 800, cycles: 3 });
    assert.equal(block("001/bn/9-layer-lambda-0.0041").setup!.lambda, 0.0041);
    assert.deepEqual(
      DD2424_A3_BLOCKS.filter((b) => b.id.startsWith("001/gradients/")).map((b) => [b.gradientCheck!.layers, b.gradientCheck!.batchNorm]),
      [
        [2, false],
        [3, false],
        [4, false],
        [2, true],
        [3, true],
      ],
    );
  });

  it("seed 004: each experiment at its own (η, λ); 10 epochs only where stated; BN-after and retrained numbers kept apart", () => {
    const ids = (prefix: string) => DD2424_A3_BLOCKS.filter((b) => b.id.startsWith(prefix));
    const pairs = (prefix: string) => ids(prefix).map((b) => [b.setup!.eta!.kind === "constant" ? b.setup!.eta!.eta : NaN, b.setup!.lambda]);
    const settings = [
      [0.034875895633392565, 1e-5],
      [0.007986719995840757, 1e-6],
      [0.012913581489067944, 1e-5],
    ];
    assert.deepEqual(pairs("004/bn-after/"), settings);
    assert.deepEqual(pairs("004/noise/"), settings);
    assert.deepEqual(pairs("004/elu/"), [...settings.slice(0, 2), [0.012913581489067944, 1e-4]]);
    for (const b of ids("004/bn-after/")) assert.equal(b.setup!.batchNorm, "after", b.id);
    for (const b of ids("004/noise/")) assert.deepEqual(b.setup!.noise, { kind: "gaussian", sigma: null, relative: true }, b.id);
    const test = (prefix: string) => ids(prefix).map((b) => b.published.find((p) => p.split === "test")!.value);
    assert.deepEqual(test("004/bn-after/"), [43.34, 39.23, 43.83]);
    assert.deepEqual(test("004/search/retrained-"), [50.86, 50.69, 50.86]);
    for (const b of ids("004/search/retrained-")) assert.equal(b.setup!.eta!.kind === "constant" && b.setup!.eta!.epochs, 10, b.id);
    for (const b of ids("004/bn-after/")) assert.equal(b.setup!.eta!.kind === "constant" && b.setup!.eta!.epochs, null, b.id);
    assert.equal(ids("004/search/range-").length, 7);
  });

  it("seed 004: 22 listed 3-layer results and the 4-layer candidates (85, 35, x), (95, 45, x), (80, 40, x), (75, 65, 55), (100, 60, 45), (95, 90, 75)", () => {
    assert.equal(DD2424_A3_BLOCKS.filter((b) => b.id.startsWith("004/architecture/3-layer/")).length, 22);
    assert.equal(block("004/architecture/3-layer/85-35").published[0].value, 52.43);
    const four = DD2424_A3_BLOCKS.filter((b) => b.id.startsWith("004/architecture/4-layer/"));
    assert.deepEqual(
      four.map((b) => b.setup!.hidden),
      [
        [85, 35, 25],
        [95, 45, 40],
        [80, 40, 20],
        [75, 65, 55],
        [100, 60, 45],
        [95, 90, 75],
      ],
    );
    assert.deepEqual(
      four.slice(0, 3).map((b) => b.grid!.third),
      [20, 20, 20].map((from, k) => ({ from, to: [30, 40, 35][k], step: 5, spacing: "linear" })),
    );
    for (const b of four) assert.equal(b.setup!.lambda, 1e-4, b.id);
    assert.equal(block("004/architecture/5-layer").kind, "claim");
  });

  it("every quote appears verbatim (whitespace normalized) in the seed file it cites", function () {
    if (!existsSync(SEEDS_DIR)) {
      console.log(`      (skipped: ${SEEDS_DIR} is absent, the seed texts cannot be compared)`);
      this.skip();
    }
    assert.deepEqual(quotesNotInSeeds(DD2424_A3_BLOCKS, SEED_FILES, SEEDS_DIR), []);
  });
});
