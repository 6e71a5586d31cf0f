/** Partial download folders of downloads that were killed are removed on the next run. */
import { strict as assert } from "assert";
import { spawn } from "child_process";
import { mkdirSync, readdirSync, utimesSync } from "fs";
import { join } from "path";
import { readMnist } from "../../src/data";
import { removeStaleDownloads } from "../../src/data/fetch-files";
import { allowShortFixtures, mnistFiles, tempDir, writeMnistDir } from "./fixtures";

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => child.once("exit", r));
  return child.pid as number;
}

describe("data: leftovers of killed downloads", () => {
  allowShortFixtures();
  const tmp = tempDir("leftovers");
  after(tmp.remove);

  it("dead downloaders' and old owner-less .<name>.download-* folders go; live, fresh, other targets' stay", async () => {
    const parent = join(tmp.dir, "unit");
    const pid = await deadPid();
    const names = {
      dead: `.mnist.download-${pid}-a1B2c3`,
      live: `.mnist.download-${process.pid}-d4E5f6`,
      oldUnowned: ".mnist.download-g7H8i9",
      freshUnowned: ".mnist.download-j0K1l2",
      otherTarget: `.cifar-10-batches-bin.download-${pid}-m3N4o5`,
      lookalike: ".mnistXdownload-p6Q7r8",
    };
    for (const name of Object.values(names)) mkdirSync(join(parent, name, "files"), { recursive: true });
    const old = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(join(parent, names.oldUnowned), old, old);
    const removed = removeStaleDownloads(parent, "mnist");
    assert.deepEqual(removed.sort(), [names.dead, names.oldUnowned].map((n) => join(parent, n)).sort());
    assert.deepEqual(readdirSync(parent).sort(), [names.live, names.freshUnowned, names.otherTarget, names.lookalike].sort());
  });

  it("reading a data folder removes a killed download's partial folder beside it", async () => {
    const dir = join(tmp.dir, "next-run", "mnist");
    writeMnistDir(dir, mnistFiles(10, 4), true);
    const leftover = join(tmp.dir, "next-run", `.mnist.download-${await deadPid()}-s9T0u1`);
    mkdirSync(join(leftover, "files"), { recursive: true });
    readMnist(dir);
    assert.deepEqual(readdirSync(join(tmp.dir, "next-run")), ["mnist"]);
  });
});
