import { strict as assert } from "assert";
import { createHmac } from "crypto";
import { createMessage, decodeMessage, DELIMITER, encodeMessage } from "../../src/kernel/wire";

describe("notebook/wire: Jupyter message framing and HMAC signatures", () => {
  const key = "0123456789abcdef";

  it("frames a message as [<IDS|MSG>, hmac, header, parent, metadata, content] with HMAC-SHA256 over the 4 parts", () => {
    const message = createMessage("execute_request", { code: "1 + 1" }, "session-1");
    const frames = encodeMessage(key, message);
    assert.equal(frames.length, 6);
    assert.ok(frames[0].equals(DELIMITER));
    const hmac = createHmac("sha256", key);
    for (const part of frames.slice(2)) hmac.update(part);
    assert.equal(frames[1].toString(), hmac.digest("hex"));
    assert.deepEqual(JSON.parse(frames[2].toString()).msg_type, "execute_request");
    assert.deepEqual(JSON.parse(frames[5].toString()), { code: "1 + 1" });
  });

  it("decodes its own frames, skipping routing identities before the delimiter", () => {
    const message = createMessage("kernel_info_request", {}, "s");
    const decoded = decodeMessage(key, [Buffer.from("identity"), ...encodeMessage(key, message)]);
    assert.deepEqual(decoded, message);
  });

  it("rejects a tampered content frame, a wrong key and a missing delimiter", () => {
    const frames = encodeMessage(key, createMessage("execute_request", { code: "a" }, "s"));
    const tampered = [...frames.slice(0, 5), Buffer.from(JSON.stringify({ code: "b" }))];
    assert.throws(() => decodeMessage(key, tampered), /invalid HMAC/);
    assert.throws(() => decodeMessage("other key", frames), /invalid HMAC/);
    assert.throws(() => decodeMessage(key, frames.slice(1)), /malformed/);
  });

  it("gives every message a fresh msg_id", () => {
    const a = createMessage("x", {}, "s");
    const b = createMessage("x", {}, "s");
    assert.notEqual(a.header.msg_id, b.header.msg_id);
  });
});
