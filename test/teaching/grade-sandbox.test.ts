/**
 * The sandbox and the hard limits of `nnbook grade`, tested directly (not through graded code,
 * which cannot even reach `process`): what a sandboxed process sees and may do, a process tree
 * that ignores SIGTERM, a fork bomb within the process limit, and the refusal without bubblewrap.
 */
import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gradeBatch, sandboxUidRange } from "../../src/teaching/grade-batch";
import { processesOfUsers, runGradedProcess, sweepUser } from "../../src/teaching/grade-process";
import { DEFAULT_LIMITS, makeStubFolder, sandboxedCommand, SandboxSetup } from "../../src/teaching/sandbox";
import { requireBuild } from "../notebook/helpers";
import { ROOT } from "./fixtures";
import { TEACHER } from "./grade-cheats";
import { skipWithoutSandbox } from "./sandbox-skip";

const isRoot = process.getuid?.() === 0;
const SECRET = join(ROOT, "dist", "teaching", "score.js");

/** What the sandboxed probe reports (one JSON line). */
const PROBE = `
const fs = require("fs");
const out = {};
const attempt = (name, f) => { try { out[name] = f(); } catch (e) { out[name] = e.code || e.message; } };
attempt("uid", () => process.getuid());
attempt("env", () => Object.keys(process.env).sort().join(","));
attempt("passwd", () => fs.existsSync("/etc/passwd"));
attempt("teacher", () => fs.existsSync(${JSON.stringify(TEACHER)}));
attempt("secret", () => fs.readFileSync(${JSON.stringify(SECRET)}, "utf8").length);
attempt("writeDist", () => fs.appendFileSync(${JSON.stringify(join(ROOT, "dist", "index.js"))}, "//x"));
attempt("distMount", () => fs.readFileSync("/proc/self/mountinfo", "utf8").split("\\n").map((l) => l.split(" ")).find((f) => f[4] === ${JSON.stringify(join(ROOT, "dist"))})[5].split(",")[0]);
attempt("writeTmp", () => { fs.writeFileSync("/tmp/x", "ok"); return fs.readFileSync("/tmp/x", "utf8"); });
attempt("hidden", () => require(${JSON.stringify(join(ROOT, "dist", "layers", "batchnorm.js"))}).batchnormForward());
attempt("zeros", () => require(${JSON.stringify(join(ROOT, "dist"))}).zeros(2, 3).data.length);
const socket = require("net").connect(80, "1.1.1.1");
socket.on("connect", () => { out.net = "connected"; done(); });
socket.on("error", (e) => { out.net = e.code; done(); });
function done() { console.log(JSON.stringify(out)); process.exit(0); }
`;

describe("teaching/grade sandbox and hard limits", function () {
  this.timeout(60_000);
  let setup: SandboxSetup;
  const uid = isRoot ? sandboxUidRange()[63] : undefined;

  before(function () {
    requireBuild();
    skipWithoutSandbox(this);
    const stubs = makeStubFolder([{ module: "layers/batchnorm.js", exports: ["batchnormForward"] }]);
    setup = { stubs, secretFiles: [SECRET, TEACHER], limits: DEFAULT_LIMITS, uid };
  });
  after(() => setup && rmSync(setup.stubs.dir, { recursive: true, force: true }));

  const run = (argv: string[], totalMs: number) => {
    const { command, args } = sandboxedCommand(setup, argv);
    return runGradedProcess(command, args, "", { totalMs, idleMs: totalMs, graceMs: 300 });
  };

  it("shows a sandboxed process no network, no host files, a cleared environment, read-only library, private /tmp, hidden reference", async () => {
    const outcome = await run([process.execPath, "-e", PROBE], 30_000);
    assert.equal(outcome.lines.length, 1, outcome.stderr);
    const seen = JSON.parse(outcome.lines[0]) as Record<string, unknown>;
    assert.deepEqual(seen, {
      uid: isRoot ? uid : process.getuid?.(),
      env: "HOME,PATH,PWD",
      passwd: false,
      teacher: false,
      secret: 0,
      writeDist: isRoot ? "EACCES" : "EROFS",
      distMount: "ro",
      writeTmp: "ok",
      hidden: "batchnormForward is not available in graded code (it is the reference implementation of the piece under test)",
      zeros: 6,
      net: "ENETUNREACH",
    });
  });

  it("kills a process tree that ignores SIGTERM and SIGINT with SIGKILL after the grace period", async () => {
    const started = Date.now();
    const outcome = await run(["sh", "-c", "trap '' TERM INT HUP; (trap '' TERM INT; sleep 60) & sleep 60 & echo started; wait"], 1500);
    assert.equal(outcome.limit, "total");
    assert.deepEqual(outcome.lines, ["started"]);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    if (uid !== undefined) {
      await sweepUser(uid);
      assert.deepEqual(processesOfUsers([uid]), []);
    }
  });

  it("kills a process that stops making progress (no output line within the idle limit)", async () => {
    const { command, args } = sandboxedCommand(setup, ["sh", "-c", "echo ready; sleep 60"]);
    const outcome = await runGradedProcess(command, args, "", { totalMs: 30_000, idleMs: 1000, graceMs: 300 });
    assert.deepEqual([outcome.limit, outcome.lines], ["idle", ["ready"]]);
  });

  it("holds a fork bomb to the process limit and leaves nothing behind", async function () {
    if (uid === undefined) this.skip(); // the process limit counts a user's processes: needs a user of its own (root grader)
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, processesOfUsers([uid!]).length)), 100);
    const outcome = await run(["sh", "-c", "f(){ f|f& }; f; echo forked; sleep 60"], 3000);
    clearInterval(sampler);
    await sweepUser(uid!);
    assert.equal(outcome.limit, "total");
    assert.ok(peak > 10 && peak <= DEFAULT_LIMITS.processes, `peak ${peak} processes (limit ${DEFAULT_LIMITS.processes})`);
    assert.deepEqual(processesOfUsers([uid!]), []);
  });
});

describe("teaching/grade without bubblewrap", function () {
  this.timeout(60_000);

  it("refuses to grade without bubblewrap unless --no-sandbox, and says why", async () => {
    const empty = mkdtempSync(join(tmpdir(), "nnbook-nobwrap-"));
    const saved = process.env.PATH;
    process.env.PATH = empty;
    try {
      await assert.rejects(
        gradeBatch({ teacher: TEACHER, submissions: [empty], jobs: 1, sandbox: true, callTimeoutMs: 1000, submissionTimeoutMs: 5000 }),
        /cannot sandbox the submissions: bubblewrap \(bwrap\) is not installed .*your rights.*--no-sandbox/,
      );
    } finally {
      process.env.PATH = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("grades without the sandbox when told to (limits and own process group still apply)", async () => {
    requireBuild();
    const dir = mkdtempSync(join(tmpdir(), "nnbook-nosandbox-"));
    try {
      writeFileSync(join(dir, "teacher-copy.ipynb"), JSON.stringify(JSON.parse(readFileSync(TEACHER, "utf8"))));
      const batch = await gradeBatch({ teacher: TEACHER, submissions: [dir], jobs: 1, sandbox: false, callTimeoutMs: 2000, submissionTimeoutMs: 20_000 });
      assert.deepEqual(
        batch.grades.map((g) => [g.total, g.status]),
        [[5, "graded"]],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
