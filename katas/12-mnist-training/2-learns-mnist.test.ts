import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nielsenSplit } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import { loadMnist } from "../support/mnist-files.ts";

describe("12-mnist-training", () => {
  it("learns to read digits: ≥ 90% of the 10,000 unseen test images after two epochs", () => {
    const mnist = loadMnist();
    const { training, test } = nielsenSplit(mnist.train, mnist.test);
    const rng = createRng(1);
    const net = createNetwork([784, 30, 10], rng);
    for (let epoch = 0; epoch < 2; epoch++) trainEpoch(net, training, { miniBatchSize: 10, eta: 3.0, rng });
    const predictions = predictSet(net, test);
    let correct = 0;
    for (let i = 0; i < test.count; i++) if (predictions[i] === test.labels[i]) correct++;
    assert.ok(correct >= 9000, `the network got ${correct} of 10,000 test images right; it should get at least 9,000`);
  });
});
