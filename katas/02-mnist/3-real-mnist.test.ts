import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nielsenSplit } from "#nn/mnist.ts";
import { loadMnist } from "../support/mnist-files.ts";

/** How many images of each digit, from LeCun's MNIST page. */
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function countsOf(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

describe("02-mnist", () => {
  describe("the real MNIST files", () => {
    const mnist = loadMnist();

    it("hold 60,000 training and 10,000 test images of 28×28 pixels", () => {
      assert.deepEqual([mnist.train.count, mnist.train.rows, mnist.train.cols], [60_000, 28, 28]);
      assert.deepEqual([mnist.test.count, mnist.test.rows, mnist.test.cols], [10_000, 28, 28]);
      assert.equal(mnist.train.pixels.length, 60_000 * 784);
    });

    it("have the published number of images of each digit", () => {
      assert.deepEqual(countsOf(mnist.train.labels), TRAIN_COUNTS);
      assert.deepEqual(countsOf(mnist.test.labels), TEST_COUNTS);
    });

    it("start with the famous 5, 0, 4, 1, 9 of the training set", () => {
      assert.deepEqual(Array.from(mnist.train.labels.subarray(0, 5)), [5, 0, 4, 1, 9]);
    });

    it("split as Nielsen does: 50,000 training, 10,000 validation, 10,000 test", () => {
      const split = nielsenSplit(mnist.train, mnist.test);
      assert.deepEqual([split.training.count, split.validation.count, split.test.count], [50_000, 10_000, 10_000]);
    });
  });
});
