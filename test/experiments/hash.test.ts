import { strict as assert } from "assert";
import { createHash } from "crypto";
import { cacheKey, canonicalJson, configHash } from "../../src/experiments";
import { smallConfig } from "./fixtures";

describe("experiments/hash", () => {
  it("canonical JSON sorts keys at every depth and drops undefined fields", () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    assert.throws(() => canonicalJson({ a: [1, NaN] }), /value\.a\[1\] is NaN/);
    assert.throws(() => canonicalJson({ a: new Float64Array(2) }), /value\.a is not plain JSON/);
  });

  it("the config hash is SHA-256 of the canonical JSON, independent of field order and explicit defaults", () => {
    const c = smallConfig();
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    assert.notEqual(JSON.stringify(reordered), JSON.stringify(c));
    assert.equal(configHash(reordered), configHash(c));
    assert.equal(configHash({ ...c, momentum: 0, shuffle: false, dropout: 0 }), configHash(c));
    const want = createHash("sha256")
      .update(canonicalJson({ ...c, momentum: 0, shuffle: false, dropout: 0 }))
      .digest("hex");
    assert.equal(configHash(c), want);
  });

  it("the cache key changes with the data fingerprint and the code version", () => {
    const c = smallConfig();
    const k = cacheKey(c, "data-a", "v1");
    assert.match(k, /^[0-9a-f]{64}$/);
    assert.notEqual(cacheKey(c, "data-b", "v1"), k);
    assert.notEqual(cacheKey(c, "data-a", "v2"), k);
    assert.equal(cacheKey({ ...c }, "data-a", "v1"), k);
  });
});
