/**
 * How each system trains, inside its child process. Every system starts
 * from the trainer's starting point (`startingPoint`: the split, the network
 * drawn from the seed, the generator that goes on to shuffle) and runs the
 * trainer's epoch loop (`runEpochs`), so the scratch network and
 * TensorFlow.js see identical mini-batches and every system is timed the
 * same way. The scratch system is `npm start`'s own `train`.
 *
 * A system's libraries are imported only when it runs, so that one
 * system's memory never counts against another.
 */
import type { Mnist } from "../../katas/support/mnist-files.ts";
import { DEFAULT_SETTINGS } from "../train/settings.ts";
import { type EpochRecord, type EpochsResult, runEpochs, startingPoint, train } from "../train/training.ts";
import type { RunSettings, SystemName } from "./systems.ts";

/** Trains, reporting each epoch as it ends. */
export type Trainer = (mnist: Mnist, settings: RunSettings, onEpoch: (record: EpochRecord) => void) => Promise<EpochsResult>;

/** Nielsen's settings with the run's budget and seed. */
const settingsFor = (run: RunSettings) => ({ ...DEFAULT_SETTINGS, epochs: run.epochs, trainSize: run.trainSize, seed: run.seed });

const scratch: Trainer = (mnist, run, onEpoch) => train(mnist, settingsFor(run), { onEpochEnd: onEpoch });

function tfjs(backend: "wasm" | "cpu"): Trainer {
  return async (mnist, run, onEpoch) => {
    const tf = await import("#nn/tfjs-model.ts");
    await tf.useTfBackend(backend);
    const settings = settingsFor(run);
    const start = startingPoint(mnist, settings);
    const model = tf.createTfModel(settings.sizes, settings.eta);
    tf.setTfWeights(model, start.net);
    const learner = {
      trainEpoch: () => tf.trainEpochTf(model, start.training, { miniBatchSize: settings.miniBatchSize, rng: start.rng }),
      predict: (set: typeof start.test) => tf.predictSetTf(model, set),
    };
    return runEpochs(settings, start, learner, { onEpochEnd: onEpoch });
  };
}

const brainjs: Trainer = async (mnist, run, onEpoch) => {
  const brain = await import("#nn/brain-model.ts");
  const settings = settingsFor(run);
  const start = startingPoint(mnist, settings);
  const model = brain.createBrainModel(start.net);
  const examples = brain.brainExamples(start.training);
  const learningRate = brain.brainLearningRate(settings.eta, settings.miniBatchSize);
  const learner = {
    trainEpoch: () => brain.trainEpochBrain(model, examples, { learningRate, rng: start.rng }),
    predict: (set: typeof start.test) => brain.predictSetBrain(model, set),
  };
  return runEpochs(settings, start, learner, { onEpochEnd: onEpoch });
};

export const TRAINERS: Record<SystemName, Trainer> = { scratch, "tfjs-wasm": tfjs("wasm"), "tfjs-cpu": tfjs("cpu"), brainjs };
