import assert from "assert";
import { renderSvg } from "../../src/report/render";
import { FIGURE_CASES } from "./fixtures";
import { compileCollecting, deepFreeze, schemaErrors, schemaValidators } from "./vega-checks";

/** vega-lite's four checks for every figure builder and its main option variants. */
describe("figure builders: vega-lite's four checks", function () {
  this.timeout(120000);
  before(() => schemaValidators());

  for (const c of FIGURE_CASES) {
    describe(c.name, () => {
      it("does not mutate its input records (deep-frozen), also through compile and render", async () => {
        const snapshot = structuredClone(c.input);
        const frozen = deepFreeze(structuredClone(c.input));
        const spec = c.build(frozen as never);
        compileCollecting(spec);
        await renderSvg(spec);
        assert.deepStrictEqual(frozen, snapshot, `${c.name}: input changed`);
      });

      it("builds a spec that is valid against the Vega-Lite v5 JSON schema", () => {
        const validate = schemaValidators().vegaLite;
        const ok = validate(c.build(structuredClone(c.input) as never));
        assert.ok(ok, `${c.name}: invalid Vega-Lite:\n${schemaErrors(validate)}`);
      });

      it("compiles without warnings, and compile leaves the (deep-frozen) spec unchanged", () => {
        const spec = c.build(structuredClone(c.input) as never);
        const before = structuredClone(spec);
        const { warnings } = compileCollecting(deepFreeze(spec));
        assert.deepStrictEqual(warnings, [], `${c.name}: compile warnings`);
        assert.deepStrictEqual(spec, before);
      });

      it("compiles to Vega that is valid against the Vega v5 JSON schema", () => {
        const validate = schemaValidators().vega;
        const ok = validate(compileCollecting(c.build(structuredClone(c.input) as never)).vega);
        assert.ok(ok, `${c.name}: invalid Vega:\n${schemaErrors(validate)}`);
      });
    });
  }

  it("the checks can fail: invalid specs are rejected and a dropped channel warns", () => {
    const bad = { mark: "bars", data: { values: [] } } as never;
    assert.strictEqual(schemaValidators().vegaLite(bad), false);
    const warned = compileCollecting({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { shape: { field: "a", type: "nominal" } } });
    assert.ok(warned.warnings.length > 0, "expected a warning for shape on a bar");
    assert.strictEqual(schemaValidators().vega({ scales: [{ name: "x", type: "nope" }] }), false);
    assert.strictEqual(schemaValidators().vega({ axes: [{ orient: "middle", scale: "x" }] }), false);
  });
});
