import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

/** A free TCP port on 127.0.0.1 (the OS picks it; released again before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The redis-server binary on the PATH, or undefined when it is not installed. */
export function redisServerBinary(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** PEM files of a TLS server certificate, its key and the CA that signed it. */
export interface TlsFiles {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
}

/**
 * A private redis-server on 127.0.0.1 (for tests and the queue benchmark): its own temporary
 * folder, no persistence (a restart empties it), optionally a password and TLS only. Start,
 * stop, start again on the same port; `dispose` stops it and removes the folder.
 */
export class LocalRedis {
  private child?: ChildProcess;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnbook-redis-"));

  constructor(
    readonly binary: string,
    readonly port: number,
    readonly password?: string,
    readonly tls?: TlsFiles,
  ) {}

  /** redis[s]://[:password@]127.0.0.1:port/db */
  url(db = 0): string {
    const auth = this.password !== undefined ? `:${encodeURIComponent(this.password)}@` : "";
    return `${this.tls ? "rediss" : "redis"}://${auth}127.0.0.1:${this.port}/${db}`;
  }

  /** Starts the server and resolves once it accepts connections. */
  start(): Promise<void> {
    const tls = this.tls
      ? [
          "--port",
          "0",
          "--tls-port",
          String(this.port),
          "--tls-cert-file",
          this.tls.cert,
          "--tls-key-file",
          this.tls.key,
          "--tls-ca-cert-file",
          this.tls.ca,
          "--tls-auth-clients",
          "no",
        ]
      : ["--port", String(this.port)];
    const args = [
      "--bind",
      "127.0.0.1",
      ...tls,
      "--dir",
      this.dir,
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--loglevel",
      "notice",
      ...(this.password !== undefined ? ["--requirepass", this.password] : []),
    ];
    const child = spawn(this.binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    return new Promise((resolve, reject) => {
      let out = "";
      const onData = (chunk: Buffer): void => {
        out += chunk.toString();
        if (/Ready to accept connections/.test(out)) {
          child.stdout!.off("data", onData);
          child.stdout!.resume();
          resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.resume();
      child.once("exit", (code) => reject(new Error(`redis-server exited with code ${code}: ${out.slice(-500)}`)));
    });
  }

  /** Stops the server (SIGTERM) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }

  /** Stops the server and removes its folder. */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
