/**
 * Kata 10 · Stochastic gradient descent.
 *
 * Nielsen's `SGD` and `update_mini_batch`: estimate the gradient of the cost
 * from a small random mini-batch of examples, take a step of size $\eta$
 * against it, and repeat until every example has been used once (an epoch).
 * Lesson: `katas/10-sgd/README.md`.
 *
 * @module
 */
import type { Example, LabeledExample, Network } from "./network.ts";
import type { Rng } from "./random.ts";

/**
 * A new array holding `items` in a random order, by the Fisher–Yates shuffle:
 * for `i` from `n − 1` down to `1`, draw `j = floor(rng.uniform() · (i + 1))`
 * and swap entries `i` and `j`. Every order is equally likely; `items` is
 * left unchanged. Nielsen's `random.shuffle`, which shuffles in place.
 */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  throw new Error("Not implemented: shuffle (kata 10-sgd, lesson katas/10-sgd/README.md)");
}

/**
 * One step of gradient descent on a mini-batch of $m$ examples:
 * $w \to w - \frac{\eta}{m} \sum_x \nabla_w C_x$ and
 * $b \to b - \frac{\eta}{m} \sum_x \nabla_b C_x$, with `backprop` (kata 09) for
 * each example. Changes `net` in place: afterwards `net.weights[i]` and
 * `net.biases[i]` hold the new values (put new matrices into the arrays, or
 * overwrite the entries). Throws on an empty mini-batch.
 */
export function updateMiniBatch(net: Network, miniBatch: readonly Example[], eta: number): void {
  throw new Error("Not implemented: updateMiniBatch (kata 10-sgd, lesson katas/10-sgd/README.md)");
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
  throw new Error("Not implemented: sgd (kata 10-sgd, lesson katas/10-sgd/README.md)");
}
