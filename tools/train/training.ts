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
import { type Cost, CrossEntropyCost, QuadraticCost } from "#nn/costs.ts";
import { confusionMatrix } from "#nn/evaluate.ts";
import { defaultWeightInitializer } from "#nn/initialise.ts";
import { trainEpochL2 } from "#nn/l2.ts";
import { type MnistSet, nielsenSplit, slice } from "#nn/mnist.ts";
import { bestEpoch, shouldStopEarly } from "#nn/monitor.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng, type Rng } from "#nn/random.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import type { Mnist } from "../../katas/support/mnist-files.ts";
import { type CostName, isChapter1, type TrainingSettings } from "./settings.ts";

/** Test-set results and timings after one epoch. */
export interface EpochRecord {
  epoch: number;
  correct: number;
  total: number;
  /** The epoch's training, and nothing else. */
  trainSeconds: number;
  /** Classifying the test images and counting the right ones. */
  evalSeconds: number;
  /** Right answers on the 10,000 validation images, in a run that watches them (Part II's). */
  validationCorrect?: number;
  /** Test images of each digit 0–9 that the network got right: a digit near 0 is one it has not learned (yet). Absent from runs recorded before Part II. */
  correctByDigit?: number[];
}

/** Where every run starts: Nielsen's split, the network drawn from the seed, and the same generator, which goes on to shuffle. */
export interface StartingPoint {
  training: MnistSet;
  validation: MnistSet;
  test: MnistSet;
  net: Network;
  rng: Rng;
}

export function startingPoint(
  mnist: Mnist,
  settings: Pick<TrainingSettings, "sizes" | "seed" | "trainSize"> & Partial<Pick<TrainingSettings, "init">>,
): StartingPoint {
  const { training, validation, test } = nielsenSplit(mnist.train, mnist.test);
  const rng = createRng(settings.seed);
  // Either way the same draws from the same generator: kata 17's weights are kata 05's divided by √n_in.
  const net = settings.init === "default" ? defaultWeightInitializer(settings.sizes, rng) : createNetwork(settings.sizes, rng);
  return { training: slice(training, 0, settings.trainSize), validation, test, net, rng };
}

/** What a system does in the loop: train one epoch, and classify a set of images. */
export interface Learner {
  trainEpoch(epoch: number): void | Promise<void>;
  predict(set: MnistSet): Uint8Array;
  /** Whether to stop after the epochs recorded so far (early stopping); never, when absent. */
  stop?(history: readonly EpochRecord[]): boolean;
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

const countRight = (predictions: Uint8Array, set: MnistSet) => {
  let correct = 0;
  for (let i = 0; i < set.count; i++) if (predictions[i] === set.labels[i]) correct++;
  return correct;
};

const rightByDigit = (predictions: Uint8Array, set: MnistSet) => {
  const right = new Array<number>(10).fill(0);
  for (let i = 0; i < set.count; i++) if (predictions[i] === set.labels[i]) right[set.labels[i]]++;
  return right;
};

/**
 * The epoch loop: train, then test, `epochs` times (fewer if the learner
 * stops early), timing each part; the confusion matrix after the last
 * epoch. With `start.validation`, each epoch is also scored on it.
 */
export async function runEpochs(
  settings: Pick<TrainingSettings, "epochs" | "miniBatchSize">,
  start: Pick<StartingPoint, "training" | "test"> & { validation?: MnistSet },
  learner: Learner,
  events: TrainingEvents = {},
): Promise<EpochsResult> {
  const { training, validation, test } = start;
  const history: EpochRecord[] = [];
  let predictions: Uint8Array = new Uint8Array(0);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    events.onEpochStart?.(epoch, Math.ceil(training.count / settings.miniBatchSize));
    const started = performance.now();
    await learner.trainEpoch(epoch);
    const trained = performance.now();
    predictions = learner.predict(test);
    const record: EpochRecord = {
      epoch,
      correct: countRight(predictions, test),
      total: test.count,
      correctByDigit: rightByDigit(predictions, test),
      trainSeconds: (trained - started) / 1000,
      evalSeconds: (performance.now() - trained) / 1000,
    };
    if (validation) record.validationCorrect = countRight(learner.predict(validation), validation);
    history.push(record);
    events.onEpochEnd?.(record);
    if (learner.stop?.(history)) break;
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

const COSTS: Record<CostName, Cost> = { quadratic: QuadraticCost, "cross-entropy": CrossEntropyCost };

const copyOf = (net: Network): Network => ({
  sizes: [...net.sizes],
  biases: net.biases.map((b) => ({ rows: b.rows, cols: b.cols, data: b.data.slice() })),
  weights: net.weights.map((w) => ({ rows: w.rows, cols: w.cols, data: w.data.slice() })),
});

/**
 * Train the scratch network with `settings`: the run behind `npm start`.
 * Chapter 1's recipe runs on Part I's code alone (`#nn/train.ts`, kata 12);
 * any of Part II's settings (a cost, λ, the initialisation, early stopping)
 * trains with kata 18's `trainEpochL2` and watches the validation images.
 * With `patience`, training stops early (kata 19) and the result is the
 * network of the best validation epoch.
 */
export async function train(mnist: Mnist, settings: TrainingSettings, events: TrainingEvents = {}): Promise<TrainingResult> {
  const start = startingPoint(mnist, settings);
  const { training, rng } = start;
  let net = start.net;
  const partOne = isChapter1(settings);
  const validationAccuracies: number[] = [];
  let best: Network | undefined;
  let previous: EpochRecord | undefined;
  const learner: Learner = {
    trainEpoch(epoch) {
      const onMiniBatch = (done: number, total: number) => {
        if (done % CHECK_EVERY === 0) checkFinite(net, settings.eta, epoch);
        events.onMiniBatch?.(done, total);
      };
      const { miniBatchSize, eta, lambda } = settings;
      if (partOne) trainEpoch(net, training, { miniBatchSize, eta, rng, onMiniBatch });
      else trainEpochL2(net, training, { miniBatchSize, eta, lambda, cost: COSTS[settings.cost], rng, onMiniBatch });
      checkFinite(net, settings.eta, epoch);
    },
    predict: (set) => predictSet(net, set),
    stop(history) {
      if (settings.patience === 0) return false;
      const latest = history[history.length - 1];
      validationAccuracies.push(latest.validationCorrect ?? 0);
      if (bestEpoch(validationAccuracies) === validationAccuracies.length - 1) best = copyOf(net);
      return shouldStopEarly(validationAccuracies, settings.patience);
    },
  };
  const result = await runEpochs(settings, partOne ? { ...start, validation: undefined } : start, learner, {
    onEpochStart: events.onEpochStart,
    onEpochEnd(record) {
      checkStalled(previous, record, settings.eta);
      previous = record;
      events.onEpochEnd?.(record);
    },
  });
  if (!best) return { net, ...result };
  // Early stopping keeps the best validation epoch's network: report its test results, not the last epoch's.
  net = best;
  return { net, history: result.history, confusion: confusionMatrix(predictSet(net, start.test), start.test.labels) };
}
