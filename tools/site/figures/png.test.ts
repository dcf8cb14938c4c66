import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inflateSync, crc32 as zlibCrc32 } from "node:zlib";
import fc from "fast-check";
import { assertProperty } from "../../../katas/support/property.ts";
import { indexedPng, type Rgb } from "./png.ts";

/** The chunks of a PNG, each checked against zlib's own CRC-32. */
function chunks(png: Uint8Array): Map<string, Uint8Array> {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found = new Map<string, Uint8Array>();
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    assert.equal(view.getUint32(at + 8 + length), zlibCrc32(png.subarray(at + 4, at + 8 + length)), `${type} CRC`);
    found.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}

/** The palette indices of a 4-bit indexed PNG, decoded by zlib. */
function decode(png: Uint8Array, width: number, height: number): number[] {
  const raw = inflateSync(chunks(png).get("IDAT") as Uint8Array);
  const rowBytes = Math.ceil(width / 2);
  assert.equal(raw.length, height * (1 + rowBytes));
  const indices: number[] = [];
  for (let r = 0; r < height; r++) {
    assert.equal(raw[r * (1 + rowBytes)], 0, "filter type none");
    for (let c = 0; c < width; c++) {
      const byte = raw[r * (1 + rowBytes) + 1 + (c >> 1)];
      indices.push(c % 2 === 0 ? byte >> 4 : byte & 15);
    }
  }
  return indices;
}

const image = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }), colours: fc.integer({ min: 1, max: 16 }) })
  .chain(({ width, height, colours }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      palette: fc.array(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)), { minLength: colours, maxLength: colours }),
      indices: fc.array(fc.nat(colours - 1), { minLength: width * height, maxLength: width * height }),
    }),
  );

describe("indexed PNG", () => {
  it("decodes with zlib to the pixels and palette it was given, with valid chunk CRCs", () => {
    assertProperty(
      fc.property(image, ({ width, height, palette, indices }) => {
        const png = indexedPng(width, height, indices, palette as Rgb[]);
        const found = chunks(png);
        const header = new DataView(found.get("IHDR")?.slice().buffer as ArrayBuffer);
        assert.deepEqual([header.getUint32(0), header.getUint32(4)], [width, height]);
        assert.deepEqual([...(found.get("PLTE") ?? [])], palette.flat());
        assert.deepEqual(decode(png, width, height), indices);
      }),
      { numRuns: 200 },
    );
  });

  it("splits data longer than one stored block (65,535 bytes) into several", () => {
    const [width, height] = [400, 400]; // 400 rows of 1 + 200 bytes: 80,400 bytes
    const indices = Array.from({ length: width * height }, (_, i) => (i * 7) % 16);
    const png = indexedPng(
      width,
      height,
      indices,
      Array.from({ length: 16 }, (_, i): Rgb => [i, i, i]),
    );
    assert.deepEqual(decode(png, width, height), indices);
  });

  it("is the same bytes for the same image", () => {
    const make = () =>
      indexedPng(
        3,
        2,
        [0, 1, 2, 2, 1, 0],
        [
          [0, 0, 0],
          [128, 128, 128],
          [255, 255, 255],
        ],
      );
    assert.deepEqual(make(), make());
  });

  it("refuses, in one line, a size that does not match the pixels, a palette of more than 16 colours, a pixel outside the palette", () => {
    assert.throws(() => indexedPng(2, 2, [0, 0, 0], [[0, 0, 0]]), /^RangeError: indexedPng: a 2×2 image needs 4 pixels, got 3$/);
    assert.throws(
      () =>
        indexedPng(
          1,
          1,
          [0],
          Array.from({ length: 17 }, (): Rgb => [0, 0, 0]),
        ),
      /the palette has 17 colours; it must have 1 to 16/,
    );
    assert.throws(
      () =>
        indexedPng(
          2,
          1,
          [0, 2],
          [
            [0, 0, 0],
            [1, 1, 1],
          ],
        ),
      /pixel \(0, 1\) has colour 2, outside the palette of 2/,
    );
  });
});
