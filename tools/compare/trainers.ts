/**
 * How each system trains, inside its child process. Every system starts
 * from the trainer's starting point (`startingPoint`: the split, the network
 * drawn from the seed, the generator that goes on to shuffle) and runs the
 * trainer's epoch loop (`runEpochs`), so the scratch network and
 * TensorFlow.js see identical mini-batches and every system is timed the
 * same way. The scratch system is `npm start`'s own `train`.
 *
 * With `--chapter 3`, the scratch system is `npm start -- --chapter 3`'s
 * `train` (Part II's path: kata 17's starting weights, kata 18's
 * `trainEpochL2` with kata 15's cross-entropy), and TensorFlow.js is
 * `tfjs-chapter3.ts` on kata 13's plumbing, from the same starting point.
 *
 * A system's libraries are imported only when it runs, so that one
 * system's memory never counts against another.
 */
import type { Mnist } from "../../katas/support/mnist-files.ts";
import { DEFAULT_SETTINGS } from "../train/settings.ts";
import { type EpochRecord, type EpochsResult, runEpochs, startingPoint, train } from "../train/training.ts";
import { type Chapter, chapter3Settings, type RunSettings, type SystemName } from "./systems.ts";

/** Trains, reporting each epoch as it ends. */
export type Trainer = (mnist: Mnist, settings: RunSettings, onEpoch: (record: EpochRecord) => void) => Promise<EpochsResult>;

/** Nielsen's chapter-1 settings with the run's budget and seed. */
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

const scratchChapter3: Trainer = (mnist, run, onEpoch) => train(mnist, chapter3Settings(run), { onEpochEnd: onEpoch });

/** TensorFlow.js with chapter 3's recipe: kata 13's backend, weights, epoch and predictions around `tfjs-chapter3.ts`'s model. */
const tfjsChapter3: Trainer = async (mnist, run, onEpoch) => {
  const [tf, chapter3] = await Promise.all([import("#nn/tfjs-model.ts"), import("./tfjs-chapter3.ts")]);
  await tf.useTfBackend("wasm");
  const settings = chapter3Settings(run);
  const start = startingPoint(mnist, settings);
  const model = chapter3.createTfChapter3Model(settings.sizes, {
    eta: settings.eta,
    lambda: settings.lambda,
    trainingImages: start.training.count,
  });
  tf.setTfWeights(model, start.net);
  const learner = {
    trainEpoch: () => tf.trainEpochTf(model, start.training, { miniBatchSize: settings.miniBatchSize, rng: start.rng }),
    predict: (set: typeof start.test) => tf.predictSetTf(model, set),
  };
  return runEpochs(settings, start, learner, { onEpochEnd: onEpoch });
};

/** The trainer of each system that a chapter runs (`CHAPTER_SYSTEMS`). */
export const TRAINERS: Record<Chapter, Partial<Record<SystemName, Trainer>>> = {
  1: { scratch, "tfjs-wasm": tfjs("wasm"), "tfjs-cpu": tfjs("cpu"), brainjs },
  3: { scratch: scratchChapter3, "tfjs-wasm": tfjsChapter3 },
};
