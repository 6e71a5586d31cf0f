/**
 * A Jupyter kernel client for the tslab kernel over ZeroMQ: shell and control on Dealer sockets,
 * iopub on a Subscriber. Starts the kernel, waits for the kernel_info handshake, executes code and
 * collects the iopub messages of each request until the kernel is idle again, and shuts down.
 */
import { randomUUID } from "node:crypto";
import * as zmq from "zeromq";
import { ConnectionFile, removeStaleConnectionDirs, writeConnectionFile } from "./connection";
import { KernelProcess, tslabKernelCommand } from "./kernel-process";
import { createMessage, decodeMessage, encodeMessage, JupyterMessage } from "./wire";

/** Options of {@link KernelClient.start}. */
export interface KernelStartOptions {
  /** Working directory of the kernel (Jupyter uses the notebook's folder). */
  cwd?: string;
  /** Time allowed for the kernel_info handshake (default 60 s). */
  startTimeoutMs?: number;
  /** Replaces the tslab command line (tests use this to start a kernel that fails). */
  command?: (connectionPath: string) => string[];
}

/** The reply to an execute_request plus every iopub message it caused, in arrival order. */
export interface ExecuteOutcome {
  status: "ok" | "error" | "abort";
  executionCount: number | null;
  messages: JupyterMessage[];
  /** True when the time limit ran out and the kernel was interrupted. */
  timedOut: boolean;
}

/** Thrown when the kernel fails to start, dies, or does not answer in time. */
export class KernelError extends Error {
  override name = "KernelError";
}

class StartTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no kernel_info_reply within ${ms} ms`);
  }
}

let staleDirsRemoved = false;

/** After a cell's time limit the kernel gets SIGINT; if the cell still runs this much later, SIGKILL. */
export const INTERRUPT_GRACE_MS = 5000;

interface Waiter {
  resolve(message: JupyterMessage): void;
  reject(error: Error): void;
}

/** A running tslab kernel. Always call {@link shutdown} (it is idempotent). */
export class KernelClient {
  readonly session = randomUUID();
  kernelInfo: Record<string, unknown> = {};
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly iopub = new zmq.Subscriber({ linger: 0 });
  private readonly replies = new Map<string, Waiter>();
  private readonly listeners = new Map<string, (message: JupyterMessage) => void>();
  private failure: KernelError | null = null;
  private closed = false;

  /** Process id of the kernel. */
  get pid(): number | undefined {
    return this.process.child.pid;
  }

  private constructor(
    private readonly connection: ConnectionFile,
    private readonly process: KernelProcess,
  ) {}

  /**
   * Starts the kernel and completes the kernel_info handshake (shell reply and iopub traffic).
   * The first start in a process also removes connection folders left by dead runs. The ports are
   * free when chosen but another process may take one before the kernel binds it (kernels started
   * side by side, a test server): a start that fails with "address already in use" is retried
   * with fresh ports, up to 3 attempts.
   */
  static async start(options: KernelStartOptions = {}): Promise<KernelClient> {
    if (!staleDirsRemoved) {
      staleDirsRemoved = true;
      removeStaleConnectionDirs();
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await KernelClient.startOnce(options);
      } catch (error) {
        if (attempt >= 3 || !(error instanceof KernelError) || !/EADDRINUSE|address already in use/i.test(error.message)) throw error;
      }
    }
  }

  private static async startOnce(options: KernelStartOptions): Promise<KernelClient> {
    const connection = await writeConnectionFile("tslab");
    const command = (options.command ?? tslabKernelCommand)(connection.path);
    const kernelProcess = new KernelProcess(command, options.cwd ?? process.cwd(), process.env, connection.dir);
    const client = new KernelClient(connection, kernelProcess);
    try {
      client.connect();
      await client.handshake(options.startTimeoutMs ?? 60_000);
      return client;
    } catch (error) {
      await client.shutdown(false);
      const why = client.process.describe();
      if (error instanceof StartTimeout) throw new KernelError(`tslab kernel did not start within ${error.ms / 1000} s (stopped): ${why}`);
      throw new KernelError(`tslab kernel failed to start: ${why}`);
    }
  }

  private connect(): void {
    const { ip, shell_port, control_port, iopub_port } = this.connection.info;
    this.shell.connect(`tcp://${ip}:${shell_port}`);
    this.control.connect(`tcp://${ip}:${control_port}`);
    this.iopub.connect(`tcp://${ip}:${iopub_port}`);
    this.iopub.subscribe();
    void this.readLoop(this.shell, (m) => this.onReply(m));
    void this.readLoop(this.control, (m) => this.onReply(m));
    void this.readLoop(this.iopub, (m) => this.listeners.get(m.parent_header.msg_id ?? "")?.(m));
    void this.process.exited.then(() => {
      if (!this.closed) this.fail(new KernelError(`tslab kernel died: ${this.process.describe()}`));
    });
  }

  private async readLoop(socket: zmq.Dealer | zmq.Subscriber, handle: (m: JupyterMessage) => void): Promise<void> {
    try {
      for await (const frames of socket) {
        try {
          handle(decodeMessage(this.connection.info.key, frames));
        } catch (error) {
          this.fail(new KernelError(`bad message from the kernel: ${(error as Error).message}`));
        }
      }
    } catch (error) {
      if (!this.closed) this.fail(new KernelError(`kernel socket error: ${(error as Error).message}`));
    }
  }

  private onReply(message: JupyterMessage): void {
    const id = message.parent_header.msg_id ?? "";
    const waiter = this.replies.get(id);
    if (waiter === undefined) return;
    this.replies.delete(id);
    waiter.resolve(message);
  }

  private fail(error: KernelError): void {
    this.failure = this.failure ?? error;
    for (const waiter of this.replies.values()) waiter.reject(this.failure);
    this.replies.clear();
  }

  /** Sends `message` on `socket` and resolves with the reply whose parent is `message`. */
  private request(socket: zmq.Dealer, message: JupyterMessage): Promise<JupyterMessage> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = new Promise<JupyterMessage>((resolve, reject) => {
      this.replies.set(message.header.msg_id, { resolve, reject });
    });
    socket.send(encodeMessage(this.connection.info.key, message)).catch((error: Error) => {
      this.fail(new KernelError(`cannot send ${message.header.msg_type}: ${error.message}`));
    });
    return reply;
  }

  /**
   * Sends kernel_info_request every 500 ms until a reply arrives on shell and its status message
   * on iopub (so the subscription is live); fails after `timeoutMs` or when the kernel exits.
   */
  private async handshake(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const message = createMessage("kernel_info_request", {}, this.session);
      let sawIopub = false;
      this.listeners.set(message.header.msg_id, () => (sawIopub = true));
      const reply = this.request(this.shell, message).then(
        (m) => m,
        () => null,
      );
      const answer = await within(reply, Math.min(500, Math.max(1, deadline - Date.now())), null);
      this.replies.delete(message.header.msg_id);
      for (let i = 0; answer !== null && i < 20 && !sawIopub; i++) await sleep(50);
      this.listeners.delete(message.header.msg_id);
      if (answer !== null && sawIopub) {
        this.kernelInfo = answer.content;
        return;
      }
      if (this.failure) throw this.failure;
    }
    throw new StartTimeout(timeoutMs);
  }

  /**
   * Executes `code` and resolves once both the execute_reply and the iopub `idle` status for it
   * have arrived. `onMessage` sees each iopub message as it arrives (for live progress).
   * With `timeoutMs` (finite, 1 ms … 2³¹−1 ms), the kernel is interrupted (SIGINT) when the time
   * is up; tslab cannot interrupt synchronous code, so a cell still running {@link INTERRUPT_GRACE_MS}
   * later gets the kernel killed and this rejects with a {@link KernelError} saying so.
   */
  async execute(code: string, onMessage?: (m: JupyterMessage) => void, timeoutMs?: number): Promise<ExecuteOutcome> {
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs >= 1 && timeoutMs <= 2 ** 31 - 1)) {
      throw new RangeError(`cell time limit ${timeoutMs} ms must be a finite number of milliseconds in 1 … ${2 ** 31 - 1}`);
    }
    const content = { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
    const message = createMessage("execute_request", content, this.session);
    const messages: JupyterMessage[] = [];
    let markIdle = (): void => undefined;
    const idle = new Promise<void>((resolve) => (markIdle = resolve));
    this.listeners.set(message.header.msg_id, (m) => {
      if (m.header.msg_type === "status") {
        if (m.content.execution_state === "idle") markIdle();
        return;
      }
      messages.push(m);
      onMessage?.(m);
    });
    let timedOut = false;
    let killed = false;
    let grace: NodeJS.Timeout | undefined;
    const interrupt = (): void => {
      timedOut = true;
      this.process.signal("SIGINT");
      grace = setTimeout(() => {
        killed = true;
        this.process.signal("SIGKILL");
      }, INTERRUPT_GRACE_MS);
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(interrupt, timeoutMs);
    try {
      const reply = await this.request(this.shell, message).catch((error: Error) => {
        if (!killed) throw error;
        const limit = `${(timeoutMs ?? 0) / 1000} s`;
        throw new KernelError(
          `the cell ran past its ${limit} limit, did not stop on interrupt (SIGINT) within ${INTERRUPT_GRACE_MS / 1000} s, and the kernel was killed`,
        );
      });
      await within(idle, 5000, undefined);
      const status = reply.content.status as ExecuteOutcome["status"];
      const count = typeof reply.content.execution_count === "number" ? reply.content.execution_count : null;
      return { status, executionCount: count, messages, timedOut };
    } finally {
      clearTimeout(timer);
      clearTimeout(grace);
      this.listeners.delete(message.header.msg_id);
    }
  }

  /**
   * Asks the kernel to shut down (control channel; skipped when `graceful` is false or the kernel
   * is gone), then stops the process (SIGTERM, then SIGKILL) and closes the sockets. Idempotent.
   */
  async shutdown(graceful = true): Promise<void> {
    if (this.closed) return;
    if (graceful && this.failure === null && this.process.exitStatus() === null) {
      const request = createMessage("shutdown_request", { restart: false }, this.session);
      await within(
        this.request(this.control, request).catch(() => undefined),
        2000,
        undefined,
      );
    }
    this.closed = true;
    await this.process.stop(graceful ? 3000 : 0);
    for (const socket of [this.shell, this.control, this.iopub]) socket.close();
    this.fail(new KernelError("kernel is shut down"));
    await this.connection.dispose();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or `fallback` after `ms` (the timer is cleared when `promise` settles first). */
async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
