/**
 * Kata 13 · The same network in TensorFlow.js — reference solution.
 *
 * Nielsen's 784-30-10 sigmoid network, quadratic cost and mini-batch SGD,
 * written with TensorFlow.js layers instead of our own matrices. The
 * framework computes the gradient itself (automatic differentiation), so
 * what is left to write is the plumbing: the backend, the model, moving
 * weights and images in and out of tensors, and freeing tensors.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { Matrix } from "./matrix.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";
import { shuffle } from "./sgd.ts";

/** Where TensorFlow.js runs its kernels: WebAssembly, or plain JavaScript. */
export type TfBackend = "wasm" | "cpu";

/**
 * Start TensorFlow.js on `backend`, before any other tf call. For `"wasm"`,
 * first point the backend at the `.wasm` files that the
 * `@tensorflow/tfjs-backend-wasm` package ships (its `dist/` folder), so that
 * nothing is downloaded. Also switches on production mode, which skips
 * debug checks and the advice to install tfjs-node.
 */
export async function useTfBackend(backend: TfBackend): Promise<void> {
  if (backend === "wasm") {
    // The package's dist/ folder, found from its package.json. A folder prefix must end with "/": the
    // backend appends the file names to it.
    setWasmPaths(fileURLToPath(new URL("dist/", import.meta.resolve("@tensorflow/tfjs-backend-wasm/package.json"))));
  }
  tf.enableProdMode();
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start its ${backend} backend`);
}

/**
 * The learning rate for tf's SGD that takes Nielsen's step with `eta`.
 * tf's `meanSquaredError` is $\frac{1}{m\,n}\sum_x \lVert y - a \rVert^2$,
 * averaged over the $n$ = `outputs` as well as the $m$ examples, and has no
 * ½; Nielsen's step is $\frac{\eta}{m}\sum_x \nabla \tfrac12 \lVert y - a \rVert^2$.
 * They match when $\mathrm{lr} \cdot \frac{2}{n} = \eta$, so $\mathrm{lr} = \eta n / 2$:
 * 15 for $\eta = 3$ and 10 outputs.
 */
export function tfLearningRate(eta: number, outputs: number): number {
  return (eta * outputs) / 2;
}

/**
 * A compiled tf model for a network of these `sizes`: one dense sigmoid
 * layer (with biases) per weight matrix, the quadratic cost
 * (`meanSquaredError`) and plain SGD at `tfLearningRate(eta, outputs)`.
 * Throws a clear error for fewer than 2 layers.
 */
export function createTfModel(sizes: readonly number[], eta: number): tf.Sequential {
  if (sizes.length < 2) throw new RangeError(`createTfModel: a network needs at least 2 layers, got [${sizes.join(", ")}]`);
  const model = tf.sequential();
  for (let l = 1; l < sizes.length; l++) {
    // Only the first layer is told its input size; the others infer it.
    model.add(tf.layers.dense({ units: sizes[l], activation: "sigmoid", ...(l === 1 ? { inputShape: [sizes[0]] } : {}) }));
  }
  model.compile({ optimizer: tf.train.sgd(tfLearningRate(eta, sizes[sizes.length - 1])), loss: "meanSquaredError" });
  return model;
}

/**
 * Load a network's biases and weights into the model's dense layers. A
 * dense kernel is `[inputs, outputs]`, the transpose of our `weights[i]`
 * (`outputs × inputs`), so each kernel gets $W^T$. Leaves no tensor behind.
 */
export function setTfWeights(model: tf.LayersModel, net: Network): void {
  tf.tidy(() => {
    model.setWeights(
      net.weights.flatMap((w, l) => [
        tf.tensor2d(Float32Array.from(w.data), [w.rows, w.cols]).transpose(),
        tf.tensor1d(Float32Array.from(net.biases[l].data)),
      ]),
    );
  });
}

/** Our `rows × cols` matrix from a tf tensor holding its transpose (`cols × rows`). */
function transposedMatrix(values: Float32Array, rows: number, cols: number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = values[j * rows + i];
  return { rows, cols, data };
}

/** The model's dense layers as one of our networks: the inverse of {@link setTfWeights}. */
export function networkOf(model: tf.LayersModel): Network {
  const tensors = model.getWeights(); // kernel 0, bias 0, kernel 1, bias 1, …
  const sizes = [tensors[0].shape[0]];
  const [biases, weights]: Matrix[][] = [[], []];
  for (let t = 0; t < tensors.length; t += 2) {
    const [inputs, outputs] = tensors[t].shape;
    sizes.push(outputs);
    weights.push(transposedMatrix(tensors[t].dataSync() as Float32Array, outputs, inputs));
    biases.push({ rows: outputs, cols: 1, data: Float64Array.from(tensors[t + 1].dataSync()) });
  }
  return { sizes, biases, weights };
}

/** Images and desired outputs as tensors, one example per **row** (tf puts the batch first). */
export interface TfBatch {
  /** `[m, rows·cols]`: row j is image `indices[j]`, pixels scaled to [0, 1]. */
  readonly xs: tf.Tensor2D;
  /** `[m, 10]`: row j is the one-hot vector of its label. */
  readonly ys: tf.Tensor2D;
}

const DIGITS = 10;

/**
 * The images `indices` of a set as tensors. The caller disposes them. Throws
 * on an index outside the set (negative, or `count` or more), naming it.
 */
export function tensorsOf(set: MnistSet, indices: ArrayLike<number>): TfBatch {
  const size = set.rows * set.cols;
  const m = indices.length;
  const pixels = new Float32Array(m * size);
  const labels = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const i = indices[j];
    if (!Number.isInteger(i) || i < 0 || i >= set.count) {
      throw new RangeError(`image index ${i} is outside a set of ${set.count} images`);
    }
    for (let p = 0; p < size; p++) pixels[j * size + p] = set.pixels[i * size + p] / 255;
    labels[j] = set.labels[i];
  }
  return tf.tidy(() => ({
    xs: tf.tensor2d(pixels, [m, size]),
    ys: tf.oneHot(tf.tensor1d(labels, "int32"), DIGITS).toFloat() as tf.Tensor2D,
  }));
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
  const order = shuffle(
    Array.from({ length: set.count }, (_, i) => i),
    options.rng,
  );
  const { xs, ys } = tensorsOf(set, order);
  try {
    // fit shuffles by default, with Math.random: off, so that the order is ours and the run is reproducible.
    await model.fit(xs, ys, { batchSize: options.miniBatchSize, epochs: 1, shuffle: false, verbose: 0 });
  } finally {
    tf.dispose([xs, ys]);
  }
}

/** How many images {@link predictSetTf} pushes through the model at once. */
const PREDICT_BATCH = 1000;

/** The digit the model predicts for every image of a set (the argmax of its outputs). Leaves no tensor behind. */
export function predictSetTf(model: tf.LayersModel, set: MnistSet): Uint8Array {
  const predictions = new Uint8Array(set.count);
  for (let start = 0; start < set.count; start += PREDICT_BATCH) {
    const indices = Array.from({ length: Math.min(PREDICT_BATCH, set.count - start) }, (_, j) => start + j);
    const best = tf.tidy(() => (model.predict(tensorsOf(set, indices).xs) as tf.Tensor).argMax(1));
    predictions.set(best.dataSync(), start);
    best.dispose();
  }
  return predictions;
}
