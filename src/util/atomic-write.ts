/**
 * Atomic file writes, used wherever the project writes a file (cache entries, notebooks, reports,
 * figures): the data go to a temporary file in the target's folder (unique per process, thread and
 * call), are flushed, then renamed over the target. Readers see the old file or the new one, never a
 * partial one; on failure the temporary file is removed and the error names the target.
 */
import * as fs from "node:fs";
import { dirname } from "node:path";
import { threadId } from "node:worker_threads";

let counter = 0;

/** A temporary name beside `file`, unique per process, thread and call. */
function tempName(file: string): string {
  return `${file}.${process.pid}-${threadId}-${counter++}.tmp`;
}

/** Writes `data` to `file` atomically (synchronously), creating parent folders as needed. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Writes `data` to `file` atomically (asynchronously), creating parent folders as needed. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fs.promises.mkdir(dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    const handle = await fs.promises.open(tmp, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, file);
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw new Error(`cannot write ${file}: ${(error as Error).message}`);
  }
}
