import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { assertProperty } from "../../../katas/support/property.ts";
import { REFERENCE_MODEL, repoRoot } from "../../core/paths.ts";
import { tempDir } from "../../core/test-trees.ts";
import { loadModel, saveModel, MODEL_FORMAT as TRAINER_FORMAT, type TrainingRecord } from "../../train/model-file.ts";
import { MODEL_FORMAT, ModelError, parseModel } from "./model.ts";

const dir = tempDir("draw-model");
const record: TrainingRecord = { impl: "solutions", epochs: 1, miniBatchSize: 10, eta: 3, seed: 1, trainSize: 10, history: [] };

/** The text of a model file as `npm start` writes it. */
function saved(sizes: number[], seed: number, training: TrainingRecord = record): string {
  const path = join(dir, "saved.json");
  saveModel(path, createNetwork(sizes, createRng(seed)), training);
  return readFileSync(path, "utf8");
}

describe("model files in the browser", () => {
  it("have the trainer's format", () => {
    assert.equal(MODEL_FORMAT, TRAINER_FORMAT);
  });

  it("load every MNIST network npm start can save, weight for weight", () => {
    assertProperty(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 2 }), fc.integer(), (hidden, seed) => {
        const sizes = [784, ...hidden, 10];
        const net = createNetwork(sizes, createRng(seed));
        const model = parseModel(saved(sizes, seed), "saved.json");
        assert.deepEqual(model.sizes, sizes);
        for (const [l, w] of net.weights.entries()) assert.deepEqual(model.weights[l], w.data);
        for (const [l, b] of net.biases.entries()) assert.deepEqual(model.biases[l], b.data);
      }),
      { numRuns: 20 },
    );
  });

  it("read the reference model's sizes, and its accuracy after the last epoch from its training record", () => {
    const model = parseModel(readFileSync(join(repoRoot, REFERENCE_MODEL), "utf8"), REFERENCE_MODEL);
    const { history } = JSON.parse(readFileSync(join(repoRoot, "docs/model/metrics.json"), "utf8")) as TrainingRecord;
    const last = history[history.length - 1];
    assert.deepEqual(model.sizes, [784, 30, 10]);
    assert.equal(model.accuracy, last.correct / last.total);
    assert.equal(parseModel(saved([784, 2, 10], 1), "x.json").accuracy, undefined, "no epoch, no accuracy");
  });

  /** A valid 784-2-10 model file's JSON, changed by `change`. */
  const broken = (change: (json: Record<string, unknown> & { sizes?: number[]; weights: { data: unknown[] }[] }) => void): string => {
    const json = JSON.parse(saved([784, 2, 10], 7));
    change(json);
    return JSON.stringify(json);
  };
  // [what, the file's text, the problem named, whether the trainer's loader checks it too]
  const cases: [string, string, string, boolean][] = [
    ["not JSON", "{ weights: ", "it is not valid JSON", true],
    ["JSON but not an object", "null", "it is not a JSON object", false],
    ["another format", broken((json) => (json.format = "keras")), 'its format is "keras", expected "nn-from-scratch/model@1"', true],
    ["no sizes", broken((json) => delete json.sizes), "sizes must be a list of at least two positive whole numbers", true],
    [
      "a size that is not whole",
      broken((json) => (json.sizes = [784, 2.5, 10])),
      "sizes must be a list of at least two positive whole numbers",
      true,
    ],
    ["9 outputs", broken((json) => (json.sizes = [784, 2, 9])), "it is a 784-2-9 network; MNIST needs 784 inputs and 10 outputs", false],
    ["783 inputs", broken((json) => (json.sizes = [783, 2, 10])), "it is a 783-2-10 network; MNIST needs 784 inputs and 10 outputs", false],
    ["weights that are not a list", broken((json) => (json.weights = {} as never)), "biases and weights must be lists", true],
    ["a missing layer", broken((json) => json.weights.pop()), "a network of 3 layers needs 2 bias vectors and weight matrices", true],
    [
      "a matrix whose rows × cols do not match the sizes",
      broken((json) => Object.assign(json.weights[1], { cols: 3 })),
      "weights[1] must be a 10×2 matrix",
      true,
    ],
    ["a matrix with a value missing", broken((json) => json.weights[0].data.pop()), "weights[0] must be a 2×784 matrix", true],
    [
      "a value that is not a number",
      broken((json) => (json.weights[1].data[3] = null)),
      "weights[1] holds a value that is not a finite number",
      true,
    ],
    [
      "a value too large for a number",
      broken((json) => (json.weights[0].data[0] = 0.125)).replace("0.125", "1e999"),
      "weights[0] holds a value that is not a finite number",
      true,
    ],
    ["no training record", broken((json) => delete json.training), "it has no training record", true],
  ];
  for (const [what, text, problem, trainerToo] of cases) {
    it(`refuse ${what} in one line that says so${trainerToo ? ", as the trainer's loader does" : ""}`, () => {
      assert.throws(
        () => parseModel(text, "mine.json"),
        (error: Error) => {
          assert.ok(error instanceof ModelError);
          assert.equal(error.message, `mine.json is not a model this course can load: ${problem}.`);
          return true;
        },
      );
      if (!trainerToo) return;
      const path = join(dir, "mine.json");
      writeFileSync(path, text);
      assert.throws(
        () => loadModel(path),
        (error: Error) => error.message.includes(`: ${problem}.`),
      );
    });
  }
});
