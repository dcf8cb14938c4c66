import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs";
import fc from "fast-check";
import { updateMiniBatchMatrix } from "#nn/batch.ts";
import type { Matrix } from "#nn/matrix.ts";
import { image, mnistSet, oneHot, slice } from "#nn/mnist.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import {
  createTfModel,
  networkOf,
  predictSetTf,
  setTfWeights,
  tensorsOf,
  tfLearningRate,
  trainEpochTf,
  useTfBackend,
} from "#nn/tfjs-model.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import { matrixArb } from "../support/matrices.ts";
import { namesNumber } from "../support/messages.ts";
import { loadMnist, type Mnist } from "../support/mnist-files.ts";
import { digitNetworkArb, tinySetArb } from "../support/mnist-sets.ts";
import { assertNetworkClose, cloneNetwork, MODERATE, networkOfSizesArb, oracleFeedforward } from "../support/networks.ts";
import { assertProperty, assertPropertyAsync } from "../support/property.ts";

/** Networks of 2 or 3 layers of 1–6 neurons, most of them not square, and a batch of 1–4 inputs for them. */
const networkAndInputsArb = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 })
  .chain((sizes) =>
    fc.tuple(networkOfSizesArb(sizes, MODERATE), fc.array(matrixArb(sizes[0], 1, { min: 0, max: 1 }), { minLength: 1, maxLength: 4 })),
  );

/** A model holding `net`, trained with η = 3. */
function modelOf(net: Network): tf.Sequential {
  const model = createTfModel(net.sizes, 3);
  setTfWeights(model, net);
  return model;
}

/** The model's outputs for inputs given as our columns, as our columns. */
function outputsOf(model: tf.LayersModel, inputs: readonly Matrix[]): Matrix[] {
  const rows = tf.tidy(() => {
    const xs = tf.tensor2d(inputs.map((x) => Array.from(x.data)));
    return (model.predict(xs) as tf.Tensor2D).arraySync();
  });
  return rows.map((row) => ({ rows: row.length, cols: 1, data: Float64Array.from(row) }));
}

function assertColumnsClose(actual: Matrix, expected: Matrix, tolerance: number, what: string): void {
  for (let i = 0; i < expected.rows; i++) {
    const [a, e] = [actual.data[i], expected.data[i]];
    if (!(Math.abs(a - e) <= tolerance)) assert.fail(`${what}: output ${i} is ${a}, expected ${e} (tolerance ${tolerance})`);
  }
}

/** Columns side by side, as one of our batch matrices: column j is `columns[j]`. */
function columnsOf(columns: readonly Matrix[]): Matrix {
  const [rows, cols] = [columns[0].rows, columns.length];
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, (_, k) => columns[k % cols].data[Math.floor(k / cols)]) };
}

/** Row j of a 2-D tensor's values. */
const rowOf = (values: Float32Array, cols: number, j: number) => Array.from(values.subarray(j * cols, (j + 1) * cols));

describe("13-tfjs", () => {
  it("useTfBackend('wasm') runs TensorFlow.js on WebAssembly, from the files in node_modules", async () => {
    await useTfBackend("wasm");
    assert.equal(tf.getBackend(), "wasm", "tf.getBackend() should be wasm after useTfBackend('wasm')");
    assert.equal(tf.env().getBool("PROD"), true, "useTfBackend should switch on production mode (tf.enableProdMode())");
    assert.equal(
      tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0]),
      5,
    );
  });

  describe("tfLearningRate", () => {
    it("is 15 for Nielsen's η = 3 and 10 outputs", () => {
      assert.equal(tfLearningRate(3, 10), 15);
    });

    it("is η · n / 2 for any η and n outputs: tf's loss averages over the n outputs and has no ½", () => {
      assertProperty(
        fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.integer({ min: 1, max: 100 }), (eta, n) => {
          const lr = tfLearningRate(eta, n);
          assert.ok(Math.abs((lr * 2) / n - eta) <= 1e-12 * eta, `tfLearningRate(${eta}, ${n}) is ${lr}, expected ${(eta * n) / 2}`);
        }),
      );
    });
  });

  describe("createTfModel", () => {
    it("builds one dense sigmoid layer, with biases, per weight matrix: kernels are [inputs, outputs]", () => {
      const model = createTfModel([784, 30, 10], 3);
      try {
        assert.equal(model.layers.length, 2, "one dense layer for each of weights[0] and weights[1]");
        assert.deepEqual(model.inputs[0].shape, [null, 784], "the model takes 784 inputs");
        model.layers.forEach((layer, l) => {
          const config = layer.getConfig();
          assert.equal(layer.getClassName(), "Dense", `layer ${l} should be tf.layers.dense`);
          assert.equal(config.activation, "sigmoid", `layer ${l} should use the sigmoid activation`);
          assert.equal(config.useBias, true, `layer ${l} needs biases`);
        });
        assert.deepEqual(
          model.getWeights().map((w) => w.shape),
          [[784, 30], [30], [30, 10], [10]],
          "kernel, bias, kernel, bias",
        );
      } finally {
        model.dispose();
      }
    });

    it("rejects sizes with fewer than 2 layers, naming them", () => {
      assert.throws(() => createTfModel([784], 3), /784/);
    });
  });

  describe("setTfWeights", () => {
    it("makes the model compute our network: outputs within 1e-5 of feedforward, for random networks and inputs", () => {
      assertProperty(
        fc.property(networkAndInputsArb, ([net, inputs]) => {
          const model = modelOf(net);
          try {
            for (const [j, a] of outputsOf(model, inputs).entries())
              assertColumnsClose(a, oracleFeedforward(net, inputs[j]), 1e-5, `input ${j}`);
          } finally {
            model.dispose();
          }
        }),
        { numRuns: 60 },
      );
    });

    it("leaves no tensor behind", () => {
      const net = createNetwork([5, 3, 2], createRng(1));
      const model = createTfModel(net.sizes, 3);
      const before = tf.memory().numTensors;
      setTfWeights(model, net);
      assert.equal(tf.memory().numTensors, before, "setTfWeights should dispose the tensors it builds (tf.tidy)");
      model.dispose();
    });
  });

  describe("networkOf", () => {
    it("reads back the network setTfWeights loaded, W from the transposed kernel", () => {
      assertProperty(
        fc.property(networkAndInputsArb, ([net]) => {
          const model = modelOf(net);
          try {
            const back = networkOf(model);
            assert.deepEqual(back.sizes, net.sizes);
            assertNetworkClose(back, net, 1e-6, "networkOf(model)"); // float32 holds about 7 digits
          } finally {
            model.dispose();
          }
        }),
        { numRuns: 40 },
      );
    });
  });

  describe("createTfModel, trained", () => {
    it("takes Nielsen's step for any η and any number of outputs: one fit is kata 11's updateMiniBatchMatrix (within 1e-5)", async () => {
      await assertPropertyAsync(
        fc.asyncProperty(
          networkAndInputsArb.chain(([net, inputs]) =>
            fc.tuple(
              fc.constant(net),
              fc.constant(inputs),
              fc.array(matrixArb(net.sizes[net.sizes.length - 1], 1, { min: 0, max: 1 }), {
                minLength: inputs.length,
                maxLength: inputs.length,
              }),
            ),
          ),
          fc.double({ min: 0.1, max: 4, noNaN: true }),
          async ([net, inputs, targets], eta) => {
            const expected = cloneNetwork(net);
            updateMiniBatchMatrix(expected, columnsOf(inputs), columnsOf(targets), eta);
            const model = createTfModel(net.sizes, eta);
            setTfWeights(model, net);
            const [xs, ys] = [tf.tensor2d(inputs.map((x) => Array.from(x.data))), tf.tensor2d(targets.map((y) => Array.from(y.data)))];
            try {
              await model.fit(xs, ys, { batchSize: inputs.length, epochs: 1, shuffle: false, verbose: 0 });
              assertNetworkClose(networkOf(model), expected, 1e-5, `the network after one tf step with η = ${eta}`);
            } finally {
              tf.dispose([xs, ys]);
              model.dispose();
            }
          },
        ),
        { numRuns: 15 },
      );
    });
  });

  describe("tensorsOf", () => {
    it("puts image(set, i) in row j of xs and oneHot(label) in row j of ys, for indices[j]", () => {
      assertProperty(
        fc.property(
          tinySetArb({ min: 1, max: 30 }).chain((set) =>
            fc.tuple(fc.constant(set), fc.array(fc.nat({ max: set.count - 1 }), { minLength: 1, maxLength: 12 })),
          ),
          ([set, indices]) => {
            const before = tf.memory().numTensors;
            const { xs, ys } = tensorsOf(set, indices);
            try {
              assert.equal(tf.memory().numTensors, before + 2, "tensorsOf should leave exactly its two tensors, xs and ys");
              assert.deepEqual(
                [xs.shape, ys.shape],
                [
                  [indices.length, 4],
                  [indices.length, 10],
                ],
              );
              const [x, y] = [xs.dataSync() as Float32Array, ys.dataSync() as Float32Array];
              indices.forEach((i, j) => {
                for (const [p, v] of rowOf(x, 4, j).entries()) {
                  assert.ok(Math.abs(v - image(set, i).data[p]) <= 1e-7, `xs row ${j} (image ${i}), pixel ${p} is ${v}`);
                }
                assert.deepEqual(rowOf(y, 10, j), Array.from(oneHot(set.labels[i]).data), `ys row ${j} (label of image ${i})`);
              });
            } finally {
              tf.dispose([xs, ys]);
            }
          },
        ),
      );
    });

    it("rejects an index outside the set, too large or negative, naming it", () => {
      const set = mnistSet({ dims: [2, 1, 1], data: new Uint8Array(2) }, { dims: [2], data: new Uint8Array(2) });
      assert.throws(() => tensorsOf(set, [0, 2]), namesNumber(2));
      assert.throws(() => tensorsOf(set, [1, 5]), namesNumber(5));
      assert.throws(() => tensorsOf(set, [-1]), namesNumber(-1));
    });
  });

  describe("trainEpochTf", () => {
    it("takes Nielsen's step: one mini-batch moves the weights as kata 12's trainEpoch does with η = 3 (within 1e-5)", async () => {
      await assertPropertyAsync(
        fc.asyncProperty(digitNetworkArb, tinySetArb({ min: 1, max: 10 }), fc.integer(), async (net, set, seed) => {
          const expected = cloneNetwork(net);
          trainEpoch(expected, set, { miniBatchSize: 10, eta: 3, rng: createRng(seed) });
          const model = modelOf(net);
          try {
            await trainEpochTf(model, set, { miniBatchSize: 10, rng: createRng(seed) });
            assertNetworkClose(networkOf(model), expected, 1e-5, "the network after one tf step");
          } finally {
            model.dispose();
          }
        }),
        { numRuns: 40 },
      );
    });

    it("is an epoch of kata 12: the same shuffle, the same mini-batches in the same order (within 1e-4)", async () => {
      await assertPropertyAsync(
        fc.asyncProperty(
          digitNetworkArb,
          tinySetArb({ min: 8, max: 40 }),
          fc.integer({ min: 1, max: 7 }),
          fc.integer(),
          async (net, set, m, seed) => {
            const expected = cloneNetwork(net);
            trainEpoch(expected, set, { miniBatchSize: m, eta: 3, rng: createRng(seed) });
            const model = modelOf(net);
            try {
              await trainEpochTf(model, set, { miniBatchSize: m, rng: createRng(seed) });
              assertNetworkClose(networkOf(model), expected, 1e-4, `the network after an epoch of mini-batches of ${m}`);
            } finally {
              model.dispose();
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  });

  describe("on real MNIST", () => {
    let mnist: Mnist | undefined;
    const real = () => (mnist ??= loadMnist());
    // Not a round number: the last prediction batch is partial.
    const testImages = () => slice(real().test, 0, 1234);

    it("predictSetTf predicts what kata 12's predictSet predicts, and leaves no tensor behind", () => {
      const net = createNetwork([784, 30, 10], createRng(13));
      const model = modelOf(net);
      const before = tf.memory().numTensors;
      const test = testImages();
      const predictions = predictSetTf(model, test);
      assert.equal(tf.memory().numTensors, before, "predictSetTf should dispose every tensor it makes (tf.tidy)");
      assert.equal(predictions.length, test.count);
      assert.deepEqual(Array.from(predictions), Array.from(predictSet(net, test)));
      model.dispose();
    });

    it("trains step for step with kata 12: an epoch on 2,000 images, ≥ 99% the same predictions, no tensor left behind", async () => {
      const [training, test] = [slice(real().train, 0, 2000), testImages()];
      const [scratchRng, tfRng] = [createRng(2024), createRng(2024)];
      const net = createNetwork([784, 30, 10], scratchRng);
      createNetwork([784, 30, 10], tfRng); // the same draws, so that both shuffles start from the same state
      const model = modelOf(net);
      const before = tf.memory().numTensors;
      await trainEpochTf(model, training, { miniBatchSize: 10, rng: tfRng });
      assert.equal(tf.memory().numTensors, before, "trainEpochTf should dispose the tensors it makes");
      trainEpoch(net, training, { miniBatchSize: 10, eta: 3, rng: scratchRng });
      const [ours, theirs] = [predictSet(net, test), predictSetTf(model, test)];
      let same = 0;
      for (let i = 0; i < test.count; i++) if (ours[i] === theirs[i]) same++;
      assert.ok(same >= 0.99 * test.count, `only ${same} of ${test.count} predictions agree with kata 12's network`);
      model.dispose();
    });
  });
});
