import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nielsenSplit } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import { loadMnist } from "../support/mnist-files.ts";

/** What the reference gets right after one epoch from seed 1 (`npm start -- --seed 1 --epochs 1` prints it as epoch 0). */
const REFERENCE_EPOCH_0 = 7988;

describe("12-mnist-training", () => {
  it("learns to read digits: within 10 images of the reference's 7,988 after epoch 0 (seed 1), and ≥ 90% after two epochs", () => {
    const mnist = loadMnist();
    const { training, test } = nielsenSplit(mnist.train, mnist.test);
    const correct = () => {
      const predictions = predictSet(net, test);
      let count = 0;
      for (let i = 0; i < test.count; i++) if (predictions[i] === test.labels[i]) count++;
      return count;
    };
    const rng = createRng(1);
    const net = createNetwork([784, 30, 10], rng);
    trainEpoch(net, training, { miniBatchSize: 10, eta: 3.0, rng });
    const afterEpoch0 = correct();
    // Rounding may move a correct implementation by an image or two after one epoch (lesson 12), not by more.
    assert.ok(
      Math.abs(afterEpoch0 - REFERENCE_EPOCH_0) <= 10,
      `after epoch 0 your network got ${afterEpoch0} of 10,000 test images right; from seed 1 the reference gets ${REFERENCE_EPOCH_0}, and a correct implementation is within 10 of that. Check the shuffle (kata 10's, with this rng), mini-batches cut in order, and η/m.`,
    );
    trainEpoch(net, training, { miniBatchSize: 10, eta: 3.0, rng });
    const afterEpoch1 = correct();
    assert.ok(afterEpoch1 >= 9000, `the network got ${afterEpoch1} of 10,000 test images right; it should get at least 9,000`);
  });
});
