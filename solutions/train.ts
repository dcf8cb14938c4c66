/**
 * Kata 12 · Learning to read digits — reference solution.
 *
 * Nielsen's SGD loop, fed from compact MNIST bytes instead of a list of
 * vectors: the images become floats one mini-batch at a time.
 *
 * @module
 */
import { feedforwardBatch, updateMiniBatchMatrix } from "./batch.ts";
import { type Matrix, matrix } from "./matrix.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";
import { shuffle } from "./sgd.ts";

/** A mini-batch as matrices: inputs and desired outputs, one example per column. */
export interface MiniBatch {
  /** `(rows·cols) × m`: column j is `image(set, indices[j])`, pixel values in [0, 1]. */
  readonly X: Matrix;
  /** `10 × m`: column j is `oneHot(set.labels[indices[j]])`. */
  readonly Y: Matrix;
}

const DIGITS = 10;

/** The images `indices` of a set as one mini-batch, one image per column. Throws on an index outside the set (negative, or `count` or more), naming it (`index 2 is outside a set of 2 images`). */
export function miniBatchOf(set: MnistSet, indices: ArrayLike<number>): MiniBatch {
  const m = indices.length;
  const size = set.rows * set.cols;
  const X = matrix(size, m);
  const Y = matrix(DIGITS, m);
  const pixels = set.pixels;
  for (let j = 0; j < m; j++) {
    const i = indices[j];
    if (!Number.isInteger(i) || i < 0 || i >= set.count) {
      throw new RangeError(`image index ${i} is outside a set of ${set.count} images`);
    }
    // Column j of X is image i: pixel p goes to row p.
    for (let p = 0; p < size; p++) X.data[p * m + j] = pixels[i * size + p] / 255;
    Y.data[set.labels[i] * m + j] = 1;
  }
  return { X, Y };
}

export interface EpochOptions {
  /** m, the number of images per gradient step (Nielsen: 10). */
  readonly miniBatchSize: number;
  /** η, the learning rate (Nielsen: 3.0). */
  readonly eta: number;
  /** Shuffles the order of the images. */
  readonly rng: Rng;
  /** Called after each mini-batch's step, with how many are done (1 after the first) and how many there are (for a progress bar). */
  readonly onMiniBatch?: (done: number, total: number) => void;
}

/**
 * One epoch of mini-batch SGD on an MNIST set, on the fast path: shuffle the
 * image indices `[0, 1, …, count − 1]` with `shuffle` (kata 10) and
 * `options.rng`, cut them in order into mini-batches of `miniBatchSize`
 * (the last may be smaller), and take one `updateMiniBatchMatrix` step
 * (kata 11) on each. Changes `net` in place.
 */
export function trainEpoch(net: Network, set: MnistSet, options: EpochOptions): void {
  const { miniBatchSize, eta, rng, onMiniBatch } = options;
  const order = shuffle(
    Array.from({ length: set.count }, (_, i) => i),
    rng,
  );
  const total = Math.ceil(set.count / miniBatchSize);
  for (let batch = 0; batch < total; batch++) {
    const { X, Y } = miniBatchOf(set, order.slice(batch * miniBatchSize, (batch + 1) * miniBatchSize));
    updateMiniBatchMatrix(net, X, Y, eta);
    onMiniBatch?.(batch + 1, total);
  }
}

/** How many images `predictSet` pushes through the network at once. */
const PREDICT_BATCH = 500;

/**
 * The digit the network predicts for every image of a set: `predictions[i]`
 * is the argmax of its output for image i (the first maximum on ties, like
 * kata 07's `argmax`). Computed a batch of images at a time with
 * `feedforwardBatch`, so that the whole set is never one huge matrix.
 */
export function predictSet(net: Network, set: MnistSet): Uint8Array {
  const predictions = new Uint8Array(set.count);
  for (let start = 0; start < set.count; start += PREDICT_BATCH) {
    const indices = Array.from({ length: Math.min(PREDICT_BATCH, set.count - start) }, (_, j) => start + j);
    const output = feedforwardBatch(net, miniBatchOf(set, indices).X);
    // argmax down each column (first maximum on ties, like np.argmax).
    for (let j = 0; j < output.cols; j++) {
      let best = 0;
      for (let i = 1; i < output.rows; i++) {
        if (output.data[i * output.cols + j] > output.data[best * output.cols + j]) best = i;
      }
      predictions[start + j] = best;
    }
  }
  return predictions;
}
