import { inflateSync } from "zlib";

/**
 * A minimal independent PNG decoder for the tests (8-bit RGBA or RGB, non-interlaced, what
 * resvg writes): walks the chunks, inflates the IDAT stream and undoes the per-row filters.
 * The decoded data must be exactly height rows of width pixels, so a wrong IHDR cannot pass.
 */
export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes per pixel */
  rgba: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a),
    pb = Math.abs(p - b),
    pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data is ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (pred === undefined) throw new Error(`bad PNG filter ${filter} in row ${y}`);
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return out;
}

export function decodePng(png: Buffer): DecodedPng {
  let offset = 8;
  let width = 0,
    height = 0,
    colorType = -1;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9];
      if (data[8] !== 8 || data[12] !== 0) throw new Error("only 8-bit non-interlaced PNGs are supported");
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (bpp === 0) throw new Error(`unsupported PNG color type ${colorType}`);
  const pixels = unfilter(inflateSync(Buffer.concat(idat)), width, height, bpp);
  if (bpp === 4) return { width, height, rgba: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2], 255], 4 * i);
  return { width, height, rgba };
}

/** Number of pixels darker than `below` (mean of R, G, B) with alpha > 0. */
export function darkPixels(img: DecodedPng, below = 128): number {
  let n = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const [r, g, b, a] = img.rgba.subarray(4 * i, 4 * i + 4);
    if (a > 0 && (r + g + b) / 3 < below) n++;
  }
  return n;
}
