import { strict as assert } from "assert";
import { existsSync, readFileSync } from "fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { splitFooter } from "../../src/report/export-header";
import { CLI, ROOT, requireBuild, runProcess } from "../notebook/helpers";

/**
 * The promise "same seed, same bytes on every machine", checked where it matters: a real report
 * notebook (TDT4265 A2 baseline on the real MNIST files, shortened through --param) runs cold (empty
 * result cache) through the CLI, and its exported Markdown body and figure files must equal the
 * committed expected output byte for byte. CI runs on whatever machine a submission is checked on,
 * so this test is what proves the promise over time.
 *
 * Regenerate the expected output (after a deliberate change of notebook, export or arithmetic):
 *   UPDATE_EXPECTED=1 npx mocha test/repro/committed-output.test.ts
 */
const NOTEBOOK = "notebooks/tdt4265-a2/01-data-and-baseline.ipynb";
const NAME = "01-data-and-baseline";
const PARAMS = ["epochs=1", "seeds=2", "evaluationsPerEpoch=4", "workers=2"];
const EXPECTED = join(ROOT, "test", "expected", "tdt4265-a2-baseline-short");

/** The MNIST folder the CLI will use: $MNIST_DIR, else nnbook.config.json's, resolved at the root. */
function mnistDir(): string {
  if (process.env.MNIST_DIR) return resolve(process.env.MNIST_DIR);
  const config = JSON.parse(readFileSync(join(ROOT, "nnbook.config.json"), "utf8")) as { dataDirs?: Record<string, string> };
  return resolve(ROOT, config.dataDirs?.MNIST_DIR ?? "data/mnist");
}

async function listFiles(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir)).sort() : [];
}

describe("reproducibility: a real report notebook, run cold, gives the committed bytes", function () {
  this.timeout(900000);
  let dir = "";
  let body = "";

  before(async function () {
    requireBuild();
    const mnist = mnistDir();
    if (!existsSync(join(mnist, "train-images-idx3-ubyte.gz")) && !existsSync(join(mnist, "train-images-idx3-ubyte"))) {
      console.log(`      (skipped: the real MNIST files are not in ${mnist}; set MNIST_DIR or put ../shared/data beside the project)`);
      this.skip();
    }
    dir = await mkdtemp(join(tmpdir(), "nnbook-repro-"));
    const args = [
      CLI,
      "run",
      NOTEBOOK,
      ...PARAMS.flatMap((p) => ["--param", p]),
      "--out",
      join(dir, "executed.ipynb"),
      "--export",
      "--reports-dir",
      join(dir, "reports"),
      "--figures-dir",
      join(dir, "figures"),
    ];
    const env: NodeJS.ProcessEnv = { ...process.env, NNBOOK_CACHE_DIR: join(dir, "cache") };
    delete env.NNBOOK_QUEUE;
    const run = await runProcess(process.execPath, args, { env });
    assert.equal(run.code, 0, `nnbook run failed:\n${run.stderr}`);
    body = splitFooter(await readFile(join(dir, "reports", `${NAME}.md`), "utf8")).body;
    if (process.env.UPDATE_EXPECTED === "1") {
      await rm(EXPECTED, { recursive: true, force: true });
      await mkdir(join(EXPECTED, "figures"), { recursive: true });
      await writeFile(join(EXPECTED, `${NAME}.md`), body);
      for (const f of await listFiles(join(dir, "figures", NAME))) {
        await writeFile(join(EXPECTED, "figures", f), await readFile(join(dir, "figures", NAME, f)));
      }
    }
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("trained from an empty cache: the fresh scratch cache ends with exactly the 2 runs (2 seeds)", async () => {
    const entries = (await listFiles(join(dir, "cache"))).filter((f) => f.endsWith(".json"));
    assert.equal(entries.length, 2, entries.join(", "));
  });

  it("the Markdown body equals the committed one byte for byte", async () => {
    const expected = await readFile(join(EXPECTED, `${NAME}.md`), "utf8");
    if (body !== expected) {
      const lines = body.split("\n");
      const want = expected.split("\n");
      const i = lines.findIndex((l, k) => l !== want[k]);
      assert.fail(`body differs from ${join(EXPECTED, `${NAME}.md`)} at line ${i + 1}:\n  got:  ${lines[i]}\n  want: ${want[i]}`);
    }
  });

  it("every figure file equals the committed one byte for byte", async () => {
    const got = await listFiles(join(dir, "figures", NAME));
    assert.deepEqual(got, await listFiles(join(EXPECTED, "figures")), "figure file names");
    assert.ok(got.length >= 2, "the notebook shows at least one chart (SVG + PNG)");
    for (const f of got) {
      const a = await readFile(join(dir, "figures", NAME, f));
      const b = await readFile(join(EXPECTED, "figures", f));
      assert.ok(a.equals(b), `figures/${NAME}/${f} differs from the committed file`);
    }
  });
});
