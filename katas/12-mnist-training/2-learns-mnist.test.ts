import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slice } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import { loadMnist } from "../../tools/lib/mnist-files.ts";

describe("12-mnist-training", () => {
  it("learns to read digits: ≥ 90% of 1,000 unseen test images after a short training", () => {
    const mnist = loadMnist();
    const training = slice(mnist.train, 0, 20_000);
    const test = slice(mnist.test, 0, 1_000);
    const rng = createRng(2024);
    const net = createNetwork([784, 30, 10], rng);
    for (let epoch = 0; epoch < 2; epoch++) trainEpoch(net, training, { miniBatchSize: 10, eta: 3.0, rng });
    const predictions = predictSet(net, test);
    let correct = 0;
    for (let i = 0; i < test.count; i++) if (predictions[i] === test.labels[i]) correct++;
    assert.ok(correct >= 900, `the network got ${correct} of 1,000 test images right; it should get at least 900`);
  });
});
