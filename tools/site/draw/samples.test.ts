import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { argmax } from "#nn/evaluate.ts";
import { feedforward } from "#nn/feedforward.ts";
import { image } from "#nn/mnist.ts";
import { defaultMnistDir, loadMnist, MNIST_FILES, MnistFileError } from "../../../katas/support/mnist-files.ts";
import { REFERENCE_MODEL, repoRoot } from "../../core/paths.ts";
import { tempDir } from "../../core/test-trees.ts";
import { loadModel } from "../../train/model-file.ts";
import { SAMPLE_INDICES, testSamples } from "./samples.ts";

const { test } = loadMnist();

describe("the drawing page's test images", () => {
  it("are the MNIST test images the course's loader reads, bytes and labels", () => {
    const samples = testSamples();
    assert.deepEqual(
      samples.map((sample) => sample.index),
      [...SAMPLE_INDICES],
    );
    for (const { index, label, pixels } of samples) {
      assert.equal(label, test.labels[index]);
      assert.deepEqual(pixels, Array.from(test.pixels.subarray(index * 784, (index + 1) * 784)));
    }
  });

  it("are the first of each digit, and the next 3 and 5, as the reference model misreads the first 3 and the first 5", () => {
    const first = (digit: number, after = -1) => test.labels.findIndex((label, i) => i > after && label === digit);
    const expected = [0, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9].map((digit, i, digits) =>
      digits[i - 1] === digit ? first(digit, first(digit)) : first(digit),
    );
    assert.deepEqual([...SAMPLE_INDICES], expected);
    const { net } = loadModel(join(repoRoot, REFERENCE_MODEL));
    const misread = SAMPLE_INDICES.filter((index) => argmax(feedforward(net, image(test, index))) !== test.labels[index]);
    assert.deepEqual(misread, [first(3), first(5)]);
  });

  it("refuse an MNIST file that is not the original, or missing, saying which", () => {
    const dir = tempDir("draw-samples");
    copyFileSync(join(defaultMnistDir(), MNIST_FILES.testLabels.name), join(dir, MNIST_FILES.testLabels.name));
    assert.throws(
      () => testSamples([0], dir),
      (error: Error) => error instanceof MnistFileError && /t10k-images-idx3-ubyte cannot be read/.test(error.message),
    );
    writeFileSync(join(dir, MNIST_FILES.testImages.name), new Uint8Array(16 + 784));
    assert.throws(
      () => testSamples([0], dir),
      (error: Error) => error instanceof MnistFileError && /t10k-images-idx3-ubyte is not the original: its MD5/.test(error.message),
    );
  });

  it("refuse an index outside the 10,000 test images", () => {
    assert.throws(() => testSamples([10_000]), /test image 10000 is not one of 0…9999/);
  });
});
