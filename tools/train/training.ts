/**
 * The training run behind `npm start`: Nielsen's SGD on MNIST, through the
 * `#nn/*` implementation this process runs (the reference or the learner's),
 * with progress callbacks and a guard against divergence.
 */
import { confusionMatrix } from "#nn/evaluate.ts";
import { nielsenSplit, slice } from "#nn/mnist.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { predictSet, trainEpoch } from "#nn/train.ts";
import type { Mnist } from "../../katas/support/mnist-files.ts";
import type { TrainingRecord } from "./model-file.ts";

export interface TrainingSettings {
  sizes: number[];
  epochs: number;
  miniBatchSize: number;
  eta: number;
  seed: number;
  trainSize: number;
}

export interface TrainingEvents {
  onEpochStart?(epoch: number, miniBatches: number): void;
  onMiniBatch?(done: number, total: number): void;
  onEpochEnd?(result: TrainingRecord["history"][number]): void;
}

export interface TrainingResult {
  net: Network;
  history: TrainingRecord["history"];
  /** confusion[actual][predicted] on the test set after the last epoch. */
  confusion: number[][];
}

/** Thrown when training has blown up (weights that are NaN or infinite) or collapsed (learning has stopped at chance level). */
export class DivergenceError extends Error {}

/** Accuracy no better than always guessing the most common digit (11.35% of the test set is 1s). */
const CHANCE_LEVEL = 0.12;

/** How often, in mini-batches, the weights are checked for NaN and Infinity. */
const CHECK_EVERY = 250;

function firstNonFinite(net: Network): string | undefined {
  for (const [kind, list] of [["weights", net.weights], ["biases", net.biases]] as const) {
    for (const [l, m] of list.entries()) {
      const k = m.data.findIndex((v) => !Number.isFinite(v));
      if (k >= 0) return `${kind}[${l}] holds ${m.data[k]}`;
    }
  }
  return undefined;
}

function checkFinite(net: Network, settings: TrainingSettings, epoch: number): void {
  const bad = firstNonFinite(net);
  if (bad) {
    throw new DivergenceError(
      `training diverged in epoch ${epoch}: ${bad}. The learning rate η = ${settings.eta} is too large ` +
        `for this network; try a smaller --eta (Nielsen uses 3.0).`,
    );
  }
}

/**
 * A sigmoid network rarely produces NaN: with a huge η its weighted inputs
 * grow until every σ is exactly 0 or 1, σ' becomes 0, and learning stops.
 * Two epochs at chance level with the very same score is that collapse.
 */
function checkStalled(previous: number | undefined, correct: number, total: number, settings: TrainingSettings, epoch: number): void {
  if (previous === correct && correct / total <= CHANCE_LEVEL) {
    throw new DivergenceError(
      `training collapsed by epoch ${epoch}: the network gets ${correct} of ${total} test images right, no better ` +
        `than guessing, and learning has stopped. With η = ${settings.eta} the weights jumped so far that every ` +
        `sigmoid saturated (σ'(z) = 0, so the gradient vanished); try a smaller --eta (Nielsen uses 3.0).`,
    );
  }
}

export function train(mnist: Mnist, settings: TrainingSettings, events: TrainingEvents = {}): TrainingResult {
  const { training: all, test } = nielsenSplit(mnist.train, mnist.test);
  const training = slice(all, 0, settings.trainSize);
  const rng = createRng(settings.seed);
  const net = createNetwork(settings.sizes, rng);
  const history: TrainingRecord["history"] = [];
  let predictions: Uint8Array = new Uint8Array(0);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const started = performance.now();
    events.onEpochStart?.(epoch, Math.ceil(training.count / settings.miniBatchSize));
    trainEpoch(net, training, {
      miniBatchSize: settings.miniBatchSize,
      eta: settings.eta,
      rng,
      onMiniBatch: (done, total) => {
        if (done % CHECK_EVERY === 0) checkFinite(net, settings, epoch);
        events.onMiniBatch?.(done, total);
      },
    });
    checkFinite(net, settings, epoch);
    const trained = performance.now();
    predictions = predictSet(net, test);
    let correct = 0;
    for (let i = 0; i < test.count; i++) if (predictions[i] === test.labels[i]) correct++;
    checkStalled(history[history.length - 1]?.correct, correct, test.count, settings, epoch);
    const result = {
      epoch,
      correct,
      total: test.count,
      trainSeconds: (trained - started) / 1000,
      evalSeconds: (performance.now() - trained) / 1000,
    };
    history.push(result);
    events.onEpochEnd?.(result);
  }
  return { net, history, confusion: confusionMatrix(predictions, test.labels) };
}
