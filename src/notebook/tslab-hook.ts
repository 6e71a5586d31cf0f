/**
 * The one place that reaches into tslab: its per-execution `lastWriteDisplayData(content, update)`
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

function hookOf(module: NodeJS.Module | undefined): WriteDisplayData | null {
  const exported = module?.exports as { lastWriteDisplayData?: unknown } | undefined;
  return typeof exported?.lastWriteDisplayData === "function" ? (exported.lastWriteDisplayData as WriteDisplayData) : null;
}

/**
 * The writer of the cell that is executing now, or `null` outside a tslab kernel. Only looks at
 * tslab modules already loaded (never loads tslab itself), so plain Node stays light.
 */
export function currentDisplayWriter(): WriteDisplayData | null {
  try {
    const own = hookOf(require.cache[require.resolve("tslab/dist/jupyter")]);
    if (own) return own;
  } catch {
    // tslab not installed next to this package: look for another loaded copy below.
  }
  for (const [path, module] of Object.entries(require.cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(path)) {
      const hook = hookOf(module);
      if (hook) return hook;
    }
  }
  return null;
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
