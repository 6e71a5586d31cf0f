import { strict as assert } from "assert";
import { convertColumns, ConvertJob } from "../../src/data/convert";
import { createRng } from "../../src/tensor/random";

/** A job over two random byte sources, d = 7 (not a multiple of 4), n = 50 columns. */
function job(form: "affine" | "lookup"): ConvertJob {
  const rng = createRng(`convert/${form}`);
  const d = 7;
  const n = 50;
  const sources = [0, 1].map(() => Uint8Array.from({ length: 400 }, () => rng.int(256)));
  const src = Int32Array.from({ length: n }, () => rng.int(2));
  const pos = Int32Array.from({ length: n }, () => rng.int(400 - d));
  const out = new Float64Array(d * n);
  const a = Float64Array.from({ length: d }, () => rng.normal());
  const c = Float64Array.from({ length: d }, () => rng.normal());
  const table = Float64Array.from({ length: 3 * 256 }, () => rng.normal());
  return form === "affine" ? { d, sources, src, pos, out, a, c } : { d, sources, src, pos, out, table, groupSize: 3 };
}

describe("data/convert", () => {
  it("each output entry is v·a[i] + c[i] (affine) or table[⌊i/groupSize⌋·256 + v] (lookup) of its source byte", () => {
    for (const form of ["affine", "lookup"] as const) {
      const j = job(form);
      convertColumns(j, 0, j.src.length);
      for (let k = 0; k < j.src.length; k++) {
        for (let i = 0; i < j.d; i++) {
          const v = j.sources[j.src[k]][j.pos[k] + i];
          const want = form === "affine" ? v * j.a![i] + j.c![i] : j.table![Math.floor(i / 3) * 256 + v];
          assert.equal(j.out[k * j.d + i], want, `${form}: column ${k}, row ${i}`);
        }
      }
    }
  });
});
