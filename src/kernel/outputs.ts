/**
 * Turning iopub messages into nbformat outputs, as a Jupyter front end does: consecutive stream
 * texts of the same name merge, `update_display_data` rewrites every earlier output with the same
 * display_id (in any cell), `clear_output` empties the cell (at the next output when `wait`).
 */
import { DisplayDataOutput, ExecuteResultOutput, NotebookOutput } from "../nbformat/notebook";
import { JupyterMessage } from "./wire";

type Rich = DisplayDataOutput | ExecuteResultOutput;

/** Collects the outputs of one notebook run; one instance per run (display ids span cells). */
export class OutputCollector {
  private readonly displays = new Map<string, Rich[]>();
  private clearPending = false;

  /** Applies `message` to `outputs` (the current cell's output list, modified in place). */
  apply(outputs: NotebookOutput[], message: JupyterMessage): void {
    const content = message.content;
    const type = message.header.msg_type;
    if (type === "clear_output") {
      if (content.wait === true) this.clearPending = true;
      else outputs.length = 0;
      return;
    }
    if (type === "update_display_data") {
      this.update(content);
      return;
    }
    if (!["stream", "display_data", "execute_result", "error"].includes(type)) return;
    if (this.clearPending) {
      outputs.length = 0;
      this.clearPending = false;
    }
    if (type === "stream") this.appendStream(outputs, content);
    else if (type === "error") {
      const traceback = Array.isArray(content.traceback) ? content.traceback.map(String) : [];
      outputs.push({ output_type: "error", ename: String(content.ename), evalue: String(content.evalue), traceback });
    } else this.appendRich(outputs, type, content);
  }

  /** Starts a new cell: a pending `clear_output(wait)` does not carry over. */
  startCell(): void {
    this.clearPending = false;
  }

  private appendStream(outputs: NotebookOutput[], content: Record<string, unknown>): void {
    const name = content.name === "stderr" ? "stderr" : "stdout";
    const text = String(content.text ?? "");
    const last = outputs[outputs.length - 1];
    if (last?.output_type === "stream" && last.name === name) {
      last.text = (Array.isArray(last.text) ? last.text.join("") : last.text) + text;
    } else {
      outputs.push({ output_type: "stream", name, text });
    }
  }

  private appendRich(outputs: NotebookOutput[], type: string, content: Record<string, unknown>): void {
    const data = (content.data ?? {}) as Record<string, unknown>;
    const metadata = (content.metadata ?? {}) as Record<string, unknown>;
    const output: Rich =
      type === "execute_result"
        ? { output_type: "execute_result", execution_count: (content.execution_count as number | null) ?? null, data, metadata }
        : { output_type: "display_data", data, metadata };
    outputs.push(output);
    const id = (content.transient as { display_id?: unknown } | undefined)?.display_id;
    if (typeof id === "string" && id !== "") this.displays.set(id, [...(this.displays.get(id) ?? []), output]);
  }

  private update(content: Record<string, unknown>): void {
    const id = (content.transient as { display_id?: unknown } | undefined)?.display_id;
    for (const output of this.displays.get(String(id)) ?? []) {
      output.data = (content.data ?? {}) as Record<string, unknown>;
      output.metadata = (content.metadata ?? {}) as Record<string, unknown>;
    }
  }
}

/** All stderr text of `outputs`, plus error outputs as `ename: evalue` (tslab reports errors on stderr). */
export function errorText(outputs: readonly NotebookOutput[]): string {
  const parts: string[] = [];
  for (const output of outputs) {
    if (output.output_type === "stream" && output.name === "stderr") parts.push(Array.isArray(output.text) ? output.text.join("") : output.text);
    if (output.output_type === "error") parts.push(`${output.ename}: ${output.evalue}\n`);
  }
  return parts.join("").trim();
}

/** `text` without stack frames from Node internals or tslab (the user's own frames stay). */
export function trimStack(text: string): string {
  const internal = /^\s+at .*(node:internal|node:vm|[\\/]node_modules[\\/]tslab[\\/]|sigintHandlersWrap|runInThisContext)/;
  return text
    .split("\n")
    .filter((line) => !internal.test(line))
    .join("\n");
}
