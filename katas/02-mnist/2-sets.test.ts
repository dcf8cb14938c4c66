import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { encodeIdx, image, type MnistSet, mnistSet, nielsenSplit, oneHot, parseIdx, slice } from "#nn/mnist.ts";
import { namesNumber } from "../support/messages.ts";
import { assertProperty } from "../support/property.ts";

/** A small synthetic set: `count` images of 2×3 pixels, image i filled with byte (i*40 + p) % 256, label i % 10. */
function syntheticSet(count: number): MnistSet {
  const pixels = Uint8Array.from({ length: count * 6 }, (_, k) => (Math.floor(k / 6) * 40 + (k % 6)) % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return mnistSet(parseIdx(encodeIdx({ dims: [count, 2, 3], data: pixels })), parseIdx(encodeIdx({ dims: [count], data: labels })));
}

describe("02-mnist", () => {
  describe("mnistSet", () => {
    it("pairs images with labels", () => {
      const set = syntheticSet(4);
      assert.deepEqual([set.count, set.rows, set.cols], [4, 2, 3]);
      assert.deepEqual(Array.from(set.labels), [0, 1, 2, 3]);
      assert.equal(set.pixels.length, 24);
    });

    it("rejects different image and label counts, naming both", () => {
      const images = { dims: [3, 2, 2], data: new Uint8Array(12) };
      const labels = { dims: [4], data: new Uint8Array(4) };
      assert.throws(
        () => mnistSet(images, labels),
        (error: Error) => {
          for (const n of [3, 4])
            assert.match(
              error.message,
              namesNumber(n),
              `the error should name both counts, 3 images and 4 labels, in any order: "${error.message}"`,
            );
          return true;
        },
      );
    });

    it("rejects labels that are not digits", () => {
      const images = { dims: [2, 1, 1], data: new Uint8Array(2) };
      assert.throws(() => mnistSet(images, { dims: [2], data: Uint8Array.from([3, 12]) }), /12/);
      assert.throws(() => mnistSet(images, { dims: [2], data: Uint8Array.from([10, 3]) }), /10/);
    });

    it("rejects an images tensor that is not three-dimensional, naming the 3 dimensions it needs", () => {
      const flat = { dims: [4], data: new Uint8Array(4) };
      assert.throws(() => mnistSet(flat, flat), namesNumber(3));
    });

    it("rejects a labels tensor that is not one-dimensional", () => {
      const images = { dims: [2, 1, 1], data: new Uint8Array(2) };
      assert.equal(mnistSet(images, { dims: [2], data: Uint8Array.from([4, 5]) }).count, 2);
      assert.throws(() => mnistSet(images, images), "an images tensor passed as the labels");
    });
  });

  describe("image", () => {
    it("is a (rows·cols)×1 column of pixel / 255", () => {
      assertProperty(
        fc.property(
          fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }))),
          ([count, i]) => {
            const set = syntheticSet(count);
            const x = image(set, i);
            assert.deepEqual([x.rows, x.cols], [6, 1]);
            for (let p = 0; p < 6; p++) assert.equal(x.data[p], set.pixels[i * 6 + p] / 255);
          },
        ),
      );
    });

    it("maps the darkest pixel to 1 and white to 0", () => {
      const set = mnistSet({ dims: [1, 1, 2], data: Uint8Array.from([0, 255]) }, { dims: [1], data: Uint8Array.from([7]) });
      assert.deepEqual(Array.from(image(set, 0).data), [0, 1]);
    });

    it("rejects an index outside the set", () => {
      assert.throws(() => image(syntheticSet(3), 3), /3/);
      assert.throws(() => image(syntheticSet(3), -1), /-1/);
    });
  });

  describe("oneHot", () => {
    it("has a single 1, at the label's row", () => {
      assertProperty(
        fc.property(fc.integer({ min: 0, max: 9 }), (label) => {
          const y = oneHot(label);
          assert.deepEqual([y.rows, y.cols], [10, 1]);
          assert.deepEqual(
            Array.from(y.data),
            Array.from({ length: 10 }, (_, k) => (k === label ? 1 : 0)),
          );
        }),
      );
    });

    it("rejects labels outside 0…classes−1", () => {
      assert.throws(() => oneHot(10), /10/);
      assert.throws(() => oneHot(-1), /-1/);
      assert.equal(oneHot(2, 3).rows, 3);
      assert.throws(() => oneHot(3, 3), /3/);
    });
  });

  describe("slice and Nielsen's split", () => {
    it("slice(start, end) is a view of images start…end−1", () => {
      const set = syntheticSet(9);
      const part = slice(set, 2, 5);
      assert.equal(part.count, 3);
      assert.deepEqual(Array.from(part.labels), [2, 3, 4]);
      assert.deepEqual(Array.from(image(part, 0).data), Array.from(image(set, 2).data));
      assert.equal(part.pixels.buffer, set.pixels.buffer, "slice must share the bytes, not copy them");
    });

    it("rejects a range outside the set", () => {
      assert.throws(() => slice(syntheticSet(4), 2, 5), /4/);
      assert.throws(() => slice(syntheticSet(4), 3, 2), /4/, "start after end");
      assert.throws(() => slice(syntheticSet(4), -1, 2), /4/, "a negative start");
      assert.equal(slice(syntheticSet(4), 2, 2).count, 0, "start = end is an empty slice");
    });

    it("keeps the last 10,000 training images for validation", () => {
      const train = syntheticSet(10_007);
      const test = syntheticSet(3);
      const { training, validation, test: kept } = nielsenSplit(train, test);
      assert.equal(training.count, 7);
      assert.equal(validation.count, 10_000);
      assert.equal(kept, test);
      assert.equal(validation.labels[0], train.labels[7]);
    });
  });
});
