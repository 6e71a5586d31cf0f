import { strict as assert } from "assert";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { spawn } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { splitFooter } from "../../src/report/export-header";
import { serializeNotebook, Notebook } from "../../src/nbformat/notebook";
import { CLI, requireBuild, ROOT, runProcess } from "../notebook/helpers";

function nnbook(...args: string[]): ReturnType<typeof runProcess> {
  return runProcess(process.execPath, [CLI, ...args], { cwd: ROOT });
}

/** Pids of the direct children of `pid` (Linux /proc). */
function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return (
          Number(
            readFileSync(`/proc/${name}/stat`, "utf8")
              .replace(/^.*\) /, "")
              .split(" ")[1],
          ) === pid
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** True while `pid` runs (a zombie — exited, not yet reaped by init — counts as gone). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "")[0] !== "Z";
  } catch {
    return false;
  }
}

function tinyNotebook(executed: boolean): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript" } },
    cells: [
      { id: "t", cell_type: "markdown", metadata: {}, source: "# Tiny\n\n## Part" },
      { id: "p", cell_type: "code", metadata: { tags: ["parameters"] }, source: "const n = 2;", execution_count: executed ? 1 : null, outputs: [] },
      {
        id: "c",
        cell_type: "code",
        metadata: {},
        source: "console.log(`n squared = ${n * n}`);",
        execution_count: executed ? 2 : null,
        outputs: executed ? [{ output_type: "stream", name: "stdout", text: "n squared = 4\n" }] : [],
      },
    ],
  };
}

describe("cli: nnbook run / export / report", function () {
  this.timeout(180_000);
  let dir: string;
  before(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "nnbook-cli-"));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it("--help lists the run, export and report commands", async () => {
    const result = await nnbook("--help");
    assert.equal(result.code, 0);
    for (const command of ["run [options] <notebook>", "export [options] <notebook>", "report [options] [names...]"]) {
      assert.ok(result.stdout.includes(command), `${command} in:\n${result.stdout}`);
    }
  });

  it("bad input gives one clear message and exit code 1", async () => {
    const badParam = await nnbook("run", "x.ipynb", "--param", "no-equals");
    assert.equal(badParam.code, 1);
    assert.match(badParam.stderr, /bad parameter "no-equals": expected key=value/);
    const missing = await nnbook("export", join(dir, "missing.ipynb"));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^nnbook: cannot read notebook .*missing\.ipynb: ENOENT/);
    await writeFile(join(dir, "bad.ipynb"), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" }] }));
    const invalid = await nnbook("export", join(dir, "bad.ipynb"));
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /bad\.ipynb: not a valid nbformat 4 notebook:\n {2}cells\[0\]: missing required field "id"/);
    assert.match(invalid.stderr, /\n {2}cells\[0\]: missing required field "metadata"/);
    const unknownReport = await nnbook("report", "nope", "--manifest", join(ROOT, "notebooks", "reports.json"));
    assert.equal(unknownReport.code, 1);
    assert.match(unknownReport.stderr, /no report "nope" in .*reports\.json \(known: /);
  });

  it("export writes <reports-dir>/<name>.md from an executed notebook", async () => {
    const path = join(dir, "tiny-executed.ipynb");
    await writeFile(path, serializeNotebook(tinyNotebook(true)));
    const result = await nnbook("export", path, "--reports-dir", join(dir, "r"), "--figures-dir", join(dir, "f"), "--name", "tiny");
    assert.equal(result.code, 0, result.stderr);
    const md = await readFile(join(dir, "r", "tiny.md"), "utf8");
    assert.match(md, /^# Tiny\n\n- \*\*Source:\*\* `.*tiny-executed\.ipynb`/m);
    assert.ok(md.includes("```text\nn squared = 4\n```"));
  });

  it("report runs each notebook of the manifest and combines them under the report title", async () => {
    const notebookPath = join(dir, "nb", "tiny.ipynb");
    await mkdir(join(dir, "nb"), { recursive: true });
    await writeFile(notebookPath, serializeNotebook(tinyNotebook(false)));
    const manifest = join(dir, "nb", "reports.json");
    await writeFile(manifest, JSON.stringify({ reports: [{ name: "combo", title: "Combined", notebooks: ["tiny.ipynb"] }] }));
    const dirs = ["--manifest", manifest, "--executed-dir", join(dir, "exec"), "--reports-dir", join(dir, "reports"), "--figures-dir", join(dir, "figures")];
    const result = await nnbook("report", "combo", ...dirs);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\[tiny\] 2\/2 cell 3: ok/);
    const { body, footer } = splitFooter(await readFile(join(dir, "reports", "combo.md"), "utf8"));
    assert.match(body, /^<!-- Generated by `nnbook report combo` from `.*reports\.json`\. .*-->\n\n# Combined\n\n## Tiny\n\n- \*\*Source:\*\*/);
    assert.ok(body.includes("### Part"), "notebook headings demoted one level");
    assert.ok(body.includes("```text\nn squared = 4\n```"));
    assert.match(footer, /\*tiny: executed /);
    await assert.rejects(readFile(join(dir, "reports", "tiny.md"), "utf8"), /ENOENT/, "sections are not written as separate reports");
    assert.ok((await readFile(join(dir, "exec", "combo", "tiny.ipynb"), "utf8")).includes("n squared"), "executed notebook kept per report");
  });

  it("report --jobs 2 runs notebooks side by side, keeps manifest order, and a failing notebook leaves no report", async () => {
    const nb = join(dir, "jobs");
    await mkdir(nb, { recursive: true });
    const titled = (title: string, code: string): Notebook => {
      const t = tinyNotebook(false);
      t.cells[0] = { ...t.cells[0], source: `# ${title}` };
      t.cells[2] = { ...t.cells[2], source: code };
      return t;
    };
    await writeFile(join(nb, "one.ipynb"), serializeNotebook(titled("One", "await new Promise((r) => setTimeout(r, 1500)); console.log(`one ${n}`);")));
    await writeFile(join(nb, "two.ipynb"), serializeNotebook(titled("Two", "console.log(`two ${n}`);")));
    await writeFile(join(nb, "bad.ipynb"), serializeNotebook(titled("Bad", 'throw new Error("bad notebook");')));
    const manifest = join(nb, "reports.json");
    await writeFile(
      manifest,
      JSON.stringify({
        reports: [
          { name: "pair", title: "Pair", notebooks: ["one.ipynb", "two.ipynb"] },
          { name: "broken", title: "Broken", notebooks: ["bad.ipynb", "two.ipynb"] },
        ],
      }),
    );
    const dirs = ["--manifest", manifest, "--executed-dir", join(nb, "exec"), "--reports-dir", join(nb, "reports"), "--figures-dir", join(nb, "figures")];
    const pair = await nnbook("report", "pair", "--jobs", "2", ...dirs);
    assert.equal(pair.code, 0, pair.stderr);
    const { body } = splitFooter(await readFile(join(nb, "reports", "pair.md"), "utf8"));
    assert.match(body, /## One[^]*one 2[^]*## Two[^]*two 2/, "sections in manifest order");
    const broken = await nnbook("report", "broken", "--jobs", "2", ...dirs);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /bad notebook/);
    assert.match(broken.stderr, /\[two\] 2\/2 cell 3: ok/, "the other notebook still ran to its end");
    assert.ok((await readFile(join(nb, "exec", "broken", "two.ipynb"), "utf8")).includes("two 2"));
    await assert.rejects(readFile(join(nb, "reports", "broken.md"), "utf8"), /ENOENT/, "no report from a failed run");
    const badJobs = await nnbook("report", "pair", "--jobs", "0", ...dirs);
    assert.equal(badJobs.code, 1);
    assert.match(badJobs.stderr, /option '-j, --jobs <n>' argument '0' is invalid\. expected an integer ≥ 1, got "0"/);
  });

  it("SIGTERM during a run kills the kernel and exits with 143", async function () {
    if (process.platform !== "linux") this.skip();
    const notebookPath = join(dir, "slow.ipynb");
    const slow = tinyNotebook(false);
    slow.cells.push({
      id: "s",
      cell_type: "code",
      metadata: {},
      source: "await new Promise((r) => setTimeout(r, 60000));",
      execution_count: null,
      outputs: [],
    });
    await writeFile(notebookPath, serializeNotebook(slow));
    const child = spawn(process.execPath, [CLI, "run", notebookPath, "--out", join(dir, "slow-out.ipynb")], { cwd: ROOT });
    let stderr = "";
    const closed = new Promise<number | null>((done) => child.on("close", done));
    await new Promise<void>((ready) => child.stderr.on("data", (d: Buffer) => ((stderr += d.toString()), /cell 3: ok/.test(stderr) && ready())));
    const kernels = childPids(child.pid as number);
    assert.equal(kernels.length, 1, `one kernel child, got ${kernels}`);
    child.kill("SIGTERM");
    assert.equal(await closed, 143);
    assert.match(stderr, /nnbook: stopped by SIGTERM/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(alive(kernels[0]), false, "kernel process killed");
  });
});
