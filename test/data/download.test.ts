import { strict as assert } from "assert";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { PassThrough } from "stream";
import * as tar from "tar";
import { cifar10FetchSpec, fetchInto, loadCifar10, loadMnist, mnistFetchSpec, readCifar10, readMnist } from "../../src/data";
import { cifarRecord, mnistFiles, tempDir, writeCifarDir, writeMnistDir, allowShortFixtures } from "./fixtures";
import { refusedUrl, startServer, TestServer } from "./http-fixture";

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");

/** A .tar.gz of a folder `inner` holding a tiny CIFAR-10 set; returns its bytes and batches. */
async function cifarArchive(work: string, inner = "cifar-10-batches-bin"): Promise<{ bytes: Buffer; batches: Buffer[] }> {
  const stage = join(work, `stage-${inner}`);
  const batches = writeCifarDir(join(stage, inner), 3);
  const file = join(work, `${inner}.tar.gz`);
  await tar.c({ gzip: true, file, cwd: stage }, [inner]);
  return { bytes: readFileSync(file), batches };
}

describe("data/download (local HTTP server)", function () {
  allowShortFixtures();
  const tmp = tempDir("download");
  let server: TestServer;
  let archive: { bytes: Buffer; batches: Buffer[] };
  let wrongDir: Buffer;
  let mnistGz: Record<string, Buffer>;
  let n = 0;
  const fresh = () => join(tmp.dir, `parent${n++}`);

  before(async () => {
    archive = await cifarArchive(tmp.dir);
    wrongDir = (await cifarArchive(tmp.dir, "something-else")).bytes;
    const mdir = join(tmp.dir, "mnist-src");
    writeMnistDir(mdir, mnistFiles(10, 4), true);
    mnistGz = Object.fromEntries(readdirSync(mdir).map((f) => [f, readFileSync(join(mdir, f))]));
    server = await startServer({
      "/ok/cifar-10-binary.tar.gz": { body: archive.bytes },
      "/moved/cifar-10-binary.tar.gz": { redirect: "/ok/cifar-10-binary.tar.gz" },
      "/cut/cifar-10-binary.tar.gz": { body: archive.bytes, truncateAt: 100 },
      "/wrongdir/cifar-10-binary.tar.gz": { body: wrongDir },
      "/broken/cifar-10-binary.tar.gz": { status: 500 },
      ...Object.fromEntries(Object.entries(mnistGz).map(([f, b]) => [`/mnist/${f}`, { body: b }])),
    });
  });
  after(async () => {
    await server.close();
    tmp.remove();
  });

  it("downloads, checks the MD5, extracts and installs the folder; nothing else is left", async () => {
    const parent = fresh();
    const target = join(parent, "cifar-10-batches-bin");
    await fetchInto(target, cifar10FetchSpec(target, md5(archive.bytes)), { baseUrls: [`${server.url}/ok/`], progress: false });
    assert.deepEqual(readdirSync(parent), ["cifar-10-batches-bin"], "no temporary folder left");
    const data = readCifar10(target, { split: "small", standardize: "none" });
    const rec = cifarRecord(archive.batches[1], 2);
    assert.equal(data.validation.y[2], rec.label);
    assert.equal(data.validation.X.data[2 * 3072 + 5], rec.pixels[5] / 255);
    assert.match(data.provenance, new RegExp(`from an archive with MD5 ${md5(archive.bytes)}, NOT the official`));
  });

  it("follows redirects and falls through failing mirrors; the progress bar goes to the given stream", async () => {
    const target = join(fresh(), "c");
    const sink = new PassThrough();
    let shown = "";
    sink.on("data", (c: Buffer) => (shown += c.toString()));
    const baseUrls = [`${server.url}/broken/`, `${server.url}/moved/`];
    await fetchInto(target, cifar10FetchSpec(target, md5(archive.bytes)), { baseUrls, progress: true, progressStream: sink });
    assert.ok(existsSync(join(target, "test_batch.bin")));
    assert.match(shown, /cifar-10-binary\.tar\.gz \[.*\] 100%/);
  });

  it("loadCifar10 rejects a checksum mismatch, naming the files, the folder and the way out; nothing is left behind", async () => {
    const parent = fresh();
    const target = join(parent, "deeper", "cifar-10-batches-bin");
    await assert.rejects(loadCifar10({ dir: target, baseUrl: `${server.url}/ok`, progress: false }), (e: Error) => {
      assert.match(e.message, new RegExp(`checksum mismatch: MD5 ${md5(archive.bytes)}, expected c32a1d4ab5d03f1284b67883e8d87530`));
      assert.ok(
        e.message.includes(`data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin in ${target}`),
        e.message,
      );
      assert.match(e.message, /Nothing was written\. To provide them: download cifar-10-binary\.tar\.gz .*CIFAR10_DIR.*CIFAR10_BASE_URL/);
      return true;
    });
    assert.ok(!existsSync(parent), "the folders created for the download are removed again");
  });

  it("the download URL can come from CIFAR10_BASE_URL", async () => {
    const saved = process.env.CIFAR10_BASE_URL;
    process.env.CIFAR10_BASE_URL = `${server.url}/ok`;
    try {
      const target = join(fresh(), "c");
      await assert.rejects(loadCifar10({ dir: target, progress: false }), new RegExp(`${server.url}/ok/cifar-10-binary\\.tar\\.gz: checksum mismatch`));
    } finally {
      if (saved === undefined) delete process.env.CIFAR10_BASE_URL;
      else process.env.CIFAR10_BASE_URL = saved;
    }
  });

  it("an unreachable server, a cut connection or an archive without the expected folder → clear error, nothing left", async () => {
    const cases: [string, string, RegExp][] = [
      [await refusedUrl(), md5(archive.bytes), /ECONNREFUSED/],
      [
        `${server.url}/cut/`,
        md5(archive.bytes),
        new RegExp(`cut/cifar-10-binary\\.tar\\.gz: download interrupted after \\d+ of ${archive.bytes.length} bytes`),
      ],
      [
        `${server.url}/wrongdir/`,
        md5(wrongDir),
        /cifar-10-binary\.tar\.gz does not contain cifar-10-batches-bin\/data_batch_1\.bin, cifar-10-batches-bin\/data_batch_2\.bin/,
      ],
    ];
    for (const [url, sum, why] of cases) {
      const parent = fresh();
      mkdirSync(parent);
      const target = join(parent, "cifar-10-batches-bin");
      await assert.rejects(fetchInto(target, cifar10FetchSpec(target, sum), { baseUrls: [url], progress: false }), (e: Error) => {
        assert.match(e.message, why);
        assert.match(e.message, /^CIFAR-10: could not download the files \(expected data_batch_1\.bin/);
        return true;
      });
      assert.deepEqual(readdirSync(parent), [], `nothing left behind (${url})`);
    }
  });

  it("does not download into a non-empty folder, nor when downloads are disabled", async () => {
    const partial = join(fresh(), "cifar");
    writeCifarDir(partial, 2);
    writeFileSync(join(partial, "data_batch_5.bin"), Buffer.alloc(0));
    rmSync(join(partial, "data_batch_4.bin"));
    const requests = server.hits.length;
    await assert.rejects(loadCifar10({ dir: partial, baseUrl: `${server.url}/ok/` }), /missing data_batch_4\.bin .*not empty, so not downloading/);
    await assert.rejects(loadCifar10({ dir: join(fresh(), "x"), download: false }), /downloads are disabled/);
    assert.equal(server.hits.length, requests, "no request was made");
  });

  it("MNIST: the four gzip files are downloaded and checked; a mismatch against the official MD5s is rejected", async () => {
    const target = join(fresh(), "mnist");
    const sums = Object.fromEntries(Object.entries(mnistGz).map(([f, b]) => [f, md5(b)]));
    await fetchInto(target, mnistFetchSpec(target, sums), { baseUrls: [`${server.url}/mnist/`], progress: false });
    assert.equal(readMnist(target).train.X.cols, 9);
    const parent = fresh();
    await assert.rejects(loadMnist({ dir: join(parent, "mnist"), baseUrl: `${server.url}/mnist/`, progress: false }), (e: Error) => {
      assert.match(e.message, /train-images-idx3-ubyte\.gz: checksum mismatch: MD5 [0-9a-f]{32}, expected f68b3c2dcbeaaa9fbdd348bbdeb94873/);
      assert.match(e.message, /MNIST_DIR/);
      return true;
    });
    assert.ok(!existsSync(parent));
  });
});
