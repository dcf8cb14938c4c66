import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { encodeIdx, type IdxTensor, parseIdx } from "#nn/mnist.ts";
import { assertProperty } from "../support/property.ts";

/** Random unsigned-byte tensors of 1 to 3 small dimensions. */
const tensorArb: fc.Arbitrary<IdxTensor> = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
  .chain((dims) =>
    fc
      .uint8Array({ minLength: dims.reduce((p, d) => p * d, 1), maxLength: dims.reduce((p, d) => p * d, 1) })
      .map((data) => ({ dims, data })),
  );

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("02-mnist", () => {
  describe("parseIdx", () => {
    it("reads a hand-made one-dimensional file", () => {
      // #region hand-made-file
      // magic 0x00000801: unsigned bytes, 1 dimension; then the dimension 3; then the data
      const tensor = parseIdx(bytes(0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9));
      assert.deepEqual(tensor.dims, [3]);
      assert.deepEqual(Array.from(tensor.data), [7, 8, 9]);
      // #endregion hand-made-file
    });

    it("reads dimensions big-endian", () => {
      // 0x00000102 = 258 (little-endian would read 33,619,968)
      const header = bytes(0, 0, 8, 2, 0, 0, 0, 1, 0, 0, 1, 2);
      const tensor = parseIdx(Uint8Array.from([...header, ...new Uint8Array(258)]));
      assert.deepEqual(tensor.dims, [1, 258]);
      assert.equal(tensor.data.length, 258);
    });

    it("reads a file that sits inside a larger buffer (a subarray with a byteOffset)", () => {
      const file = bytes(0, 0, 8, 2, 0, 0, 0, 1, 0, 0, 0, 2, 7, 9);
      const buffer = new Uint8Array(3 + file.length + 5).fill(0xff);
      buffer.set(file, 3);
      const tensor = parseIdx(buffer.subarray(3, 3 + file.length));
      assert.deepEqual(tensor.dims, [1, 2]);
      assert.deepEqual(Array.from(tensor.data), [7, 9]);
    });

    it("round-trips: parseIdx(encodeIdx(t)) = t, for any tensor", () => {
      assertProperty(
        fc.property(tensorArb, (tensor) => {
          const parsed = parseIdx(encodeIdx(tensor));
          assert.deepEqual(parsed.dims, tensor.dims);
          assert.deepEqual(Array.from(parsed.data), Array.from(tensor.data));
        }),
      );
    });

    it("encodes the header as the IDX format says", () => {
      const encoded = encodeIdx({ dims: [2, 3], data: bytes(1, 2, 3, 4, 5, 6) });
      assert.deepEqual(Array.from(encoded), [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    });

    it("encodeIdx rejects data that does not fit the dimensions", () => {
      assert.equal(encodeIdx({ dims: [2, 3], data: bytes(1, 2, 3, 4, 5, 6) }).length, 12 + 6, "6 values fit 2×3");
      assert.throws(() => encodeIdx({ dims: [2, 3], data: bytes(1, 2, 3, 4, 5) }), "5 values for dimensions 2×3 are too few");
      assert.throws(() => encodeIdx({ dims: [2, 3], data: bytes(1, 2, 3, 4, 5, 6, 7) }), "7 values for dimensions 2×3 are too many");
    });

    it("rejects every truncated file with a message that says so", () => {
      assertProperty(
        fc.property(
          tensorArb.chain((tensor) => {
            const encoded = encodeIdx(tensor);
            return fc.nat({ max: encoded.length - 1 }).map((length) => encoded.subarray(0, length));
          }),
          (truncated) => {
            assert.throws(() => parseIdx(truncated), /truncated/i);
          },
        ),
      );
    });

    it("rejects trailing bytes", () => {
      assert.throws(() => parseIdx(bytes(0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3)), /too long|extra|trailing/i);
    });

    it("rejects a wrong magic number, showing it", () => {
      // The first bytes of a gzip file: a common mistake is to forget to unzip.
      // The message shows the number, in hex (0x1f8b0801) or in decimal (529205249).
      assert.throws(() => parseIdx(bytes(0x1f, 0x8b, 8, 1, 0, 0, 0, 1, 5)), /0x0*1f8b0801\b|\b529205249\b/i);
      // Both of the first two bytes must be zero: 0x008b0801 (9111553) is wrong too.
      assert.throws(() => parseIdx(bytes(0, 0x8b, 8, 1, 0, 0, 0, 1, 5)), /0x0*8b0801\b|\b9111553\b/i);
    });

    it("rejects element types other than unsigned byte, naming the type", () => {
      // The message names the type, in hex (0x0d) or in decimal (13).
      assert.throws(() => parseIdx(bytes(0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0)), /0x0*d\b|\b13\b/i);
    });
  });
});
