import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accuracy, confusionMatrix, darknessClassifier, randomClassifier } from "#nn/evaluate.ts";
import { image, type MnistSet } from "#nn/mnist.ts";
import type { LabeledExample } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { loadMnist, type Mnist } from "../support/mnist-files.ts";

/**
 * The examples of a set, made one at a time as they are read: 60,000 images
 * as 784×1 columns of float64 would take 376 MB, and this way only one exists
 * at a time.
 */
function* examples(set: MnistSet): Generator<LabeledExample> {
  for (let i = 0; i < set.count; i++) yield { x: image(set, i), label: set.labels[i] };
}

let loaded: Mnist | undefined;
/** The real MNIST files, loaded on first use (inside a test, so that a failure is reported as one). */
const mnist = (): Mnist => (loaded ??= loadMnist());

describe("07-evaluate", () => {
  describe("the baselines on the real MNIST test set", () => {
    it("guessing at random gets about 10% of the 10,000 test images right", () => {
      const fraction = accuracy(randomClassifier(createRng(2024)), examples(mnist().test));
      // Binomial: the standard error of a 10% rate over 10,000 guesses is √(0.1 · 0.9 / 10,000) = 0.3%.
      assert.ok(Math.abs(fraction - 0.1) < 5 * 0.003, `random guessing got ${(100 * fraction).toFixed(2)}%, not about 10%`);
    });

    it("average darkness, learned from the 60,000 training images, gets about 22% (Nielsen: 2,225 of 10,000)", () => {
      const classify = darknessClassifier(examples(mnist().train));
      const fraction = accuracy(classify, examples(mnist().test));
      assert.ok(fraction >= 0.21 && fraction <= 0.235, `average darkness got ${(100 * fraction).toFixed(2)}%, not about 22%`);
    });

    it("the darkness baseline's confusion matrix has its number correct on the diagonal", () => {
      const { train, test } = mnist();
      const classify = darknessClassifier(examples(train));
      const predicted = Array.from(examples(test), ({ x }) => classify(x));
      const confusion = confusionMatrix(predicted, test.labels);
      const trace = confusion.reduce((s, row, d) => s + row[d], 0);
      assert.equal(trace, Math.round(accuracy(classify, examples(test)) * test.count));
      assert.ok(confusion[1][1] > confusion[1][8], "a 1 uses little ink: it should be read as a 1 more often than as an 8");
    });
  });
});
