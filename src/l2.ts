/**
 * Kata 18 · L2 regularisation.
 *
 * Nielsen, chapter 3, section *Overfitting and regularization*, subsection
 * *Regularization*. L2 regularisation adds $\frac{\lambda}{2n} \sum_w w^2$
 * to the cost, where n is the size of the whole training set. Its gradient
 * adds $\frac{\lambda}{n} w$ to every weight's, so the gradient-descent step
 * first shrinks every weight by the factor $1 - \frac{\eta\lambda}{n}$
 * (weight decay) and then takes the usual step; the biases are not
 * regularised, and step as before. As `network2.py`'s `update_mini_batch`.
 * Lesson: `katas/18-regularisation/README.md`.
 *
 * @module
 */
import type { Cost } from "./costs.ts";
import type { Matrix } from "./matrix.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** One regularised step's settings. */
// #region l2-step
export interface L2Step {
  /** η, the learning rate: finite and > 0 (Nielsen's chapter-3 recipe: 0.5). */
  readonly eta: number;
  /** λ, the regularisation parameter: finite and ≥ 0, 0 for none (Nielsen: 5.0 for n = 50,000). */
  readonly lambda: number;
  /** n, the number of images in the whole training set (not in the mini-batch): a positive integer. */
  readonly n: number;
  /** The unregularised cost $C_x$ whose gradient backpropagation computes (kata 15). */
  readonly cost: Cost;
}
// #endregion l2-step

/**
 * One step of gradient descent on the L2-regularised cost, for a mini-batch
 * given as matrices (`X` is `sizes[0] × m`, `Y` is `sizes[L − 1] × m`, one
 * example per column). With the mean gradient of the unregularised cost over
 * the m columns, from `backpropWithCost(net, X, Y, step.cost)` (kata 15),
 * every weight becomes $(1 - \eta\lambda/n)\,w - \eta\,\overline{\nabla_w C_x}$
 * (Nielsen's equation (93)) and every bias $b - \eta\,\overline{\nabla_b C_x}$
 * (his (94): the biases are not decayed). The gradient is that of the network
 * before the step. `n` is the size of the whole training set, not m. This is
 * a step of $-\eta$ times the gradient of
 * $C = \frac1m \sum_x C_x + \frac{\lambda}{2n} \sum_w w^2$.
 * Changes `net` in place. Throws a RangeError, naming the value, when `eta`
 * is not a finite number > 0, `lambda` not a finite number ≥ 0, or `n` not a
 * positive integer; `net` is then unchanged.
 */
export function updateMiniBatchL2(net: Network, X: Matrix, Y: Matrix, step: L2Step): void {
  throw new Error("Not implemented: updateMiniBatchL2 (kata 18-regularisation, lesson katas/18-regularisation/README.md)");
}

/** The options of one regularised epoch: kata 12's `EpochOptions` with λ and the cost. */
export interface L2EpochOptions {
  /** m, the number of images per gradient step (Nielsen: 10): a positive integer. */
  readonly miniBatchSize: number;
  /** η, the learning rate (Nielsen's chapter-3 recipe: 0.5). */
  readonly eta: number;
  /** λ, the regularisation parameter (Nielsen: 5.0 for his 50,000 training images). */
  readonly lambda: number;
  /** The unregularised cost (kata 15's `CrossEntropyCost` in chapter 3). */
  readonly cost: Cost;
  /** Shuffles the order of the images. */
  readonly rng: Rng;
  /** Called after each mini-batch's step, with how many are done (1 after the first) and how many there are. */
  readonly onMiniBatch?: (done: number, total: number) => void;
}

/**
 * One epoch of regularised mini-batch SGD on an MNIST set, exactly as kata
 * 12's `trainEpoch`: shuffle the image indices `[0, 1, …, count − 1]` with
 * `shuffle` (kata 10) and `options.rng`, cut them in order into mini-batches
 * of `miniBatchSize` (the last may be smaller), make each one with
 * `miniBatchOf` (kata 12), and take one `updateMiniBatchL2` step on each,
 * with `n = set.count`. Changes `net` in place. Throws a RangeError, naming
 * the value, when `miniBatchSize` is not a positive integer, or when `eta`
 * or `lambda` is not what `updateMiniBatchL2` accepts, before changing `net`.
 */
export function trainEpochL2(net: Network, set: MnistSet, options: L2EpochOptions): void {
  throw new Error("Not implemented: trainEpochL2 (kata 18-regularisation, lesson katas/18-regularisation/README.md)");
}
