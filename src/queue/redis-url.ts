import { readFileSync } from "fs";
import { isIP } from "net";
import { rootCertificates } from "tls";
import type { RedisOptions } from "bullmq";

/** A parsed queue address: the connection options for ioredis/BullMQ and a printable form. */
export interface QueueAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** true for `rediss://` (TLS; the server certificate is verified, also against $NNBOOK_QUEUE_CA) */
  readonly tls: boolean;
  /** the URL with the password replaced by "***", safe to print */
  readonly display: string;
}

/**
 * Parses `redis://[user[:password]@]host[:port][/db]` or the TLS form `rediss://…` (port
 * default 6379, db default 0). User name and password are URL-decoded. Throws naming the part of
 * the URL that is wrong; the password never appears in a message.
 */
export function parseQueueUrl(text: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`queue URL: expected redis://host:port[/db] or rediss://…, got ${JSON.stringify(redactText(text))}`);
  }
  const shown = redact(url);
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new Error(`queue URL ${shown}: scheme must be redis: or rediss: (TLS), got ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") throw new Error(`queue URL ${shown}: no host`);
  const port = url.port === "" ? 6379 : Number(url.port);
  if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) throw new Error(`queue URL ${shown}: bad port ${url.port}`);
  const dbText = url.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!/^\d*$/.test(dbText) || !(Number.isInteger(db) && db >= 0)) {
    throw new Error(`queue URL ${shown}: the path must be a database number (e.g. /0), got ${JSON.stringify(url.pathname)}`);
  }
  if (url.search !== "" || url.hash !== "") throw new Error(`queue URL ${shown}: query strings and fragments are not supported`);
  return {
    host,
    port,
    db,
    ...(url.username !== "" ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password !== "" ? { password: decodeURIComponent(url.password) } : {}),
    tls: url.protocol === "rediss:",
    display: shown,
  };
}

function redact(url: URL): string {
  if (url.password === "") return url.href;
  const copy = new URL(url.href);
  copy.password = "***";
  return copy.href;
}

/** For a string that is not even a URL: everything before the last "@" may hold a password. */
function redactText(text: string): string {
  const at = text.lastIndexOf("@");
  return at < 0 ? text : `***${text.slice(at)}`;
}

/**
 * TLS options of a `rediss://` address: the server certificate is always verified, against the
 * system's CAs and, when $NNBOOK_QUEUE_CA names a PEM file, that CA too (a lab's own CA).
 */
function tlsOptions(address: QueueAddress): NonNullable<RedisOptions["tls"]> {
  const caFile = process.env.NNBOOK_QUEUE_CA;
  let ca: string[] | undefined;
  if (caFile !== undefined && caFile !== "") {
    try {
      ca = [...rootCertificates, readFileSync(caFile, "utf8")];
    } catch (err) {
      throw new Error(`NNBOOK_QUEUE_CA: cannot read ${caFile}: ${(err as Error).message}`);
    }
  }
  return { ...(isIP(address.host) ? {} : { servername: address.host }), ...(ca ? { ca } : {}), rejectUnauthorized: true };
}

/**
 * ioredis options for an address. `maxRetriesPerRequest: null` (BullMQ workers require it) makes
 * commands wait for a reconnect instead of failing while Redis restarts; ioredis reconnects with
 * a back-off of at most `maxRetryDelayMs`.
 */
export function redisOptions(address: QueueAddress, maxRetryDelayMs = 2000): RedisOptions {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username !== undefined ? { username: address.username } : {}),
    ...(address.password !== undefined ? { password: address.password } : {}),
    ...(address.tls ? { tls: tlsOptions(address) } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, maxRetryDelayMs),
  };
}
