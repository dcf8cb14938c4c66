/**
 * Kata 10 · Stochastic gradient descent — reference solution.
 *
 * Nielsen's `SGD` and `update_mini_batch`: estimate the gradient of the cost
 * from a small random mini-batch of examples, take a step of size $\eta$
 * against it, and repeat until every example has been used once (an epoch).
 *
 * @module
 */

import { backprop } from "./backprop.ts";
import { evaluate } from "./evaluate.ts";
import { add, type Matrix, matrix, scale, sub } from "./matrix.ts";
import type { Example, LabeledExample, Network } from "./network.ts";
import type { Rng } from "./random.ts";

/**
 * A new array holding `items` in a random order, by the Fisher–Yates shuffle:
 * for `i` from `n − 1` down to `1`, draw `j = floor(rng.uniform() · (i + 1))`
 * and swap entries `i` and `j`. Every order is equally likely; `items` is
 * left unchanged. Nielsen's `random.shuffle`, which shuffles in place.
 */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const shuffled = items.slice();
  for (let i = shuffled.length - 1; i > 0; i--) {
    // j is uniform over 0..i: position i receives any of the items not yet placed.
    const j = Math.floor(rng.uniform() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}

/**
 * One step of gradient descent on a mini-batch of $m$ examples:
 * $w \to w - \frac{\eta}{m} \sum_x \nabla_w C_x$ and
 * $b \to b - \frac{\eta}{m} \sum_x \nabla_b C_x$, with {@link backprop} for
 * each example. Changes `net` in place: afterwards `net.weights[i]` and
 * `net.biases[i]` hold the new values (put new matrices into the arrays, or
 * overwrite the entries). Throws on an empty mini-batch.
 */
export function updateMiniBatch(net: Network, miniBatch: readonly Example[], eta: number): void {
  const m = miniBatch.length;
  if (m === 0) throw new RangeError("updateMiniBatch: the mini-batch is empty; there is no gradient to follow");
  // Sum the gradients of the whole mini-batch first, with the network held
  // still: every example sees the same w and b.
  let nablaB: Matrix[] = net.biases.map((b) => matrix(b.rows, b.cols));
  let nablaW: Matrix[] = net.weights.map((w) => matrix(w.rows, w.cols));
  for (const { x, y } of miniBatch) {
    const delta = backprop(net, x, y);
    nablaB = nablaB.map((nb, l) => add(nb, delta.nablaB[l]));
    nablaW = nablaW.map((nw, l) => add(nw, delta.nablaW[l]));
  }
  // Then one step against the mean gradient (η/m times the sum).
  for (let l = 0; l < net.weights.length; l++) {
    net.weights[l] = sub(net.weights[l], scale(nablaW[l], eta / m));
    net.biases[l] = sub(net.biases[l], scale(nablaB[l], eta / m));
  }
}

/**
 * What happened in one epoch: its number (0-based, like Nielsen's
 * "Epoch 0") and, when test data was given, how many of the `total` test
 * examples were classified correctly after it.
 */
export interface EpochReport {
  readonly epoch: number;
  readonly correct?: number;
  readonly total?: number;
}

/** The settings of {@link sgd}: Nielsen's `epochs`, `mini_batch_size`, `eta` and `test_data`, plus the rng and two callbacks. */
export interface SgdOptions {
  readonly epochs: number;
  readonly miniBatchSize: number;
  readonly eta: number;
  /** Shuffles the training data at the start of every epoch. */
  readonly rng: Rng;
  /** If given, the network is evaluated on it after every epoch (Nielsen's test_data). */
  readonly testData?: readonly LabeledExample[];
  /** Called with every mini-batch before it is used (to watch progress, or to test that each epoch visits every example once). */
  readonly onMiniBatch?: (miniBatch: readonly Example[], epoch: number) => void;
  /** Called after every epoch. */
  readonly onEpoch?: (report: EpochReport) => void;
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`sgd: ${name} must be a positive integer, got ${value}`);
}

/**
 * Mini-batch stochastic gradient descent, Nielsen's `SGD`. Each epoch
 * shuffles the training data with `shuffle(trainingData, rng)`, cuts it into
 * mini-batches of `miniBatchSize` (the last may be smaller), and calls
 * {@link updateMiniBatch} on each. With `testData`, evaluates the network
 * after every epoch. Returns one report per epoch. Throws clear errors for
 * `epochs` or `miniBatchSize` that are not positive integers and for an
 * `eta` that is not a finite positive number.
 */
export function sgd(net: Network, trainingData: readonly Example[], options: SgdOptions): EpochReport[] {
  const { epochs, miniBatchSize, eta, rng, testData, onMiniBatch, onEpoch } = options;
  checkPositiveInteger("epochs", epochs);
  checkPositiveInteger("miniBatchSize", miniBatchSize);
  if (!(Number.isFinite(eta) && eta > 0)) throw new RangeError(`sgd: eta must be a finite positive number, got ${eta}`);

  const reports: EpochReport[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Nielsen shuffles training_data in place, so each epoch reshuffles the
    // last epoch's order; we shuffle the caller's array afresh, which leaves
    // it untouched and is just as random.
    const shuffled = shuffle(trainingData, rng);
    for (let k = 0; k < shuffled.length; k += miniBatchSize) {
      const miniBatch = shuffled.slice(k, k + miniBatchSize);
      onMiniBatch?.(miniBatch, epoch);
      updateMiniBatch(net, miniBatch, eta);
    }
    const report: EpochReport = testData ? { epoch, correct: evaluate(net, testData), total: testData.length } : { epoch };
    onEpoch?.(report);
    reports.push(report);
  }
  return reports;
}
