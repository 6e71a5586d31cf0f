import { strict as assert } from "assert";
import { parseQueueUrl, redisOptions } from "../../src/queue/redis-url";

describe("queue/redis-url", () => {
  it("parses host, port, database, user and URL-encoded password; prints the password as ***", () => {
    const a = parseQueueUrl("redis://lab:p%40ss%2Fw0rd@queue.example.org:6380/3");
    assert.deepEqual(
      { ...a, display: undefined },
      {
        host: "queue.example.org",
        port: 6380,
        db: 3,
        username: "lab",
        password: "p@ss/w0rd",
        tls: false,
        display: undefined,
      },
    );
    assert.equal(a.display, "redis://lab:***@queue.example.org:6380/3");
    assert.ok(!a.display.includes("w0rd"));
  });

  it("defaults: port 6379, database 0, no credentials; rediss:// means TLS", () => {
    assert.deepEqual(parseQueueUrl("redis://127.0.0.1"), { host: "127.0.0.1", port: 6379, db: 0, tls: false, display: "redis://127.0.0.1" });
    const t = parseQueueUrl("rediss://:secret@[::1]:7000");
    assert.deepEqual([t.host, t.port, t.tls, t.password, t.username], ["::1", 7000, true, "secret", undefined]);
  });

  it("rejects bad URLs naming the part, never showing the password", () => {
    const bad: [string, RegExp][] = [
      ["localhost:6379", /scheme must be redis: or rediss: \(TLS\), got localhost:/],
      ["http://h:1", /scheme must be redis: or rediss:/],
      ["redis://h:1/x", /the path must be a database number \(e\.g\. \/0\), got "\/x"/],
      ["redis://h:1/-1", /the path must be a database number/],
      ["redis://h:1/0?tls=1", /query strings and fragments are not supported/],
      ["redis://:topsecret@h:1/db", /redis:\/\/:\*\*\*@h:1\/db: the path/],
      ["not a url :topsecret@", /expected redis:\/\/host:port\[\/db\] or rediss:\/\/…/],
    ];
    for (const [url, message] of bad) {
      assert.throws(
        () => parseQueueUrl(url),
        (err: Error) => message.test(err.message) && !err.message.includes("topsecret"),
        url,
      );
    }
  });

  it("ioredis options: credentials, database, TLS with certificate checks, commands that wait for a reconnect", () => {
    const o = redisOptions(parseQueueUrl("rediss://u:p@queue.example.org:6390/2"));
    assert.equal(o.host, "queue.example.org");
    assert.deepEqual([o.port, o.db, o.username, o.password, o.maxRetriesPerRequest], [6390, 2, "u", "p", null]);
    assert.deepEqual(o.tls, { servername: "queue.example.org", rejectUnauthorized: true });
    assert.equal(redisOptions(parseQueueUrl("redis://h")).tls, undefined);
    assert.equal(o.retryStrategy!(100), 2000, "back-off capped");
    const saved = process.env.NNBOOK_QUEUE_CA;
    process.env.NNBOOK_QUEUE_CA = "/nonexistent/ca.pem";
    try {
      assert.throws(() => redisOptions(parseQueueUrl("rediss://h")), /NNBOOK_QUEUE_CA: cannot read \/nonexistent\/ca\.pem/);
    } finally {
      if (saved === undefined) delete process.env.NNBOOK_QUEUE_CA;
      else process.env.NNBOOK_QUEUE_CA = saved;
    }
  });
});
