/**
 * Kata 17 · Weight initialisation — reference solution.
 *
 * Nielsen, chapter 3, section *Weight initialization*: `network2.py`'s
 * `default_weight_initializer`. Chapter 1 drew every weight from
 * $N(0, 1)$; a neuron with many inputs then starts with a huge weighted
 * input $z$, its sigmoid saturated and its learning slow. Drawing the
 * weights into a neuron with $n_{\text{in}}$ inputs from
 * $N(0, 1/n_{\text{in}})$ instead keeps $z$ near 0. The biases stay
 * $N(0, 1)$.
 *
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** A `rows × cols` matrix of `rng.normal() / divisor`, drawn row-major: numpy's `np.random.randn(rows, cols) / divisor`. */
function gaussian(rows: number, cols: number, divisor: number, rng: Rng): Matrix {
  const m = matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.normal() / divisor;
  return m;
}

/**
 * Nielsen's `default_weight_initializer`: every bias from $N(0, 1)$, and
 * every weight into a layer of `sizes[i]` inputs from $N(0, 1/\text{sizes}[i])$,
 * that is `rng.normal() / Math.sqrt(sizes[i])`, with standard deviation
 * $1/\sqrt{n_{\text{in}}}$.
 *
 * The draws are kata 05's `createNetwork`'s, in the same order: first every
 * bias, layer by layer, then every weight, layer by layer, each matrix row by
 * row, exactly one `rng.normal()` per parameter and no `rng.uniform()`. So,
 * from the same seed, the biases are `createNetwork`'s exactly, and
 * `weights[i]` is `createNetwork`'s `weights[i]` divided by
 * $\sqrt{\text{sizes}[i]}$ (up to rounding).
 *
 * The shapes are `createNetwork`'s (`biases[i]` is `sizes[i+1] × 1`,
 * `weights[i]` is `sizes[i+1] × sizes[i]`), and `sizes` is copied into the
 * network. Throws, as `createNetwork` does, for fewer than 2 layers (saying
 * that a network needs 2 layers, and how many it got), or for a size that is
 * not a positive integer, naming its index and its value
 * (`sizes[1] is 0, not a positive integer`).
 */
export function defaultWeightInitializer(sizes: readonly number[], rng: Rng): Network {
  if (sizes.length < 2) {
    throw new RangeError(
      `defaultWeightInitializer: a network needs at least 2 layers (input and output), got ${sizes.length}: [${sizes.join(", ")}]`,
    );
  }
  const bad = sizes.findIndex((n) => !Number.isInteger(n) || n < 1);
  if (bad >= 0) {
    throw new RangeError(
      `defaultWeightInitializer: layer sizes must be positive integers, but sizes[${bad}] is ${sizes[bad]} in [${sizes.join(", ")}]`,
    );
  }
  // The same order as network2.py's default_weight_initializer, and as createNetwork:
  //   self.biases  = [np.random.randn(y, 1) for y in self.sizes[1:]]
  //   self.weights = [np.random.randn(y, x)/np.sqrt(x) for x, y in zip(self.sizes[:-1], self.sizes[1:])]
  const biases = sizes.slice(1).map((y) => gaussian(y, 1, 1, rng));
  const weights = sizes.slice(1).map((y, i) => gaussian(y, sizes[i], Math.sqrt(sizes[i]), rng));
  return { sizes: [...sizes], biases, weights };
}
