/**
 * Kata 16 · Softmax.
 *
 * Nielsen, chapter 3, section *Softmax* (part of *The cross-entropy cost
 * function*): an output layer whose activations form a probability
 * distribution, $a_j = e^{z_j} / \sum_k e^{z_k}$ (his equation (78)),
 * trained with the log-likelihood cost $C = -\ln a_y$ (his equation (80)),
 * whose output error is again $\delta^L = a^L - y$ (his equation (84)): the
 * same as a sigmoid output layer with the cross-entropy cost. Matrices hold
 * one example per column, as in kata 11.
 * Lesson: `katas/16-softmax/README.md`.
 *
 * @module
 */
import type { Cost } from "./costs.ts";
import type { Matrix } from "./matrix.ts";

/**
 * The softmax of every column of `z` (one example per column), each column
 * on its own: $a_j = e^{z_j} / \sum_k e^{z_k}$, summed over the column's
 * entries. Each column of the result is a probability distribution: its
 * entries are ≥ 0 (> 0 while no entry is more than about 700 below its
 * column's maximum) and sum to 1. Computed stably, by subtracting the column's maximum
 * from each entry before `Math.exp`, which changes nothing on paper: the
 * result is finite, never NaN, for every finite `z`, even $|z| = 1000$.
 * Returns a new matrix of `z`'s shape and leaves `z` unchanged. Throws,
 * saying so, when `z` has no rows (an empty matrix).
 */
// #region softmax
export function softmax(z: Matrix): Matrix {
  throw new Error("Not implemented: softmax (kata 16-softmax, lesson katas/16-softmax/README.md)");
}
// #endregion softmax

/**
 * The log-likelihood cost of outputs `a` against one-hot targets `y` (each
 * column of `y` all 0s but for a single 1, in the row of the right answer
 * y): $-\ln a_y$ for one column (Nielsen's equation (80)), and for
 * matrices with one example per column, the sum over the columns (the cost
 * of a batch, without a $\frac1n$). It reads only $a_y$ of each column.
 * Finite even when $a_y = 0$: the logarithm of 0 is taken as
 * $\ln$ `Number.MIN_VALUE` ≈ −744.4, as kata 15's `crossEntropyCost` does.
 * Non-negative for entries in [0, 1], and 0 when every $a_y = 1$. Throws,
 * naming both shapes, when `a` and `y` differ in shape.
 */
export function logLikelihoodCost(a: Matrix, y: Matrix): number {
  throw new Error("Not implemented: logLikelihoodCost (kata 16-softmax, lesson katas/16-softmax/README.md)");
}

/**
 * The log-likelihood cost's output error for a softmax output layer,
 * $\delta^L = \partial C / \partial z^L = a - y$ (Nielsen's equation (84)),
 * for `a = softmax(z)` and one-hot `y`, column by column. `z` is not
 * needed; it is a parameter so that every cost's `delta` has the same
 * signature. Returns a new matrix and leaves `z`, `a` and `y` unchanged.
 * Throws, naming both shapes, when `a` and `y` differ in shape.
 */
export function logLikelihoodDelta(z: Matrix, a: Matrix, y: Matrix): Matrix {
  throw new Error("Not implemented: logLikelihoodDelta (kata 16-softmax, lesson katas/16-softmax/README.md)");
}

/** The log-likelihood cost with its output error $a - y$, for a softmax output layer. */
export const LogLikelihoodCost: Cost = { fn: logLikelihoodCost, delta: logLikelihoodDelta };
