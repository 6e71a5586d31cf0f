/**
 * A real redis-server for the queue tests (`LocalRedis`): started on a free 127.0.0.1 port with a
 * temporary folder, restartable on the same port, stopped (and its folder removed) at the end. Tests call
 * `redisOrSkip` in a `before` hook: without redis-server installed they skip with a clear message.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { LocalRedis, TlsFiles, freePort, redisServerBinary } from "../../src/queue/local-redis";

/**
 * A throw-away CA and a certificate for IP 127.0.0.1 signed by it (openssl), written into `dir`;
 * undefined when openssl is missing.
 */
export function makeTestCertificates(dir: string): TlsFiles | undefined {
  const f = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync("openssl", args, { stdio: "ignore" });
  try {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f("ca.key"), "-out", f("ca.crt"), "-days", "2", "-subj", "/CN=nnbook test CA");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f("server.key"), "-out", f("server.csr"), "-subj", "/CN=127.0.0.1");
    fs.writeFileSync(f("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    openssl(
      "x509",
      "-req",
      "-in",
      f("server.csr"),
      "-CA",
      f("ca.crt"),
      "-CAkey",
      f("ca.key"),
      "-CAcreateserial",
      "-out",
      f("server.crt"),
      "-days",
      "2",
      "-extfile",
      f("san.ext"),
    );
  } catch {
    return undefined;
  }
  return { cert: f("server.crt"), key: f("server.key"), ca: f("ca.crt") };
}

/** Starts a server for a suite, or skips the suite with a clear message when redis-server is absent. */
export async function redisOrSkip(ctx: Mocha.Context, password?: string, tls?: TlsFiles): Promise<LocalRedis | undefined> {
  const binary = redisServerBinary();
  if (!binary) {
    console.warn("    (skipped: redis-server is not installed; .ci/run installs it with apt-get: Debian package redis-server)");
    ctx.skip();
    return undefined;
  }
  const server = new LocalRedis(binary, await freePort(), password, tls);
  await server.start();
  return server;
}
