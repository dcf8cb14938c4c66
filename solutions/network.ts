/**
 * Kata 05 · A network of random weights — reference solution (the network).
 *
 * Nielsen's `Network` is a class holding `sizes`, `biases` and `weights`;
 * ours is a plain object with the same three fields, and the functions of
 * the later katas (`feedforward`, `backprop`, `sgd`) take it as their first
 * argument, where Nielsen's methods take `self`.
 *
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import type { Rng } from "./random.ts";

/**
 * Nielsen's Network: `sizes` like [784, 30, 10]; `biases[i]` is `sizes[i+1]×1`
 * and `weights[i]` is `sizes[i+1]×sizes[i]`. Nielsen numbers the input layer 1,
 * so `weights[i]` and `biases[i]` are his $w^{i+2}$ and $b^{i+2}$, the weights
 * and biases into layer $i + 2$ (lesson 05, "Layer numbers and array indices").
 */
export interface Network {
  readonly sizes: readonly number[];
  readonly biases: Matrix[];
  readonly weights: Matrix[];
}

/** A training example: input x (sizes[0]×1) and desired output y (one-hot, sizes[L − 1]×1, with L = sizes.length). Nielsen's (x, y) in training_data. */
export interface Example {
  readonly x: Matrix;
  readonly y: Matrix;
}

/** A test example: input x and the digit it shows. Nielsen's (x, y) in test_data, where y is an integer. */
export interface LabeledExample {
  readonly x: Matrix;
  readonly label: number;
}

/** A `rows × cols` matrix of standard normal numbers, drawn row-major: numpy's `np.random.randn(rows, cols)`. */
function randn(rows: number, cols: number, rng: Rng): Matrix {
  const m = matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.normal();
  return m;
}

/**
 * Biases and weights drawn from `rng.normal()`: first every bias, layer by
 * layer, then every weight, layer by layer, row-major. Throws a clear error
 * for fewer than 2 layers (saying that a network needs 2 layers, and how
 * many it got), or for a size that is not a positive integer, naming its
 * index and its value (`sizes[1] is 0, not a positive integer`).
 *
 * The input layer has no biases: its "neurons" only hold the input. So a
 * network with $L$ layers has $L - 1$ bias vectors and $L - 1$ weight
 * matrices, and `weights[i]` maps the layer of `sizes[i]` neurons to the
 * layer of `sizes[i + 1]`: it is Nielsen's $w^{i+2}$, whose entry $w_{jk}$
 * connects neuron $k$ in the earlier layer to neuron $j$ in the later one,
 * so the matrix is `sizes[i + 1] × sizes[i]` and $w a$ is a plain matrix
 * product.
 */
export function createNetwork(sizes: readonly number[], rng: Rng): Network {
  if (sizes.length < 2) {
    throw new RangeError(`createNetwork: a network needs at least 2 layers (input and output), got ${sizes.length}: [${sizes.join(", ")}]`);
  }
  const bad = sizes.findIndex((n) => !Number.isInteger(n) || n < 1);
  if (bad >= 0) {
    throw new RangeError(
      `createNetwork: layer sizes must be positive integers, but sizes[${bad}] is ${sizes[bad]} in [${sizes.join(", ")}]`,
    );
  }
  // The same order as Nielsen's __init__: all the biases first, then all the weights.
  //   self.biases  = [np.random.randn(y, 1) for y in sizes[1:]]
  //   self.weights = [np.random.randn(y, x) for x, y in zip(sizes[:-1], sizes[1:])]
  const biases = sizes.slice(1).map((y) => randn(y, 1, rng));
  const weights = sizes.slice(1).map((y, l) => randn(y, sizes[l], rng));
  // Copy `sizes`, so that the caller changing their array later cannot change the network.
  return { sizes: [...sizes], biases, weights };
}
