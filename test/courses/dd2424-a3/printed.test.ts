import { strict as assert } from "assert";
import { parsePrinted, printedIn, valueAt } from "../../../src/courses/dd2424-a3/seeds/printed";

describe("courses/dd2424-a3/seeds/printed: numbers as the seeds print them", () => {
  it("reads percentages, e-notation (with spaces), powers of ten, products and words", () => {
    assert.equal(parsePrinted("58.72%"), 58.72);
    assert.equal(parsePrinted("1e-05"), 1e-5);
    assert.equal(parsePrinted("1e - 04"), 1e-4);
    assert.equal(parsePrinted("10^{-6}"), 1e-6);
    assert.equal(parsePrinted("1.0632777281477375 * 10^{-6}"), 1.0632777281477375 * 1e-6);
    assert.equal(parsePrinted("(5 * 45,000 / 100)"), 2250);
    assert.equal(parsePrinted("two"), 2);
    assert.equal(parsePrinted("45,000"), 45000);
    assert.equal(parsePrinted("True"), true);
  });

  it('reads width lists with commas and "and", and rejects what is not a number', () => {
    assert.deepEqual(parsePrinted("(50, 30, 20, 20, 10, 10, 10, 10)"), [50, 30, 20, 20, 10, 10, 10, 10]);
    assert.deepEqual(parsePrinted("50, 30, 20, 20, 10, 10, 10 and 10"), [50, 30, 20, 20, 10, 10, 10, 10]);
    assert.equal(parsePrinted("50"), 50);
    assert.throws(() => parsePrinted("he"), /cannot read "he"/);
    assert.throws(() => parsePrinted("(50, 2.5)"), /not an integer/);
  });

  it("finds a number only as a whole number in a quote", () => {
    assert.ok(printedIn("for (70, 45): 51.5", "51.5"));
    assert.ok(!printedIn("for (60, 35): 51.55", "51.5"));
    assert.ok(!printedIn("accuracy 151.5%", "51.5%"));
    assert.ok(printedIn("te-acc0.5245\\_seed", "0.5245"));
    assert.ok(printedIn("trained for two cycles", "two"));
    assert.ok(!printedIn("a 2-layer network", "two"), "a word inside a word");
    assert.equal(valueAt({ eta: { nS: 2250 } }, "eta.nS"), 2250);
    assert.equal(valueAt({ eta: null }, "eta.nS"), undefined);
  });
});
