/**
 * Kata 13 · The same network in TensorFlow.js.
 *
 * Nielsen's 784-30-10 sigmoid network, quadratic cost and mini-batch SGD,
 * written with TensorFlow.js layers instead of our own matrices. tf computes
 * the gradient itself; you write the plumbing around it, and prove with the
 * tests that it is the same network as yours, step for step.
 * Lesson: `katas/13-tfjs/README.md`.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** Where TensorFlow.js runs its kernels: WebAssembly, or plain JavaScript. */
export type TfBackend = "wasm" | "cpu";

/**
 * Start TensorFlow.js on `backend`, before any other tf call. For `"wasm"`,
 * first point the backend at the `.wasm` files that the
 * `@tensorflow/tfjs-backend-wasm` package ships (its `dist/` folder), so that
 * nothing is downloaded. Also switch on production mode, which skips debug
 * checks and the advice to install tfjs-node.
 */
export async function useTfBackend(backend: TfBackend): Promise<void> {
  throw new Error("Not implemented: useTfBackend (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/**
 * The learning rate for tf's SGD that takes Nielsen's step with `eta`.
 * tf's `meanSquaredError` averages over the `outputs` as well as over the
 * examples, and has no ½: derive the factor in the lesson's table
 * (15 for η = 3 and 10 outputs).
 */
export function tfLearningRate(eta: number, outputs: number): number {
  throw new Error("Not implemented: tfLearningRate (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/**
 * A compiled tf model for a network of these `sizes`: one dense sigmoid
 * layer (with biases) per weight matrix, the quadratic cost
 * (`meanSquaredError`) and plain SGD at `tfLearningRate(eta, outputs)`.
 * Throws a clear error for fewer than 2 layers.
 */
export function createTfModel(sizes: readonly number[], eta: number): tf.Sequential {
  throw new Error("Not implemented: createTfModel (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/**
 * Load a network's biases and weights into the model's dense layers. A
 * dense kernel is `[inputs, outputs]`, the transpose of our `weights[i]`
 * (`outputs × inputs`), so each kernel gets $W^T$. Leaves no tensor behind.
 */
export function setTfWeights(model: tf.LayersModel, net: Network): void {
  throw new Error("Not implemented: setTfWeights (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/** The model's dense layers as one of our networks: the inverse of {@link setTfWeights}. */
export function networkOf(model: tf.LayersModel): Network {
  throw new Error("Not implemented: networkOf (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/** Images and desired outputs as tensors, one example per **row** (tf puts the batch first). */
export interface TfBatch {
  /** `[m, rows·cols]`: row j is image `indices[j]`, pixels scaled to [0, 1]. */
  readonly xs: tf.Tensor2D;
  /** `[m, 10]`: row j is the one-hot vector of its label. */
  readonly ys: tf.Tensor2D;
}

/**
 * The images `indices` of a set as tensors. The caller disposes them. Throws
 * on an index outside the set (negative, or `count` or more), naming it.
 */
export function tensorsOf(set: MnistSet, indices: ArrayLike<number>): TfBatch {
  throw new Error("Not implemented: tensorsOf (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/** The settings of {@link trainEpochTf}. The learning rate is the model's, set by {@link createTfModel}. */
export interface TfEpochOptions {
  readonly miniBatchSize: number;
  /** Shuffles the order of the images, exactly as kata 12's `trainEpoch` does. */
  readonly rng: Rng;
}

/**
 * One epoch of mini-batch SGD: shuffle the indices `[0, …, count − 1]` with
 * `shuffle` (kata 10) and `options.rng`, as kata 12's `trainEpoch` does,
 * and fit the model to the images in that order, `miniBatchSize` at a time,
 * without tf's own shuffling. Leaves no tensor behind.
 */
export async function trainEpochTf(model: tf.LayersModel, set: MnistSet, options: TfEpochOptions): Promise<void> {
  throw new Error("Not implemented: trainEpochTf (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}

/** The digit the model predicts for every image of a set (the argmax of its outputs). Leaves no tensor behind. */
export function predictSetTf(model: tf.LayersModel, set: MnistSet): Uint8Array {
  throw new Error("Not implemented: predictSetTf (kata 13-tfjs, lesson katas/13-tfjs/README.md)");
}
