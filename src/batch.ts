/**
 * Kata 11 · The whole mini-batch at once.
 *
 * Nielsen's problem "Fully matrix-based approach to backpropagation over a
 * mini-batch", at the end of chapter 2's section *The code for
 * backpropagation*: instead of looping over the examples of a
 * mini-batch, stack them as the columns of one matrix $X = [x_1 \dots x_m]$
 * and run feedforward and backpropagation on all of them together. The
 * gradient is the same; the code is faster, because a few large matrix
 * products beat many small ones. This is the path the trainer uses.
 * Lesson: `katas/11-matrix-backprop/README.md`.
 *
 * @module
 */
import type { Gradient } from "./backprop.ts";
import type { Matrix } from "./matrix.ts";
import type { Network } from "./network.ts";

/**
 * The outputs for a whole batch: `X` is `sizes[0] × m`, one input per
 * column; the result is `sizes[L − 1] × m` (L = `sizes.length`), column j being
 * `feedforward(net, x_j)`. Layer by layer, $A \leftarrow \sigma(W A + b\,1^T)$:
 * the bias is added to every column. Throws, naming X's shape (`X is 4×2,
 * but the network takes 3 rows`), when `X` does not have `sizes[0]` rows.
 */
export function feedforwardBatch(net: Network, X: Matrix): Matrix {
  throw new Error("Not implemented: feedforwardBatch (kata 11-matrix-backprop, lesson katas/11-matrix-backprop/README.md)");
}

/**
 * Backpropagation for a whole mini-batch: `X` is `sizes[0] × m` (inputs as
 * columns), `Y` is `sizes[L − 1] × m` (desired outputs as columns). Returns the
 * **mean** gradient over the m examples, which equals the mean of
 * `backprop(net, x_j, y_j)` over the columns. Throws, naming the shape that
 * does not fit (`Y is 3×5, but the network's output is 2×5`), when `X` and
 * `Y` do not fit the network or each other.
 */
export function backpropBatch(net: Network, X: Matrix, Y: Matrix): Gradient {
  throw new Error("Not implemented: backpropBatch (kata 11-matrix-backprop, lesson katas/11-matrix-backprop/README.md)");
}

/**
 * One gradient-descent step on a mini-batch given as matrices: the same
 * step as `updateMiniBatch` (kata 10) on the examples `(x_j, y_j)`, that is
 * $w \rightarrow w - \eta \overline{\nabla w}$ and $b \rightarrow b - \eta \overline{\nabla b}$
 * with the mean gradient. Changes `net` in place.
 */
export function updateMiniBatchMatrix(net: Network, X: Matrix, Y: Matrix, eta: number): void {
  throw new Error("Not implemented: updateMiniBatchMatrix (kata 11-matrix-backprop, lesson katas/11-matrix-backprop/README.md)");
}
