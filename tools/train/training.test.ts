import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadMnist } from "../../katas/support/mnist-files.ts";
import type { TrainingSettings } from "./settings.ts";
import { DivergenceError, train } from "./training.ts";

const mnist = loadMnist();
const small: TrainingSettings = { sizes: [784, 10, 10], epochs: 1, miniBatchSize: 10, eta: 3, seed: 5, trainSize: 2000 };

describe("training runs", () => {
  it("learn, and report each epoch", async () => {
    const epochs: number[] = [];
    const settings = { ...small, sizes: [784, 30, 10], epochs: 2, seed: 3, trainSize: 10_000 };
    const { history, confusion } = await train(mnist, settings, { onEpochEnd: (r) => epochs.push(r.epoch) });
    assert.deepEqual(epochs, [0, 1]);
    assert.ok(history[1].correct > 8000, `only ${history[1].correct} of 10,000 after 2 epochs on 10,000 images`);
    const trace = confusion.reduce((sum, row, i) => sum + row[i], 0);
    assert.equal(trace, history[1].correct, "the confusion matrix's trace is the number correct");
  });

  it("are reproducible: the same seed gives the same numbers", async () => {
    const [a, b] = [await train(mnist, small), await train(mnist, small)];
    assert.deepEqual(Array.from(a.net.weights[0].data), Array.from(b.net.weights[0].data));
    assert.equal(a.history[0].correct, b.history[0].correct);
    const c = await train(mnist, { ...small, seed: 6 });
    assert.notDeepEqual(Array.from(c.net.weights[0].data), Array.from(a.net.weights[0].data));
  });

  it("stop with a clear message when the weights become NaN or infinite", async () => {
    await assert.rejects(train(mnist, { ...small, eta: Infinity }), (error: unknown) => {
      assert.ok(error instanceof DivergenceError);
      assert.match((error as Error).message, /training diverged in epoch 0: (weights|biases)\[\d\] holds (NaN|-?Infinity).*smaller --eta/);
      return true;
    });
  });

  it("stop with a clear message when a huge η saturates every sigmoid (η = 1000)", async () => {
    await assert.rejects(train(mnist, { ...small, eta: 1000, epochs: 5 }), (error: unknown) => {
      assert.ok(error instanceof DivergenceError);
      assert.match((error as Error).message, /training collapsed by epoch 1: .*no better than guessing.*η = 1000/s);
      return true;
    });
  });
});
