import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ACTIVATION_NAMES, experimentConfigJsonSchema, experimentConfigReference } from "../../src/schema";
import { parameterKind, describeKind } from "../../src/kernel/parameter-kinds";

const DOC = path.resolve(__dirname, "../../docs/experiment-config.md");
const HEADER = "# Experiment config\n\nGenerated from src/schema (`UPDATE_EXPECTED=1 npx mocha test/schema/docs.test.ts`).\n\n";

describe("schema: documentation derives from the schemas", () => {
  it("docs/experiment-config.md is the schema's reference table", () => {
    const expected = HEADER + experimentConfigReference();
    if (process.env.UPDATE_EXPECTED === "1") fs.writeFileSync(DOC, expected);
    assert.equal(fs.readFileSync(DOC, "utf8"), expected, "stale: run UPDATE_EXPECTED=1 npx mocha test/schema/docs.test.ts");
  });

  it("the JSON Schema lists every activation and refuses unknown fields", () => {
    const schema = experimentConfigJsonSchema() as {
      additionalProperties: boolean;
      properties: { activation: { properties: { name: { enum: string[] } } } };
    };
    assert.deepEqual(schema.properties.activation.properties.name.enum, [...ACTIVATION_NAMES]);
    assert.equal(schema.additionalProperties, false);
  });

  it("a notebook parameter annotated with a vocabulary type takes the schema's names", () => {
    const kind = parameterKind({ name: "activation", keyword: "const", type: "ActivationName", initializer: '"relu"' });
    assert.deepEqual(kind, { kind: "literal", values: ACTIVATION_NAMES, nullable: false });
    assert.match(describeKind(parameterKind({ name: "x", keyword: "const", type: "toString", initializer: "1" })), /JSON/);
  });
});
