import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadMnist } from "../../katas/support/mnist-files.ts";
import { DEFAULT_SETTINGS, type TrainingSettings } from "./settings.ts";
import { DivergenceError, train } from "./training.ts";

const mnist = loadMnist();
const small: TrainingSettings = { ...DEFAULT_SETTINGS, sizes: [784, 10, 10], epochs: 1, eta: 3, seed: 5, trainSize: 2000 };

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

  it("train chapter 3's way with Part II's settings, scoring the validation images too", async () => {
    const settings: TrainingSettings = { ...small, sizes: [784, 30, 10], eta: 0.5, cost: "cross-entropy", lambda: 5, init: "default" };
    const { history } = await train(mnist, settings);
    // Chance is 1,000; the reference gets about 8,100 of each from this start.
    assert.ok(history[0].correct > 7500, `only ${history[0].correct} of 10,000 after one chapter-3 epoch on 2,000 images`);
    assert.ok((history[0].validationCorrect ?? 0) > 7500, `validation: ${history[0].validationCorrect}`);
    const partOne = await train(mnist, small);
    assert.equal(partOne.history[0].validationCorrect, undefined, "chapter 1's run does not spend time on the validation images");
  });

  it("stop early after `patience` epochs without a better validation accuracy, keeping the best network", async () => {
    // 300 training images and η = 3: the validation accuracy peaks within a few epochs and then wanders.
    const settings: TrainingSettings = { ...small, trainSize: 300, epochs: 15, cost: "cross-entropy", init: "default", patience: 2 };
    const { history, net, confusion } = await train(mnist, settings);
    const accuracies = history.map((h) => h.validationCorrect ?? -1);
    const best = accuracies.indexOf(Math.max(...accuracies));
    assert.ok(history.length < 15, `ran all ${history.length} epochs: ${accuracies.join(", ")}`);
    assert.equal(history.length, best + 3, `stopped two epochs after the best (${accuracies.join(", ")})`);
    const trace = confusion.reduce((sum, row, i) => sum + row[i], 0);
    assert.equal(trace, history[best].correct, "the result is the best epoch's network, whose test score is that epoch's");
    assert.equal(net.sizes.length, 3);
  });
});
