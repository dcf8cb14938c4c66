/**
 * Kata 19 · Watching training, stopping early.
 *
 * Nielsen, chapter 3, sections *Overfitting and regularization* and *How to
 * choose a neural network's hyper-parameters?*. What `network2.py` watches
 * after every epoch (the cost and the accuracy, on the training data and on
 * held-out data), the no-improvement-in-n rule that stops training once the
 * validation accuracy has stopped improving, and `network2.py`'s `save` and
 * `load`: a network as JSON.
 * Lesson: `katas/19-early-stopping/README.md`.
 *
 * @module
 */
import type { Cost } from "./costs.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";

/**
 * The total cost of `net` on a set, as `network2.py`'s `total_cost`:
 * $\frac1n \sum_x C_x + \frac{\lambda}{2n} \sum_w w^2$, with n = `set.count`,
 * $C_x$ = `cost.fn(a, y)` for image x's output `a` and the one-hot `y` of its
 * label (kata 02's `oneHot`), and the second sum over every weight of every
 * layer (not the biases). λ = 0 gives the plain mean cost. Computed a batch
 * of images at a time, with kata 12's `miniBatchOf` and kata 11's
 * `feedforwardBatch` (a `cost.fn` given a batch sums over its columns), so
 * the whole set is never one huge matrix; the result is the mean over the
 * images however they are cut into batches. Throws on an empty set (the mean
 * of no images), and on a λ that is negative or not finite, naming it.
 */
export function totalCost(net: Network, set: MnistSet, cost: Cost, lambda: number): number {
  throw new Error("Not implemented: totalCost (kata 19-early-stopping, lesson katas/19-early-stopping/README.md)");
}

/**
 * The epoch with the best accuracy: the index of the first maximum of
 * `accuracies` (one entry per epoch, from epoch 0). An epoch improves on the
 * best so far only by being strictly greater, so a tie keeps the earlier
 * epoch. Throws when `accuracies` is empty: no epoch yet.
 */
export function bestEpoch(accuracies: readonly number[]): number {
  throw new Error("Not implemented: bestEpoch (kata 19-early-stopping, lesson katas/19-early-stopping/README.md)");
}

/**
 * The no-improvement-in-n rule, n = `patience`: true exactly when the last
 * `patience` epochs brought no improvement on the best accuracy before them,
 * that is when `accuracies.length − 1 − bestEpoch(accuracies) ≥ patience`.
 * A tie with the best is no improvement. False for an empty list (no epoch
 * has run, so none has failed to improve). Throws, naming it, unless
 * `patience` is a positive integer, even when the list is empty.
 */
// #region should-stop-early
export function shouldStopEarly(accuracies: readonly number[], patience: number): boolean {
  throw new Error("Not implemented: shouldStopEarly (kata 19-early-stopping, lesson katas/19-early-stopping/README.md)");
}
// #endregion should-stop-early

/**
 * The network as JSON text, like `network2.py`'s `save`: an object with
 * `sizes`, `biases` and `weights`, each matrix as `{ rows, cols, data }` with
 * `data` its entries row by row (the fields of the model files `npm start`
 * writes). JSON numbers keep every double exactly (only −0 becomes 0), so
 * {@link loadNetwork} gives back the same network.
 */
export function saveNetwork(net: Network): string {
  throw new Error("Not implemented: saveNetwork (kata 19-early-stopping, lesson katas/19-early-stopping/README.md)");
}

/**
 * A network from the JSON text of {@link saveNetwork} (or of a model file
 * that `npm start` wrote: other fields are ignored), with new matrices that
 * hold `Float64Array`s. Checks everything, and throws a one-line error
 * saying what is wrong: text that is not JSON, or JSON that is not an
 * object; a missing field (naming it); `sizes` that is not a list of at
 * least 2 positive integers; a list of biases or weights with a matrix too
 * many or too few (naming the list); a matrix whose shape does not chain
 * (`biases[l]` must be `sizes[l+1]×1` and `weights[l]` `sizes[l+1]×sizes[l]`:
 * the error names the matrix, its shape and the shape it needs); and an
 * entry that is not a finite number (naming the matrix).
 */
export function loadNetwork(json: string): Network {
  throw new Error("Not implemented: loadNetwork (kata 19-early-stopping, lesson katas/19-early-stopping/README.md)");
}
