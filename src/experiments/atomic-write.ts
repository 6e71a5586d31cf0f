import * as fs from "fs";
import * as path from "path";
import { threadId } from "worker_threads";

let counter = 0;

/**
 * Writes `text` to `file` atomically: into a temporary file in the same folder (unique per
 * process, thread and call), flushed to disk, then renamed over `file`. Readers see either the
 * old content or the new, never a partial file. Creates the folder if needed.
 */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}-${threadId}-${counter++}.tmp`;
  try {
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeFileSync(fd, text, "utf8");
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
