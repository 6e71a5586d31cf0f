import assert from "assert";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { stdLabel } from "../../src/figures/tooltips";
import { FIGURE_CASES } from "./fixtures";

/**
 * Tooltips of every figure builder, checked on the rendered scene graph (vega View, no renderer):
 * the hoverable items, their entry titles, and their values against the records.
 */

type Tip = Record<string, string>;

/** Every scene-graph item's tooltip, with the record (datum) it was drawn from. */
async function tooltips(spec: TopLevelSpec): Promise<{ tip: Tip; datum: Record<string, unknown> }[]> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  await view.runAsync();
  const found: { tip: Tip; datum: Record<string, unknown> }[] = [];
  const visit = (node: { items?: unknown[]; tooltip?: unknown; datum?: unknown }): void => {
    if (node.tooltip !== undefined && node.tooltip !== null) found.push({ tip: node.tooltip as Tip, datum: node.datum as Record<string, unknown> });
    for (const child of node.items ?? []) visit(child as typeof node);
  };
  visit((view.scenegraph() as unknown as { root: never }).root);
  view.finalize();
  return found;
}

/** Expected tooltip titles per case (by name prefix), one list per kind of hoverable mark. */
const EXPECTED: ReadonlyArray<[string, string[][]]> = [
  ["learningCurves (DD2424", [["Update step", "Data", "Cost"], ["Update step", "Data", "Loss"], ["Update step", "Data", "Accuracy"]]],
  ["learningCurves (TDT4265", [["Epoch", "Data", "Loss"], ["Epoch", "Data", "Accuracy"]]],
  ["learningCurves (diverged", [["Update step", "Data", "Cost"], ["Update step", "Data", "Loss"], ["Update step", "Data", "Accuracy"]]],
  ["compareCurves", [["Variant", "Epoch", "Loss (validation)"]]],
  ["lambdaSearch", [["λ", "Data", "Accuracy", "± std"]]],
  ["initSensitivity", [["σ", "Network", "Accuracy", "± std"]]],
  ["architectureSummary", [["Variant", "Test accuracy", "± std"]]],
  ["gradientErrors", [["Layer", "Parameter", "Max relative error"]]],
  ["learningRateSchedule", [["Update step", "η"]]],
];

function expectedFor(name: string): string[][] {
  const hit = EXPECTED.find(([prefix]) => name.startsWith(prefix));
  if (hit === undefined) throw new Error(`no expected tooltips for figure case "${name}": add it to EXPECTED`);
  return hit[1];
}

describe("figure builders: tooltips on every chart", function () {
  this.timeout(60000);

  for (const c of FIGURE_CASES) {
    it(`${c.name}: every record is hoverable, titles and values as a reader needs them`, async () => {
      const spec = c.build(structuredClone(c.input) as never);
      const found = await tooltips(spec);
      const kinds = expectedFor(c.name);
      const keySets = new Set(found.map((f) => JSON.stringify(Object.keys(f.tip))));
      assert.deepStrictEqual([...keySets].sort(), kinds.map((k) => JSON.stringify(k)).sort(), `${c.name}: tooltip titles`);
      const records = ((spec as { data?: { values?: unknown[] } }).data?.values ?? []).length;
      assert.ok(found.length >= records, `${c.name}: ${found.length} hoverable items for ${records} records`);
      for (const { tip, datum } of found) {
        for (const [title, value] of Object.entries(tip)) {
          assert.ok(value !== "" && !/^(undefined|null|NaN)$/.test(value), `${c.name}: tooltip "${title}" = "${value}" for ${JSON.stringify(datum)}`);
        }
      }
    });
  }

  it("shows the record's own values (λ search: λ, split, accuracy, ± std)", async () => {
    const rows = [
      { lambda: 0.001, split: "validation" as const, accuracy: 0.51234, std: 0.0042 },
      { lambda: 0.01, split: "validation" as const, accuracy: 0.5, std: undefined },
    ];
    const c = FIGURE_CASES.find((f) => f.name.startsWith("lambdaSearch"));
    assert.ok(c !== undefined);
    const found = await tooltips(c.build(rows as never));
    const tips = found.map((f) => f.tip).sort((a, b) => a["λ"].localeCompare(b["λ"]));
    assert.deepStrictEqual(tips, [
      { "λ": "0.001", Data: "validation", Accuracy: "0.5123", "± std": "0.0042" },
      { "λ": "0.01", Data: "validation", Accuracy: "0.5000", "± std": "single run" },
    ]);
  });

  it("learning curves: one tooltip per finite record and panel, none for NaN/Infinity", async () => {
    const c = FIGURE_CASES.find((f) => f.name.startsWith("learningCurves (diverged"));
    assert.ok(c !== undefined);
    const history = c.input as { cost: number; loss: number; accuracy: number }[];
    const found = await tooltips(c.build(structuredClone(history) as never));
    for (const metric of ["Cost", "Loss", "Accuracy"] as const) {
      const field = metric.toLowerCase() as "cost" | "loss" | "accuracy";
      const finite = history.filter((r) => Number.isFinite(r[field])).length;
      assert.equal(found.filter((f) => metric in f.tip).length, finite, `${metric}: hoverable points`);
    }
  });

  it("stdLabel: 4 decimals, or 'single run'", () => {
    assert.equal(stdLabel(0.00424), "0.0042");
    assert.equal(stdLabel(null), "single run");
  });
});
