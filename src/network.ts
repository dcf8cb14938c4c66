/**
 * Kata 05 · A network of random weights (the network).
 *
 * Nielsen's `Network` class holds `sizes`, `biases` and `weights`; ours is a
 * plain object with the same three fields, which the later katas take as
 * their first argument where Nielsen's methods take `self`.
 * Lesson: `katas/05-network/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";
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

/**
 * Biases and weights drawn from `rng.normal()`: first every bias, layer by
 * layer, then every weight, layer by layer, row-major. Throws a clear error
 * for fewer than 2 layers (saying that a network needs 2 layers, and how
 * many it got), or for a size that is not a positive integer, naming its
 * index and its value (`sizes[1] is 0, not a positive integer`).
 *
 * The input layer has no biases, so `sizes.length - 1` bias vectors
 * (`biases[i]` is `sizes[i+1] × 1`) and `sizes.length - 1` weight matrices
 * (`weights[i]` is `sizes[i+1] × sizes[i]`, so that $w a$ is a plain matrix
 * product).
 * Copy `sizes` into the network.
 */
export function createNetwork(sizes: readonly number[], rng: Rng): Network {
  throw new Error("Not implemented: createNetwork (kata 05-network, lesson katas/05-network/README.md)");
}
