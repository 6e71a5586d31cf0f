import { strict as assert } from "assert";
import { secondsOption } from "../../src/cli/run";

describe("cli/run options: time limits", () => {
  it("--cell-timeout takes positive, finite seconds a timer can hold, in milliseconds", () => {
    assert.equal(secondsOption("1"), 1000);
    assert.equal(secondsOption("0.25"), 250);
    assert.equal(secondsOption("2147483"), 2_147_483_000);
  });

  it("rejects Infinity, 0, negatives, empty text, text and values past the timer limit, naming the value", () => {
    for (const bad of ["Infinity", "1e999", "0", "-5", "", " ", "ten", "NaN", "2147484"]) {
      assert.throws(
        () => secondsOption(bad),
        (e: Error) => {
          assert.match(e.message, /expected a positive number of seconds up to 2147483 \(omit the option for no limit\)/);
          assert.ok(e.message.includes(`got "${bad}"`), e.message);
          return true;
        },
        bad,
      );
    }
  });
});
