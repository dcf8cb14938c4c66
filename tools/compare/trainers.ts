/**
 * How each system trains, inside its child process. Every system starts
 * from the same network, `createNetwork(sizes, createRng(seed))`, and then
 * draws its shuffles from that same generator, exactly as `npm start` does:
 * the scratch network and TensorFlow.js see identical mini-batches.
 *
 * A system's libraries are imported only when it runs, so that one
 * system's memory never counts against another.
 */
import { confusionMatrix } from "#nn/evaluate.ts";
import { nielsenSplit, slice, type MnistSet } from "#nn/mnist.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng, type Rng } from "#nn/random.ts";
import type { Mnist } from "../../katas/support/mnist-files.ts";
import { NIELSEN, type EpochRecord, type RunSettings, type SystemName } from "./systems.ts";

/** Trains, reporting each epoch, and resolves to the confusion matrix on the test set after the last epoch. */
export type Trainer = (mnist: Mnist, settings: RunSettings, onEpoch: (record: EpochRecord) => void) => Promise<number[][]>;

/** The data, the seeded starting network and the generator that will shuffle. */
function start(mnist: Mnist, settings: RunSettings): { training: MnistSet; test: MnistSet; net: Network; rng: Rng } {
  const { training, test } = nielsenSplit(mnist.train, mnist.test);
  const rng = createRng(settings.seed);
  return { training: slice(training, 0, settings.trainSize), test, net: createNetwork(NIELSEN.sizes, rng), rng };
}

/** Train and test epoch by epoch, timing each part; the confusion matrix after the last epoch. */
async function epochs(
  settings: RunSettings,
  test: MnistSet,
  trainOneEpoch: () => Promise<void> | void,
  predict: () => Uint8Array,
  onEpoch: (record: EpochRecord) => void,
): Promise<number[][]> {
  let predictions: Uint8Array = new Uint8Array(0);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const started = performance.now();
    await trainOneEpoch();
    const trained = performance.now();
    predictions = predict();
    const tested = performance.now();
    let correct = 0;
    for (let i = 0; i < test.count; i++) if (predictions[i] === test.labels[i]) correct++;
    onEpoch({ epoch, correct, total: test.count, trainSeconds: (trained - started) / 1000, evalSeconds: (tested - trained) / 1000 });
  }
  return confusionMatrix(predictions, test.labels);
}

const scratch: Trainer = async (mnist, settings, onEpoch) => {
  const { train } = await import("../train/training.ts");
  return train(mnist, { ...NIELSEN, sizes: [...NIELSEN.sizes], ...settings }, { onEpochEnd: onEpoch }).confusion;
};

function tfjs(backend: "wasm" | "cpu"): Trainer {
  return async (mnist, settings, onEpoch) => {
    const tf = await import("#nn/tfjs-model.ts");
    await tf.useTfBackend(backend);
    const { training, test, net, rng } = start(mnist, settings);
    const model = tf.createTfModel(NIELSEN.sizes, NIELSEN.eta);
    tf.setTfWeights(model, net);
    return epochs(
      settings,
      test,
      () => tf.trainEpochTf(model, training, { miniBatchSize: NIELSEN.miniBatchSize, rng }),
      () => tf.predictSetTf(model, test),
      onEpoch,
    );
  };
}

const brainjs: Trainer = async (mnist, settings, onEpoch) => {
  const brain = await import("#nn/brain-model.ts");
  const { training, test, net, rng } = start(mnist, settings);
  const model = brain.createBrainModel(net);
  const examples = brain.brainExamples(training);
  const learningRate = brain.brainLearningRate(NIELSEN.eta, NIELSEN.miniBatchSize);
  return epochs(
    settings,
    test,
    () => brain.trainEpochBrain(model, examples, { learningRate, rng }),
    () => brain.predictSetBrain(model, test),
    onEpoch,
  );
};

export const TRAINERS: Record<SystemName, Trainer> = { scratch, "tfjs-wasm": tfjs("wasm"), "tfjs-cpu": tfjs("cpu"), brainjs };
