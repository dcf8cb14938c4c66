/**
 * Small pixel images (a 28×28 digit, a hidden neuron's 784 weights) as PNG,
 * to embed in an SVG figure: one `<rect>` a pixel would make a figure of
 * forty digits weigh hundreds of kilobytes. The PNG is written by hand,
 * with at most 16 colours (4 bits a pixel) and deflate's "stored" blocks,
 * which copy the bytes uncompressed: zlib's compressed output may differ
 * between versions and processors, and a figure must come out byte for
 * byte the same on every machine.
 */

/** An RGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number];

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_COLOURS = 16;
/** The most bytes one stored deflate block holds. */
const STORED_BLOCK = 65_535;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of PNG chunks (ISO 3309, as zlib computes it). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The Adler-32 checksum that ends a zlib stream. */
function adler32(bytes: Uint8Array): number {
  let [a, b] = [1, 0];
  for (const byte of bytes) {
    a = (a + byte) % 65_521;
    b = (b + a) % 65_521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of `data` in stored (uncompressed) deflate blocks. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_BLOCK));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  const view = new DataView(out.buffer);
  out.set([0x78, 0x01]); // deflate, 32 KiB window, no preset dictionary; 0x7801 is a multiple of 31, as the header needs
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * STORED_BLOCK, (i + 1) * STORED_BLOCK);
    out[at] = i === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00 (stored)
    view.setUint16(at + 1, chunk.length, true);
    view.setUint16(at + 3, ~chunk.length & 0xffff, true);
    out.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  view.setUint32(at, adler32(data));
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeAndData = out.subarray(4, 8 + data.length);
  typeAndData.set(Array.from(type, (c) => c.charCodeAt(0)));
  typeAndData.set(data, 4);
  view.setUint32(8 + data.length, crc32(typeAndData));
  return out;
}

/**
 * A `width` × `height` PNG whose pixel (row r, column c) is
 * `palette[indices[r * width + c]]`. Throws for a size that does not match
 * `indices`, a palette of more than 16 colours, or an index outside it.
 */
export function indexedPng(width: number, height: number, indices: ArrayLike<number>, palette: readonly Rgb[]): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) || indices.length !== width * height) {
    throw new RangeError(`indexedPng: a ${width}×${height} image needs ${width * height} pixels, got ${indices.length}`);
  }
  if (palette.length === 0 || palette.length > MAX_COLOURS) {
    throw new RangeError(`indexedPng: the palette has ${palette.length} colours; it must have 1 to ${MAX_COLOURS}`);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([4, 3, 0, 0, 0], 8); // 4 bits a pixel, colour type 3 (palette), deflate, filter method 0, no interlace
  const rowBytes = Math.ceil(width / 2);
  const raw = new Uint8Array(height * (1 + rowBytes)); // each row: filter type 0 (none), then the packed pixels
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const index = indices[r * width + c];
      if (!(Number.isInteger(index) && index >= 0 && index < palette.length)) {
        throw new RangeError(`indexedPng: pixel (${r}, ${c}) has colour ${index}, outside the palette of ${palette.length}`);
      }
      // The first pixel of a pair in the high half of the byte.
      raw[r * (1 + rowBytes) + 1 + (c >> 1)] |= c % 2 === 0 ? index << 4 : index;
    }
  }
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk("IHDR", header),
    chunk("PLTE", Uint8Array.from(palette.flat())),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
