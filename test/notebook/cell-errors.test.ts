import { strict as assert } from "assert";
import * as vm from "vm";
import { CellCode, cellErrorReport, cellFrame, mapCellLine, reportText } from "../../src/notebook/cell-errors";

/** tslab's own converter (the code its kernel runs), as the executor wraps and runs a cell. */
interface Converted {
  output?: string;
  declOutput?: string;
  hasToplevelAwait?: boolean;
}
type Converter = { convert(prevDecl: string, src: string): Converted; close(): void };

describe("notebook/cell-errors: failing cells reported in cell terms (tslab's real transpiler)", function () {
  this.timeout(60_000);
  let converter: Converter;
  const cells = new Map<string, CellCode>();
  const shared = { exports: new Proxy({} as Record<string, unknown>, {}), require }; // tslab's exports are a Proxy too
  let prevDecl = "";

  /** Transpiles `source` with tslab, runs it as tslab's executor does under the name `name`; returns what it threw. */
  async function run(name: string, source: string): Promise<unknown> {
    const converted = converter.convert(prevDecl, source);
    assert.ok(converted.output !== undefined, `${name} compiles`);
    prevDecl = converted.declOutput ?? "";
    const prefix = converted.hasToplevelAwait ? "(async function(exports, require) { " : "(function(exports, require) { ";
    const js = `${prefix}${converted.output}\n})(__tslab__.exports, __tslab__.require)`;
    cells.set(name, { name, source, js });
    try {
      await vm.runInThisContext(js, { filename: name });
      return undefined;
    } catch (e) {
      return e;
    }
  }

  before(() => {
    converter = (require("tslab/dist/converter") as { createConverter(): Converter }).createConverter();
    (globalThis as Record<string, unknown>).__tslab__ = shared;
  });
  after(() => {
    converter?.close();
    delete (globalThis as Record<string, unknown>).__tslab__;
  });

  it("frames point at the line of the cell that holds the code, named Cell In[n]; the wrapper call and internals are dropped", async () => {
    const define = [
      "const limit: number = 1;",
      "/** Throws for large x. */",
      "function check(x: number): number {",
      "  if (x > limit) throw new RangeError(`x = ${x} is above ${limit}`);",
      "  return x;",
      "}",
    ].join("\n");
    assert.equal(await run("Cell In[2]", define), undefined);
    const call = ["interface P { x: number }", "const p: P = { x: 2 };", "", "// a comment", "const y = 3;", "check(p.x + y);"].join("\n");
    const thrown = await run("Cell In[3]", call);
    assert.ok(thrown instanceof RangeError, "the cell threw");
    const report = cellErrorReport(thrown, cells);
    assert.equal(report.ename, "RangeError");
    assert.equal(report.evalue, "x = 5 is above 1");
    // (the frames after these are this test's, where tslab's executor would be: dropped in a kernel)
    assert.deepEqual(report.traceback.slice(0, 2), ["    at check (Cell In[2], line 4)", "    at Cell In[3], line 6"]);
    assert.ok(reportText(report).startsWith("RangeError: x = 5 is above 1\n    at check (Cell In[2], line 4)\n    at Cell In[3], line 6\n"));
  });

  it("await cells and statements tslab reformats across lines map to the cell's line", async () => {
    const source = [
      "async function load(options: { dir: string; n: number }): Promise<number> {",
      "  await Promise.resolve();",
      "  throw new Error(`nothing in ${options.dir}`);",
      "}",
      "const total: number = await load({",
      '  dir: "nowhere",',
      "  n: 2 });",
    ].join("\n");
    const thrown = await run("Cell In[4]", source);
    const report = cellErrorReport(thrown, cells);
    assert.equal(report.evalue, "nothing in nowhere");
    assert.equal(report.traceback[0], "    at load (Cell In[4], line 3)");
    assert.match(report.traceback[1] ?? "", /^ {4}at async Cell In\[4\], line 5$/);
  });

  it("library frames stay (without tslab's Proxy), Node-internal and tslab frames go, unknown cells keep their name", () => {
    assert.equal(cellFrame("    at Proxy.loadCifar10 (/p/dist/data/cifar10.js:115:15)", cells), "    at loadCifar10 (/p/dist/data/cifar10.js:115:15)");
    assert.equal(cellFrame("    at sigintHandlersWrap (node:vm:280:12)", cells), null);
    assert.equal(cellFrame("    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)", cells), null);
    assert.equal(cellFrame("    at Object.execute (/p/node_modules/tslab/dist/executor.js:160:38)", cells), null);
    assert.equal(cellFrame("    at JupyterHandlerImpl.<anonymous> (/p/dist/notebook/kernel-errors.js:69:35)", cells), null);
    assert.equal(cellFrame("    at Proxy.f (Cell In[9]:8:15)", cells), "    at f (Cell In[9])");
    assert.equal(mapCellLine({ name: "x", source: "a()", js: "b();" }, 1, 1), undefined, "no line holds the failing identifier");
  });

  it("a thrown non-Error value is reported as such", () => {
    assert.deepEqual(cellErrorReport("plain string", cells), { ename: "Error", evalue: 'a cell threw "plain string"', traceback: [] });
  });
});
