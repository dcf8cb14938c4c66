/**
 * Kata 15 · The cross-entropy cost.
 *
 * Nielsen, chapter 3, section *The cross-entropy cost function*. With the
 * quadratic cost, BP1 carries a factor σ'(z^L): a saturated output neuron
 * that is badly wrong learns slowly. The cross-entropy cost cancels that
 * factor, so the output error is just $\delta^L = a^L - y$. Like Nielsen's
 * `network2.py`, a cost is a pair of functions, its value `fn` and its
 * output error `delta`, and backpropagation takes the cost as a parameter:
 * BP1 in its general form $\delta^L = \nabla_a C \odot \sigma'(z^L)$.
 * Lesson: `katas/15-cross-entropy/README.md`.
 *
 * @module
 */
import type { Gradient } from "./backprop.ts";
import { quadraticCost } from "./cost.ts";
import type { Matrix } from "./matrix.ts";
import type { Network } from "./network.ts";

/**
 * A cost function, as Nielsen's `network2.py` has them: `fn(a, y)` is the
 * cost of one example (or, given matrices with one example per column, the
 * sum over the examples), and `delta(z, a, y)` is the output error
 * $\delta^L = \partial C / \partial z^L$ for the weighted inputs `z` and the
 * output activations `a = σ(z)`.
 */
// #region cost
export interface Cost {
  readonly fn: (a: Matrix, y: Matrix) => number;
  readonly delta: (z: Matrix, a: Matrix, y: Matrix) => Matrix;
}
// #endregion cost

/**
 * The cross-entropy cost of outputs `a` against targets `y`, summed over
 * every entry: $-\sum_j \left[y_j \ln a_j + (1 - y_j) \ln(1 - a_j)\right]$
 * (Nielsen's equation (63) for one example: without his $\frac1n \sum_x$).
 * Finite for saturated outputs: a term whose factor is 0 counts as 0
 * ($0 \ln 0 = 0$, the limit), and a logarithm of 0 is taken as
 * $\ln$ `Number.MIN_VALUE` ≈ −744.4, so the cost is never NaN or ∞.
 * Non-negative for entries in [0, 1]; for targets in {0, 1}, zero exactly
 * when `a` equals `y`. Throws, naming both shapes, when they differ.
 */
export function crossEntropyCost(a: Matrix, y: Matrix): number {
  throw new Error("Not implemented: crossEntropyCost (kata 15-cross-entropy, lesson katas/15-cross-entropy/README.md)");
}

/**
 * The cross-entropy cost's output error, $\delta^L = a - y$ (Nielsen's
 * equation (66)): the σ'(z) of BP1 cancels against the cost's derivative,
 * so a saturated neuron still learns fast. `z` is not needed; it is a
 * parameter so that every cost's `delta` has the same signature. Returns a
 * new matrix and leaves `a` and `y` unchanged; throws, naming both shapes,
 * when `a` and `y` differ.
 */
export function crossEntropyDelta(z: Matrix, a: Matrix, y: Matrix): Matrix {
  throw new Error("Not implemented: crossEntropyDelta (kata 15-cross-entropy, lesson katas/15-cross-entropy/README.md)");
}

/**
 * The quadratic cost's output error, BP1 as in Part I:
 * $\delta^L = (a - y) \odot \sigma'(z)$ (Nielsen's equation (30)), for
 * `a = σ(z)`. Returns a new matrix and leaves `z`, `a` and `y` unchanged;
 * throws, naming both shapes, when `a` and `y` differ.
 */
export function quadraticDelta(z: Matrix, a: Matrix, y: Matrix): Matrix {
  throw new Error("Not implemented: quadraticDelta (kata 15-cross-entropy, lesson katas/15-cross-entropy/README.md)");
}

/** Part I's cost, $\frac12 \lVert a - y \rVert^2$ per example, with its output error. */
export const QuadraticCost: Cost = { fn: (a, y) => quadraticCost([a], [y]), delta: quadraticDelta };

/** Chapter 3's cost, with its output error $a - y$. */
export const CrossEntropyCost: Cost = { fn: crossEntropyCost, delta: crossEntropyDelta };

/**
 * Backpropagation with the cost as a parameter, for a batch: `X` is
 * `sizes[0] × m` (one input per column; a single example is a one-column
 * `X`), `Y` is `sizes[L − 1] × m`. BP1 is `cost.delta(z^L, a^L, Y)`; BP2 to
 * BP4 are kata 11's. Returns the **mean** gradient over the m columns; with
 * `QuadraticCost` it equals kata 11's `backpropBatch`. Leaves `net`, `X`
 * and `Y` unchanged. Throws, naming the shape that does not fit, when `X`
 * does not have `sizes[0]` rows or `Y` is not `sizes[L − 1] × m`.
 */
export function backpropWithCost(net: Network, X: Matrix, Y: Matrix, cost: Cost): Gradient {
  throw new Error("Not implemented: backpropWithCost (kata 15-cross-entropy, lesson katas/15-cross-entropy/README.md)");
}
