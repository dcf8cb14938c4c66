import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { argmax } from "#nn/evaluate.ts";
import { feedforward } from "#nn/feedforward.ts";
import { image, slice } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { loadMnist } from "../../katas/support/mnist-files.ts";
import { assertProperty } from "../../katas/support/property.ts";
import { tempDir } from "../core/test-trees.ts";
import { loadModel, saveModel, type TrainingRecord } from "./model-file.ts";

const dir = tempDir("model");
const record: TrainingRecord = { impl: "solutions", epochs: 1, miniBatchSize: 10, eta: 3, seed: 1, trainSize: 10, history: [] };

describe("model files", () => {
  it("round-trip every weight and bias exactly", () => {
    assertProperty(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }), fc.integer(), (sizes, seed) => {
        const net = createNetwork(sizes, createRng(seed));
        const path = join(dir, "round-trip.json");
        saveModel(path, net, record);
        const { net: loaded, training } = loadModel(path);
        assert.deepEqual(loaded.sizes, sizes);
        for (const [l, w] of net.weights.entries()) assert.deepEqual(Array.from(loaded.weights[l].data), Array.from(w.data));
        for (const [l, b] of net.biases.entries()) assert.deepEqual(Array.from(loaded.biases[l].data), Array.from(b.data));
        assert.deepEqual(training, record);
      }),
      { numRuns: 30 },
    );
  });

  it("reload to exactly the same predictions on MNIST", () => {
    const net = createNetwork([784, 30, 10], createRng(3));
    const path = join(dir, "mnist.json");
    saveModel(path, net, record);
    const { net: loaded } = loadModel(path);
    const test = slice(loadMnist().test, 0, 300);
    for (let i = 0; i < test.count; i++) {
      const [a, b] = [feedforward(net, image(test, i)), feedforward(loaded, image(test, i))];
      assert.deepEqual(Array.from(b.data), Array.from(a.data), `outputs for image ${i}`);
      assert.equal(argmax(b), argmax(a));
    }
  });

  const broken: [string, string, RegExp][] = [
    ["not JSON", "{ weights: ", /not valid JSON/],
    ["another format", JSON.stringify({ format: "keras" }), /format is "keras"/],
    ["bad sizes", JSON.stringify({ format: "nn-from-scratch/model@1", sizes: [784] }), /at least two/],
    [
      "a weight matrix of the wrong shape",
      JSON.stringify({
        format: "nn-from-scratch/model@1",
        sizes: [2, 1],
        biases: [{ rows: 1, cols: 1, data: [0] }],
        weights: [{ rows: 2, cols: 1, data: [0, 0] }],
        training: record,
      }),
      /weights\[0\] must be a 1×2 matrix/,
    ],
    [
      "a value that is not a number",
      JSON.stringify({
        format: "nn-from-scratch/model@1",
        sizes: [1, 1],
        biases: [{ rows: 1, cols: 1, data: [null] }],
        weights: [{ rows: 1, cols: 1, data: [0] }],
        training: record,
      }),
      /biases\[0\] holds a value that is not a finite number/,
    ],
  ];
  for (const [what, text, message] of broken) {
    it(`refuse ${what}, saying what is wrong`, () => {
      const path = join(dir, "broken.json");
      writeFileSync(path, text);
      assert.throws(() => loadModel(path), message);
    });
  }

  it("refuse a missing file", () => {
    assert.throws(() => loadModel(join(dir, "nope.json")), /does not exist/);
  });
});
