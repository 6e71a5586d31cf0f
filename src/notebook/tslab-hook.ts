/**
 * One of the two places that reach into tslab (the other is `kernel-errors`): its per-execution `lastWriteDisplayData(content, update)`
 * hook (dist/jupyter.js), which sends a display_data (or update_display_data) message with a
 * whole MIME bundle. tslab's public `display.raw` sends one MIME type per message only.
 */

/** Content of a display_data / update_display_data message. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

type WriteDisplayData = (content: DisplayContent, update: boolean) => void;

/**
 * The exports of the tslab kernel module (`tslab/dist/jupyter`) running this process, or `null`
 * outside a tslab kernel. Only looks at tslab modules already loaded (never loads tslab itself),
 * so plain Node stays light; prefers a copy that is executing a cell, the one next to this package first.
 */
export function tslabJupyterModule(): Record<string, unknown> | null {
  const loaded: NodeJS.Module[] = [];
  try {
    const own = require.cache[require.resolve("tslab/dist/jupyter")];
    if (own) loaded.push(own);
  } catch {
    // tslab not installed next to this package: look for other loaded copies below.
  }
  for (const [path, module] of Object.entries(require.cache)) {
    if (module && /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(path)) loaded.push(module);
  }
  const copies = loaded.map((m) => m.exports as Record<string, unknown>).filter((e) => e && "lastWriteDisplayData" in e);
  return copies.find((e) => typeof e.lastWriteDisplayData === "function") ?? copies[0] ?? null;
}

/** The writer of the cell that is executing now, or `null` outside a tslab kernel (or between cells). */
export function currentDisplayWriter(): WriteDisplayData | null {
  const write = tslabJupyterModule()?.lastWriteDisplayData;
  return typeof write === "function" ? (write as WriteDisplayData) : null;
}

/** True inside a tslab kernel cell (a display writer is available). */
export function inKernel(): boolean {
  return currentDisplayWriter() !== null;
}

/** Sends one display bundle; returns false (sending nothing) outside a kernel. */
export function sendDisplay(content: DisplayContent, update = false): boolean {
  const write = currentDisplayWriter();
  if (write === null) return false;
  write(content, update);
  return true;
}
