import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { backprop } from "#nn/backprop.ts";
import {
  type BrainJson,
  brainExamples,
  brainLearningRate,
  createBrainModel,
  fromBrainJson,
  predictSetBrain,
  toBrainJson,
  trainEpochBrain,
} from "#nn/brain-model.ts";
import type { Matrix } from "#nn/matrix.ts";
import { image, type MnistSet, oneHot, slice } from "#nn/mnist.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { shuffle } from "#nn/sgd.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import { literal, matrixArb } from "../support/matrices.ts";
import { loadMnist } from "../support/mnist-files.ts";
import { digitNetworkArb, threeImages, tiedFrom, tinySetArb } from "../support/mnist-sets.ts";
import { assertNetworkClose, cloneNetwork, MODERATE, networkOfSizesArb, oracleFeedforward } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** Networks of 2 or 3 layers of 1–6 neurons, and an input for them. */
const networkAndInputArb = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 })
  .chain((sizes) => fc.tuple(networkOfSizesArb(sizes, MODERATE), matrixArb(sizes[0], 1, { min: 0, max: 1 })));

/**
 * The oracle for brain.js's training rule, written from its source: after
 * each example (no mini-batches), every weight moves by
 * Δw = −rate · ∂C_x/∂w + 0.1 · (the previous Δw), and every bias by
 * −rate · ∂C_x/∂b, with no momentum. Uses kata 09's backprop.
 */
function perExampleWithMomentum(net: Network, set: MnistSet, order: readonly number[], rate: number): Network {
  const trained = cloneNetwork(net);
  const previous = net.weights.map((w) => new Float64Array(w.data.length));
  for (const i of order) {
    const { nablaB, nablaW } = backprop(trained, image(set, i), oneHot(set.labels[i]));
    trained.weights.forEach((w, l) => {
      for (let k = 0; k < w.data.length; k++) {
        previous[l][k] = -rate * nablaW[l].data[k] + 0.1 * previous[l][k];
        w.data[k] += previous[l][k];
      }
    });
    trained.biases.forEach((b, l) => {
      for (let k = 0; k < b.data.length; k++) b.data[k] -= rate * nablaB[l].data[k];
    });
  }
  return trained;
}

/** The model's current network, read through brain.js's own `toJSON()`. */
const networkOfModel = (model: ReturnType<typeof createBrainModel>) => fromBrainJson(model.toJSON() as unknown as BrainJson);

function assertColumnClose(actual: ArrayLike<number>, expected: Matrix, tolerance: number): void {
  assert.equal(actual.length, expected.rows, `brain.js gave ${actual.length} outputs, expected ${expected.rows}`);
  for (let i = 0; i < expected.rows; i++) {
    if (!(Math.abs(actual[i] - expected.data[i]) <= tolerance)) {
      assert.fail(`output ${i} is ${actual[i]}, expected ${expected.data[i]} (tolerance ${tolerance})`);
    }
  }
}

describe("14-brainjs", () => {
  describe("toBrainJson", () => {
    it("writes brain.js 1.6.1's JSON: the input layer first, then each neuron's bias and incoming weights by index", () => {
      const net: Network = {
        sizes: [2, 3, 1],
        biases: [literal([[0.1], [0.2], [0.3]]), literal([[0.4]])],
        weights: [
          literal([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
          literal([[7, 8, 9]]),
        ],
      };
      assert.deepEqual(toBrainJson(net), {
        sizes: [2, 3, 1],
        layers: [
          { 0: {}, 1: {} },
          {
            0: { bias: 0.1, weights: { 0: 1, 1: 2 } },
            1: { bias: 0.2, weights: { 0: 3, 1: 4 } },
            2: { bias: 0.3, weights: { 0: 5, 1: 6 } },
          },
          { 0: { bias: 0.4, weights: { 0: 7, 1: 8, 2: 9 } } },
        ],
        inputLookup: false,
        outputLookup: false,
        activation: "sigmoid",
        trainOpts: {},
      });
    });
  });

  describe("fromBrainJson", () => {
    it("is the inverse of toBrainJson", () => {
      assertProperty(
        fc.property(networkAndInputArb, ([net]) =>
          assertNetworkClose(fromBrainJson(toBrainJson(net)), net, 0, "fromBrainJson(toBrainJson(net))"),
        ),
      );
    });
  });

  describe("createBrainModel", () => {
    it("makes brain.js compute our network: outputs within 1e-5 of feedforward, for random networks and inputs", () => {
      assertProperty(
        fc.property(networkAndInputArb, ([net, x]) => {
          assertColumnClose(createBrainModel(net).run(Array.from(x.data)) as ArrayLike<number>, oracleFeedforward(net, x), 1e-5);
        }),
      );
    });

    it("holds our weights, as brain.js's own toJSON() shows (to float32 precision)", () => {
      assertProperty(
        fc.property(networkAndInputArb, ([net]) =>
          assertNetworkClose(networkOfModel(createBrainModel(net)), net, 1e-6, "the model's toJSON()"),
        ),
      );
    });
  });

  describe("brainLearningRate", () => {
    it("is η/m: 0.3 for Nielsen's η = 3 and mini-batches of 10", () => {
      assert.equal(brainLearningRate(3, 10), 0.3);
      assertProperty(
        fc.property(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.integer({ min: 6, max: 100 }), (eta, m) => {
          assert.ok(Math.abs(brainLearningRate(eta, m) * m - eta) <= 1e-12, `brainLearningRate(${eta}, ${m})`);
        }),
      );
    });

    it("refuses a rate of 1 or more, which brain.js rejects, with the numbers in the message", () => {
      // The message names η/m: 1.5, and 1.
      assert.throws(() => brainLearningRate(3, 2), /1\.5/);
      assert.throws(() => brainLearningRate(10, 10), /(?<![\d.])1(?:\.0*)?(?![\d.])/);
    });
  });

  describe("brainExamples", () => {
    it("gives every image as { input: pixels in [0, 1], output: one-hot label }, plain arrays, in order", () => {
      assertProperty(
        fc.property(tinySetArb({ min: 1, max: 20 }), (set) => {
          const examples = brainExamples(set);
          assert.equal(examples.length, set.count);
          examples.forEach(({ input, output }, i) => {
            assert.ok(Array.isArray(input) && Array.isArray(output), "brain.js 1.6.1 expects plain arrays");
            assert.deepEqual(input, Array.from(image(set, i).data), `input of example ${i}`);
            assert.deepEqual(output, Array.from(oneHot(set.labels[i]).data), `output of example ${i}`);
          });
        }),
      );
    });
  });

  describe("trainEpochBrain", () => {
    it("on one example at rate r takes Nielsen's step with η = r and m = 1: momentum has nothing to carry yet", () => {
      assertProperty(
        fc.property(digitNetworkArb, tinySetArb({ min: 1, max: 1 }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (net, set, rate) => {
          const expected = cloneNetwork(net);
          trainEpoch(expected, set, { miniBatchSize: 1, eta: rate, rng: createRng(0) });
          const model = createBrainModel(net);
          trainEpochBrain(model, brainExamples(set), { learningRate: rate, rng: createRng(0) });
          assertNetworkClose(networkOfModel(model), expected, 1e-5, "the network after one brain.js step");
        }),
        { numRuns: 60 },
      );
    });

    it("shuffles like kata 12, then updates after every example with momentum 0.1 on the weights (not the biases)", () => {
      assertProperty(
        fc.property(digitNetworkArb, tinySetArb({ min: 2, max: 12 }), fc.integer(), (net, set, seed) => {
          const order = shuffle(
            Array.from({ length: set.count }, (_, i) => i),
            createRng(seed),
          );
          const expected = perExampleWithMomentum(net, set, order, 0.3);
          const model = createBrainModel(net);
          trainEpochBrain(model, brainExamples(set), { learningRate: 0.3, rng: createRng(seed) });
          assertNetworkClose(networkOfModel(model), expected, 1e-5, "the network after an epoch of brain.js");
        }),
        { numRuns: 60 },
      );
    });
  });

  describe("predictSetBrain", () => {
    it("takes the first maximum on ties, like argmax (kata 07), whichever digit it is", () => {
      for (let d = 0; d < 10; d++) {
        const predictions = predictSetBrain(createBrainModel(tiedFrom(d)), threeImages);
        assert.deepEqual(Array.from(predictions), [d, d, d], `outputs tied at their largest from digit ${d} to 9`);
      }
    });
  });

  describe("on real MNIST", () => {
    it("predictSetBrain predicts what kata 12's predictSet predicts", () => {
      const test = slice(loadMnist().test, 0, 1234);
      const net = createNetwork([784, 30, 10], createRng(14));
      const predictions = predictSetBrain(createBrainModel(net), test);
      assert.equal(predictions.length, test.count);
      assert.deepEqual(Array.from(predictions), Array.from(predictSet(net, test)));
    });
  });
});
