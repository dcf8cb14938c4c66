import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { argmax } from "#nn/evaluate.ts";
import { feedforward } from "#nn/feedforward.ts";
import { image } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { loadMnist } from "../../katas/support/mnist-files.ts";
import { tinySetArb } from "../../katas/support/mnist-sets.ts";
import { assertProperty } from "../../katas/support/property.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import { drawDigit } from "./draw-digit.ts";
import { saveModel } from "./model-file.ts";

const { test } = loadMnist();

/** A model file holding an untrained network of `sizes`: its predictions are arbitrary, but fixed by the seed. */
function modelFile(sizes: number[]): { path: string; net: ReturnType<typeof createNetwork> } {
  const net = createNetwork(sizes, createRng(7));
  const path = join(tempDir("predict"), "model.json");
  saveModel(path, net, { impl: "solutions", epochs: 0, miniBatchSize: 10, eta: 3, seed: 7, trainSize: 0, history: [] });
  return { path, net };
}

const predict = (...args: string[]) => runProgram("train/predict.ts", args);

describe("npm run predict", () => {
  it("shows the network's ten outputs for a test image, and says whether its answer is right", async () => {
    const { path, net } = modelFile([784, 12, 10]);
    const index = 3;
    const outputs = feedforward(net, image(test, index));
    const predicted = argmax(outputs);
    const label = test.labels[index];
    const { status, stdout } = await predict("--model", path, "--index", String(index));
    assert.equal(status, 0, stdout);
    assert.match(stdout, /^Test image 3: the network's ten outputs/);
    for (let digit = 0; digit < 10; digit++) {
      assert.match(stdout, new RegExp(`\\b${digit}  [█·]{20} ${outputs.data[digit].toFixed(3)}\\b`), `digit ${digit}'s bar and output`);
    }
    const verdict =
      predicted === label ? `✔ predicted ${predicted}, and it is a ${label}` : `✖ predicted ${predicted}, but it is a ${label}`;
    assert.ok(stdout.includes(verdict), `the verdict: ${verdict}`);
  });

  it("refuses an image number out of range, a missing model and a model of the wrong shape, in one line each", async () => {
    const outOfRange = await predict("--index", "10000");
    assert.equal(outOfRange.status, 2);
    assert.match(outOfRange.stderr, /^predict: --index must be a test image number from 0 to 9999, got "10000"\n/);

    const missing = await predict("--model", join(tempDir("predict"), "none.json"));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /none\.json is not a model this course can load: the file does not exist\. Train one with: npm start\n$/);

    const { path } = modelFile([4, 3, 2]);
    const wrong = await predict("--model", path);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /is a 4-3-2 network; MNIST needs 784 inputs and 10 outputs\n$/);
    for (const run of [outOfRange, missing, wrong]) assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });
});

describe("a digit drawn in the terminal", () => {
  it("is a line of one character per pixel column for every two pixel rows, darker where the ink is", () => {
    assertProperty(
      fc.property(tinySetArb({ min: 1, max: 3 }), (set) => {
        for (let index = 0; index < set.count; index++) {
          const lines = drawDigit(set, index, false);
          assert.equal(lines.length, Math.ceil(set.rows / 2));
          for (const line of lines) assert.equal([...line].length, set.cols);
          const ink = (r: number, c: number) => set.pixels[index * set.rows * set.cols + r * set.cols + c];
          // A cell is blank exactly when both of its pixels are (nearly) white.
          for (const [r, line] of lines.entries()) {
            for (const [c, cell] of [...line].entries()) assert.equal(cell === " ", Math.max(ink(2 * r, c), ink(2 * r + 1, c)) < 256 / 5);
          }
        }
      }),
    );
  });
});
