/**
 * Kata 16 · Softmax — reference solution.
 *
 * Nielsen, chapter 3, section *Softmax* (part of *The cross-entropy cost
 * function*): an output layer whose activations form a probability
 * distribution, $a_j = e^{z_j} / \sum_k e^{z_k}$ (his equation (78)),
 * trained with the log-likelihood cost $C = -\ln a_y$ (his equation (80)),
 * whose output error is again $\delta^L = a^L - y$ (his equation (84)): the
 * same as a sigmoid output layer with the cross-entropy cost. Matrices hold
 * one example per column, as in kata 11.
 *
 * @module
 */
import type { Cost } from "./costs.ts";
import { type Matrix, sub } from "./matrix.ts";

const shape = (m: Matrix) => `${m.rows}×${m.cols}`;

function checkSameShape(name: string, a: Matrix, y: Matrix): void {
  if (a.rows !== y.rows || a.cols !== y.cols) {
    throw new RangeError(`${name}: a is ${shape(a)} but y is ${shape(y)}; they must have the same shape`);
  }
}

/** ln v, with v floored at the smallest positive double: ln 0 becomes about −744.4 instead of −∞ (as kata 15's cost). */
const safeLog = (v: number) => Math.log(Math.max(v, Number.MIN_VALUE));

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
export function softmax(z: Matrix): Matrix {
  if (z.rows === 0) {
    throw new RangeError(`softmax: z is ${shape(z)}, an empty matrix: a column needs at least one entry to make a distribution`);
  }
  const { rows, cols } = z;
  const a = Float64Array.from(z.data); // a copy: z stays as it was
  for (let j = 0; j < cols; j++) {
    // The column's maximum m: every e^{z_k − m} is at most e^0 = 1, so nothing overflows, and the sum is at least 1.
    let max = -Infinity;
    for (let i = 0; i < rows; i++) max = Math.max(max, a[i * cols + j]);
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const e = Math.exp(a[i * cols + j] - max);
      a[i * cols + j] = e;
      sum += e;
    }
    for (let i = 0; i < rows; i++) a[i * cols + j] /= sum;
  }
  return { rows, cols, data: a };
}

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
  checkSameShape("logLikelihoodCost", a, y);
  let cost = 0;
  for (let k = 0; k < a.data.length; k++) {
    // y is one-hot: in each column, only the entry of the right answer counts.
    if (y.data[k] === 1) cost -= safeLog(a.data[k]);
  }
  return cost;
}

/**
 * The log-likelihood cost's output error for a softmax output layer,
 * $\delta^L = \partial C / \partial z^L = a - y$ (Nielsen's equation (84)),
 * for `a = softmax(z)` and one-hot `y`, column by column. `z` is not
 * needed; it is a parameter so that every cost's `delta` has the same
 * signature. Returns a new matrix and leaves `z`, `a` and `y` unchanged.
 * Throws, naming both shapes, when `a` and `y` differ in shape.
 */
// biome-ignore lint/correctness/noUnusedFunctionParameters: every cost's delta takes z, as in network2.py; this one does not need it.
export function logLikelihoodDelta(z: Matrix, a: Matrix, y: Matrix): Matrix {
  checkSameShape("logLikelihoodDelta", a, y);
  return sub(a, y);
}

/** The log-likelihood cost with its output error $a - y$, for a softmax output layer. */
export const LogLikelihoodCost: Cost = { fn: logLikelihoodCost, delta: logLikelihoodDelta };
