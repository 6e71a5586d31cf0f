import { createHash } from "crypto";
import { createWriteStream } from "fs";
import * as http from "http";
import * as https from "https";
import { Transform } from "stream";
import { pipeline } from "stream/promises";
import { SingleBar } from "cli-progress";

/** Options of `downloadToFile`. */
export interface DownloadFileOptions {
  /** show a progress bar (default: when stderr is a terminal) */
  readonly progress?: boolean;
  /** where the progress bar goes (default process.stderr) */
  readonly progressStream?: NodeJS.WritableStream;
  /** abort when the connection is idle this long (ms, default 30,000) */
  readonly timeoutMs?: number;
}

/** Opens `url` (http or https), following up to 5 redirects; resolves with a 200 response. */
function openUrl(url: string, timeoutMs: number, redirects = 5): Promise<http.IncomingMessage> {
  return new Promise((resolveRes, reject) => {
    const get = url.startsWith("https:") ? https.get : url.startsWith("http:") ? http.get : undefined;
    if (!get) return reject(new Error(`unsupported URL ${url} (http or https only)`));
    const req = get(url, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
        res.resume();
        openUrl(new URL(res.headers.location, url).toString(), timeoutMs, redirects - 1).then(resolveRes, reject);
      } else if (status !== 200) {
        res.resume();
        reject(new Error(`HTTP ${status} ${res.statusMessage ?? ""}`.trim()));
      } else {
        resolveRes(res);
      }
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no data for ${timeoutMs / 1000} s (timed out)`)));
    req.on("error", reject);
  });
}

/** A progress bar on the given stream, or undefined when disabled. */
function startBar(name: string, total: number, opts: DownloadFileOptions): SingleBar | undefined {
  const stream = opts.progressStream ?? process.stderr;
  const enabled = opts.progress ?? Boolean((stream as NodeJS.WriteStream).isTTY);
  if (!enabled) return undefined;
  const bar = new SingleBar({
    format: `${name} [{bar}] {percentage}% | {mb} / {totalMb} MB`,
    stream,
    noTTYOutput: true,
    notTTYSchedule: 1000,
    hideCursor: true,
  });
  bar.start(Math.max(total, 1), 0, { mb: "0.0", totalMb: total ? (total / 1e6).toFixed(1) : "?" });
  return bar;
}

/**
 * Downloads `url` into the file `dest` (created or overwritten) and returns the number of bytes
 * and their MD5 (hex). Rejects on connection errors, HTTP status ≠ 200, idle timeout or a body
 * shorter than its Content-Length; the caller removes `dest` on failure.
 */
export async function downloadToFile(url: string, dest: string, opts: DownloadFileOptions = {}): Promise<{ bytes: number; md5: string }> {
  const res = await openUrl(url, opts.timeoutMs ?? 30_000);
  const total = Number(res.headers["content-length"] ?? 0);
  const name = url.slice(url.lastIndexOf("/") + 1);
  const bar = startBar(name, total, opts);
  const hash = createHash("md5");
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      received += chunk.length;
      bar?.update(total ? received : 0, { mb: (received / 1e6).toFixed(1) });
      done(null, chunk);
    },
  });
  try {
    await pipeline(res, meter, createWriteStream(dest));
  } catch (e) {
    throw new Error(`download interrupted after ${received} of ${total || "?"} bytes (${(e as Error).message})`);
  } finally {
    bar?.stop();
  }
  if (total && received !== total) throw new Error(`connection closed after ${received} of ${total} bytes`);
  return { bytes: received, md5: hash.digest("hex") };
}
