import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { updateMiniBatchMatrix } from "#nn/batch.ts";
import { argmax } from "#nn/evaluate.ts";
import { feedforward } from "#nn/feedforward.ts";
import { image, mnistSet, oneHot } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { shuffle } from "#nn/sgd.ts";
import { miniBatchOf, predictSet, trainEpoch } from "#nn/train.ts";
import { assertMatrixClose, columnOf } from "../support/matrices.ts";
import { namesNumber } from "../support/messages.ts";
import { threeImages, tiedFrom, tinySetArb } from "../support/mnist-sets.ts";
import { cloneNetwork } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

describe("12-mnist-training", () => {
  describe("miniBatchOf", () => {
    it("puts image(set, i) and oneHot(label) in column j for indices[j]", () => {
      assertProperty(
        fc.property(
          tinySetArb({ min: 1, max: 40 }).chain((set) =>
            fc.tuple(fc.constant(set), fc.array(fc.nat({ max: set.count - 1 }), { minLength: 1, maxLength: 12 })),
          ),
          ([set, indices]) => {
            const { X, Y } = miniBatchOf(set, indices);
            assert.deepEqual([X.rows, X.cols, Y.rows, Y.cols], [4, indices.length, 10, indices.length]);
            indices.forEach((i, j) => {
              assertMatrixClose(columnOf(X, j), image(set, i), 0, `X column ${j} (image ${i})`);
              assertMatrixClose(columnOf(Y, j), oneHot(set.labels[i]), 0, `Y column ${j} (label of image ${i})`);
            });
          },
        ),
      );
    });

    it("rejects an index outside the set, too large or negative, naming it", () => {
      const set = mnistSet({ dims: [2, 1, 1], data: new Uint8Array(2) }, { dims: [2], data: new Uint8Array(2) });
      assert.throws(() => miniBatchOf(set, [0, 2]), namesNumber(2));
      assert.throws(() => miniBatchOf(set, [1, 5]), namesNumber(5));
      assert.throws(() => miniBatchOf(set, [-1]), namesNumber(-1));
    });
  });

  describe("trainEpoch", () => {
    it("is shuffle (kata 10), then updateMiniBatchMatrix (kata 11) on consecutive mini-batches", () => {
      assertProperty(
        fc.property(tinySetArb({ min: 1, max: 40 }), fc.integer({ min: 1, max: 7 }), fc.integer(), (set, miniBatchSize, seed) => {
          const net = createNetwork([4, 3, 10], createRng(seed));
          const expected = cloneNetwork(net);
          const order = shuffle(
            Array.from({ length: set.count }, (_, i) => i),
            createRng(seed + 1),
          );
          for (let start = 0; start < set.count; start += miniBatchSize) {
            const { X, Y } = miniBatchOf(set, order.slice(start, start + miniBatchSize));
            updateMiniBatchMatrix(expected, X, Y, 0.5);
          }
          trainEpoch(net, set, { miniBatchSize, eta: 0.5, rng: createRng(seed + 1) });
          for (const [l, w] of net.weights.entries()) assertMatrixClose(w, expected.weights[l], 1e-12, `weights[${l}]`);
          for (const [l, b] of net.biases.entries()) assertMatrixClose(b, expected.biases[l], 1e-12, `biases[${l}]`);
        }),
        { numRuns: 50 },
      );
    });

    it("reports progress after every mini-batch", () => {
      const set = mnistSet({ dims: [23, 1, 1], data: new Uint8Array(23) }, { dims: [23], data: new Uint8Array(23) });
      const calls: [number, number][] = [];
      const net = createNetwork([1, 2, 10], createRng(1));
      // The output biases as each call sees them: "after" a mini-batch, its step is already taken.
      const seen = [Array.from(net.biases[1].data)];
      const onMiniBatch = (done: number, total: number) => {
        calls.push([done, total]);
        seen.push(Array.from(net.biases[1].data));
      };
      trainEpoch(net, set, { miniBatchSize: 5, eta: 1, rng: createRng(2), onMiniBatch });
      assert.deepEqual(
        calls,
        [1, 2, 3, 4, 5].map((done) => [done, 5]),
      );
      for (let k = 1; k < seen.length; k++) {
        assert.notDeepEqual(seen[k], seen[k - 1], `call ${k} of onMiniBatch came before the step of mini-batch ${k}`);
      }
    });
  });

  describe("predictSet", () => {
    it("predicts argmax(feedforward(net, image)) for every image of a set", () => {
      // 1,234 images of 28×28 random pixels: not a round number, so the last batch is partial.
      const rng = createRng(12);
      const count = 1234;
      const pixels = Uint8Array.from({ length: count * 784 }, () => Math.floor(rng.uniform() * 256));
      const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
      const test = mnistSet({ dims: [count, 28, 28], data: pixels }, { dims: [count], data: labels });
      const net = createNetwork([784, 16, 10], createRng(7));
      const predictions = predictSet(net, test);
      assert.equal(predictions.length, 1234);
      for (let i = 0; i < test.count; i++) {
        assert.equal(predictions[i], argmax(feedforward(net, image(test, i))), `prediction for image ${i}`);
      }
    });

    it("takes the first maximum on ties, like argmax (kata 07), whichever digit it is", () => {
      for (let d = 0; d < 10; d++) {
        assert.deepEqual(Array.from(predictSet(tiedFrom(d), threeImages)), [d, d, d], `outputs tied at their largest from digit ${d} to 9`);
      }
    });
  });
});
