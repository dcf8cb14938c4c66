/**
 * A training run, as `npm start`, `npm run bench` and every system of
 * `npm run compare` do it: one starting point (the split, the seeded
 * network, the generator that will shuffle) and one epoch loop (train,
 * then test on the 10,000 test images, timing each part the same way), so
 * that the systems compared start alike and are timed alike by
 * construction. The scratch network trains through the `#nn/*`
 * implementation this process runs (the reference or the learner's), with
 * guards against divergence.
 */
import { confusionMatrix } from "#nn/evaluate.ts";
import { type MnistSet, nielsenSplit, slice } from "#nn/mnist.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng, type Rng } from "#nn/random.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import type { Mnist } from "../../katas/support/mnist-files.ts";
import type { TrainingSettings } from "./settings.ts";

/** Test-set results and timings after one epoch. */
export interface EpochRecord {
  epoch: number;
  correct: number;
  total: number;
  /** The epoch's training, and nothing else. */
  trainSeconds: number;
  /** Classifying the test images and counting the right ones. */
  evalSeconds: number;
}

/** Where every run starts: Nielsen's split, the network drawn from the seed, and the same generator, which goes on to shuffle. */
export interface StartingPoint {
  training: MnistSet;
  test: MnistSet;
  net: Network;
  rng: Rng;
}

export function startingPoint(mnist: Mnist, settings: Pick<TrainingSettings, "sizes" | "seed" | "trainSize">): StartingPoint {
  const { training, test } = nielsenSplit(mnist.train, mnist.test);
  const rng = createRng(settings.seed);
  return { training: slice(training, 0, settings.trainSize), test, net: createNetwork(settings.sizes, rng), rng };
}

/** What a system does in the loop: train one epoch, and classify a set of images. */
export interface Learner {
  trainEpoch(epoch: number): void | Promise<void>;
  predict(set: MnistSet): Uint8Array;
}

export interface TrainingEvents {
  onEpochStart?(epoch: number, miniBatches: number): void;
  onMiniBatch?(done: number, total: number): void;
  onEpochEnd?(record: EpochRecord): void;
}

export interface EpochsResult {
  history: EpochRecord[];
  /** confusion[actual][predicted] on the test set after the last epoch. */
  confusion: number[][];
}

/** The epoch loop: train, then test, `epochs` times, timing each part; the confusion matrix after the last epoch. */
export async function runEpochs(
  settings: Pick<TrainingSettings, "epochs" | "miniBatchSize">,
  start: Pick<StartingPoint, "training" | "test">,
  learner: Learner,
  events: TrainingEvents = {},
): Promise<EpochsResult> {
  const { training, test } = start;
  const history: EpochRecord[] = [];
  let predictions: Uint8Array = new Uint8Array(0);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    events.onEpochStart?.(epoch, Math.ceil(training.count / settings.miniBatchSize));
    const started = performance.now();
    await learner.trainEpoch(epoch);
    const trained = performance.now();
    predictions = learner.predict(test);
    let correct = 0;
    for (let i = 0; i < test.count; i++) if (predictions[i] === test.labels[i]) correct++;
    const record = {
      epoch,
      correct,
      total: test.count,
      trainSeconds: (trained - started) / 1000,
      evalSeconds: (performance.now() - trained) / 1000,
    };
    history.push(record);
    events.onEpochEnd?.(record);
  }
  return { history, confusion: confusionMatrix(predictions, test.labels) };
}

/** Thrown when training has blown up (weights that are NaN or infinite) or collapsed (learning has stopped at chance level). */
export class DivergenceError extends Error {}

/** Accuracy no better than always guessing the most common digit (11.35% of the test set is 1s). */
const CHANCE_LEVEL = 0.12;

/** How often, in mini-batches, the weights are checked for NaN and Infinity. */
const CHECK_EVERY = 250;

function firstNonFinite(net: Network): string | undefined {
  for (const [kind, list] of [
    ["weights", net.weights],
    ["biases", net.biases],
  ] as const) {
    for (const [l, m] of list.entries()) {
      const k = m.data.findIndex((v) => !Number.isFinite(v));
      if (k >= 0) return `${kind}[${l}] holds ${m.data[k]}`;
    }
  }
  return undefined;
}

function checkFinite(net: Network, eta: number, epoch: number): void {
  const bad = firstNonFinite(net);
  if (bad) {
    throw new DivergenceError(
      `training diverged in epoch ${epoch}: ${bad}. The learning rate η = ${eta} is too large ` +
        `for this network; try a smaller --eta (Nielsen uses 3.0).`,
    );
  }
}

/**
 * A sigmoid network rarely produces NaN: with a huge η its weighted inputs
 * grow until every σ is exactly 0 or 1, σ' becomes 0, and learning stops.
 * Two epochs at chance level with the very same score is that collapse.
 */
function checkStalled(previous: EpochRecord | undefined, record: EpochRecord, eta: number): void {
  if (previous?.correct === record.correct && record.correct / record.total <= CHANCE_LEVEL) {
    throw new DivergenceError(
      `training collapsed by epoch ${record.epoch}: the network gets ${record.correct} of ${record.total} test images right, no better ` +
        `than guessing, and learning has stopped. With η = ${eta} the weights jumped so far that every ` +
        `sigmoid saturated (σ'(z) = 0, so the gradient vanished); try a smaller --eta (Nielsen uses 3.0).`,
    );
  }
}

export interface TrainingResult extends EpochsResult {
  net: Network;
}

/** Train the scratch network (`#nn/train.ts`) with `settings`: the run behind `npm start`. */
export async function train(mnist: Mnist, settings: TrainingSettings, events: TrainingEvents = {}): Promise<TrainingResult> {
  const start = startingPoint(mnist, settings);
  const { net, training, rng } = start;
  let previous: EpochRecord | undefined;
  const learner: Learner = {
    trainEpoch(epoch) {
      trainEpoch(net, training, {
        miniBatchSize: settings.miniBatchSize,
        eta: settings.eta,
        rng,
        onMiniBatch: (done, total) => {
          if (done % CHECK_EVERY === 0) checkFinite(net, settings.eta, epoch);
          events.onMiniBatch?.(done, total);
        },
      });
      checkFinite(net, settings.eta, epoch);
    },
    predict: (set) => predictSet(net, set),
  };
  const result = await runEpochs(settings, start, learner, {
    onEpochStart: events.onEpochStart,
    onEpochEnd(record) {
      checkStalled(previous, record, settings.eta);
      previous = record;
      events.onEpochEnd?.(record);
    },
  });
  return { net, ...result };
}
