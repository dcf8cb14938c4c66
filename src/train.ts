/**
 * Kata 12 · Learning to read digits.
 *
 * Everything comes together: MNIST images (kata 02) become mini-batch
 * matrices, shuffled each epoch (kata 10) and fed to the matrix fast path
 * (kata 11), and the trained network is measured on images it has never seen
 * (kata 07). `npm start -- --impl src` runs your network through these
 * functions. Lesson: `katas/12-mnist-training/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** A mini-batch as matrices: inputs and desired outputs, one example per column. */
export interface MiniBatch {
  /** `(rows·cols) × m`: column j is `image(set, indices[j])`, pixel values in [0, 1]. */
  readonly X: Matrix;
  /** `10 × m`: column j is `oneHot(set.labels[indices[j]])`. */
  readonly Y: Matrix;
}

/** The images `indices` of a set as one mini-batch, one image per column. Throws on an index outside the set (negative, or `count` or more), naming it (`index 2 is outside a set of 2 images`). */
export function miniBatchOf(set: MnistSet, indices: ArrayLike<number>): MiniBatch {
  throw new Error("Not implemented: miniBatchOf (kata 12-mnist-training, lesson katas/12-mnist-training/README.md)");
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
  throw new Error("Not implemented: trainEpoch (kata 12-mnist-training, lesson katas/12-mnist-training/README.md)");
}

/**
 * The digit the network predicts for every image of a set: `predictions[i]`
 * is the argmax of its output for image i (the first maximum on ties, like
 * kata 07's `argmax`). Computed a batch of images at a time with
 * `feedforwardBatch`, so that the whole set is never one huge matrix.
 */
export function predictSet(net: Network, set: MnistSet): Uint8Array {
  throw new Error("Not implemented: predictSet (kata 12-mnist-training, lesson katas/12-mnist-training/README.md)");
}
