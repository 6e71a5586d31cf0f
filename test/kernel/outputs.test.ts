import { strict as assert } from "assert";
import { NotebookOutput } from "../../src/nbformat/notebook";
import { errorText, OutputCollector, trimStack } from "../../src/kernel/outputs";
import { JupyterMessage } from "../../src/kernel/wire";

function msg(type: string, content: Record<string, unknown>): JupyterMessage {
  return {
    header: { msg_id: "m", session: "s", username: "u", date: "", msg_type: type, version: "5.3" },
    parent_header: {},
    metadata: {},
    content,
  };
}

describe("notebook/outputs: iopub messages → nbformat outputs", () => {
  it("merges consecutive stream texts of one name and keeps stdout/stderr apart", () => {
    const c = new OutputCollector();
    const outputs: NotebookOutput[] = [];
    for (const [name, text] of [
      ["stdout", "a\n"],
      ["stdout", "b\n"],
      ["stderr", "oops\n"],
      ["stdout", "c\n"],
    ]) {
      c.apply(outputs, msg("stream", { name, text }));
    }
    assert.deepEqual(outputs, [
      { output_type: "stream", name: "stdout", text: "a\nb\n" },
      { output_type: "stream", name: "stderr", text: "oops\n" },
      { output_type: "stream", name: "stdout", text: "c\n" },
    ]);
    assert.equal(errorText(outputs), "oops");
  });

  it("update_display_data rewrites the output with that display_id, also in an earlier cell", () => {
    const c = new OutputCollector();
    const first: NotebookOutput[] = [];
    const second: NotebookOutput[] = [];
    c.apply(first, msg("display_data", { data: { "text/plain": "0/3" }, metadata: {}, transient: { display_id: "p" } }));
    c.apply(second, msg("update_display_data", { data: { "text/plain": "3/3" }, metadata: { a: 1 }, transient: { display_id: "p" } }));
    assert.equal(second.length, 0);
    assert.deepEqual(first, [{ output_type: "display_data", data: { "text/plain": "3/3" }, metadata: { a: 1 } }]);
  });

  it("clear_output empties the cell, at once or (wait) at the next output", () => {
    const c = new OutputCollector();
    const outputs: NotebookOutput[] = [];
    c.apply(outputs, msg("stream", { name: "stdout", text: "old" }));
    c.apply(outputs, msg("clear_output", { wait: true }));
    assert.equal(outputs.length, 1);
    c.apply(outputs, msg("stream", { name: "stdout", text: "new" }));
    assert.deepEqual(outputs, [{ output_type: "stream", name: "stdout", text: "new" }]);
    c.apply(outputs, msg("clear_output", { wait: false }));
    assert.equal(outputs.length, 0);
  });

  it("keeps execute_result and error messages; ignores status and execute_input", () => {
    const c = new OutputCollector();
    const outputs: NotebookOutput[] = [];
    c.apply(outputs, msg("status", { execution_state: "busy" }));
    c.apply(outputs, msg("execute_input", { code: "x" }));
    c.apply(outputs, msg("execute_result", { execution_count: 3, data: { "text/plain": "42" }, metadata: {} }));
    c.apply(outputs, msg("error", { ename: "TypeError", evalue: "bad", traceback: ["line"] }));
    assert.deepEqual(
      outputs.map((o) => o.output_type),
      ["execute_result", "error"],
    );
    assert.equal(errorText(outputs), "TypeError: bad");
  });

  it("trimStack drops node-internal and tslab frames and keeps the message", () => {
    const text = [
      "Error: boom",
      "    at evalmachine.<anonymous>:2:7",
      "    at sigintHandlersWrap (node:vm:280:12)",
      "    at Object.execute (/x/node_modules/tslab/dist/executor.js:160:38)",
      "    at async handle (node:internal/process/task_queues:95:5)",
    ].join("\n");
    assert.equal(trimStack(text), "Error: boom\n    at evalmachine.<anonymous>:2:7");
  });
});
