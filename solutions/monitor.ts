/**
 * Kata 19 · Watching training, stopping early — reference solution.
 *
 * Nielsen, chapter 3, sections *Overfitting and regularization* and *How to
 * choose a neural network's hyper-parameters?*. What `network2.py` watches
 * after every epoch (the cost and the accuracy, on the training data and on
 * held-out data), the no-improvement-in-n rule that stops training once the
 * validation accuracy has stopped improving, and `network2.py`'s `save` and
 * `load`: a network as JSON.
 *
 * @module
 */
import { feedforwardBatch } from "./batch.ts";
import type { Cost } from "./costs.ts";
import type { Matrix } from "./matrix.ts";
import type { MnistSet } from "./mnist.ts";
import type { Network } from "./network.ts";
import { miniBatchOf } from "./train.ts";

/** How many images `totalCost` pushes through the network at once. */
const COST_BATCH = 500;

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
  if (set.count === 0) throw new RangeError("totalCost: the set is empty, and the mean cost of 0 images is not defined");
  if (!Number.isFinite(lambda) || lambda < 0) {
    throw new RangeError(`totalCost: λ must be a finite number ≥ 0, got ${lambda}`);
  }
  const n = set.count;
  let sum = 0;
  for (let start = 0; start < n; start += COST_BATCH) {
    const indices = Array.from({ length: Math.min(COST_BATCH, n - start) }, (_, j) => start + j);
    const { X, Y } = miniBatchOf(set, indices);
    sum += cost.fn(feedforwardBatch(net, X), Y);
  }
  let squares = 0;
  for (const w of net.weights) for (const value of w.data) squares += value * value;
  return sum / n + (lambda / (2 * n)) * squares;
}

/**
 * The epoch with the best accuracy: the index of the first maximum of
 * `accuracies` (one entry per epoch, from epoch 0). An epoch improves on the
 * best so far only by being strictly greater, so a tie keeps the earlier
 * epoch. Throws when `accuracies` is empty: no epoch yet.
 */
export function bestEpoch(accuracies: readonly number[]): number {
  if (accuracies.length === 0) throw new RangeError("bestEpoch: no accuracies, so no best epoch: train one epoch first");
  let best = 0;
  for (let epoch = 1; epoch < accuracies.length; epoch++) {
    if (accuracies[epoch] > accuracies[best]) best = epoch;
  }
  return best;
}

/**
 * The no-improvement-in-n rule, n = `patience`: true exactly when the last
 * `patience` epochs brought no improvement on the best accuracy before them,
 * that is when `accuracies.length − 1 − bestEpoch(accuracies) ≥ patience`.
 * A tie with the best is no improvement. False for an empty list (no epoch
 * has run, so none has failed to improve). Throws, naming it, unless
 * `patience` is a positive integer, even when the list is empty.
 */
export function shouldStopEarly(accuracies: readonly number[], patience: number): boolean {
  if (!Number.isInteger(patience) || patience < 1) {
    throw new RangeError(`shouldStopEarly: patience must be a positive integer (a number of epochs), got ${patience}`);
  }
  if (accuracies.length === 0) return false;
  return accuracies.length - 1 - bestEpoch(accuracies) >= patience;
}

/** A matrix as JSON keeps it: its shape and its entries, row by row, as plain numbers. */
interface StoredMatrix {
  rows: number;
  cols: number;
  data: number[];
}

const store = (m: Matrix): StoredMatrix => ({ rows: m.rows, cols: m.cols, data: Array.from(m.data) });

/**
 * The network as JSON text, like `network2.py`'s `save`: an object with
 * `sizes`, `biases` and `weights`, each matrix as `{ rows, cols, data }` with
 * `data` its entries row by row (the fields of the model files `npm start`
 * writes). JSON numbers keep every double exactly (only −0 becomes 0), so
 * {@link loadNetwork} gives back the same network.
 */
export function saveNetwork(net: Network): string {
  return JSON.stringify({ sizes: [...net.sizes], biases: net.biases.map(store), weights: net.weights.map(store) });
}

function fail(problem: string): never {
  throw new Error(`loadNetwork: ${problem}`);
}

const shown = (value: unknown) => (typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value)));

function restore(what: string, stored: unknown, rows: number, cols: number): Matrix {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    fail(`${what} must be a matrix { rows, cols, data }, got ${shown(stored)}`);
  }
  const { rows: r, cols: c, data } = stored as Partial<Record<keyof StoredMatrix, unknown>>;
  if (r !== rows || c !== cols) fail(`${what} is ${shown(r)}×${shown(c)}, but the layer sizes need ${rows}×${cols}`);
  if (!Array.isArray(data) || data.length !== rows * cols) {
    fail(`${what}.data must be a list of ${rows * cols} numbers (${rows}×${cols}, row by row)`);
  }
  const bad = data.findIndex((value) => typeof value !== "number" || !Number.isFinite(value));
  if (bad >= 0) fail(`${what}.data[${bad}] is ${shown(data[bad])}, not a finite number`);
  return { rows, cols, data: Float64Array.from(data as number[]) };
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    fail(`the text is not JSON (${String((error as Error).message).split("\n")[0]})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    fail(`expected a JSON object with sizes, biases and weights, got ${shown(parsed)}`);
  }
  const file = parsed as Record<string, unknown>;
  for (const field of ["sizes", "biases", "weights"]) {
    if (!(field in file)) fail(`the field ${field} is missing (a network needs sizes, biases and weights)`);
  }
  const { sizes, biases, weights } = file;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) {
    fail(`sizes must be a list of at least 2 positive integers, got ${shown(sizes)}`);
  }
  for (const [name, list] of [
    ["biases", biases],
    ["weights", weights],
  ] as const) {
    if (!Array.isArray(list)) fail(`${name} must be a list of matrices, got ${shown(list)}`);
    if (list.length !== sizes.length - 1) {
      fail(
        `${name} holds ${list.length} matrices, but sizes [${sizes.join(", ")}] need ${sizes.length - 1}, one per layer after the input`,
      );
    }
  }
  const layers = sizes.slice(1) as number[];
  return {
    sizes: [...sizes] as number[],
    biases: layers.map((n, l) => restore(`biases[${l}]`, (biases as unknown[])[l], n, 1)),
    weights: layers.map((n, l) => restore(`weights[${l}]`, (weights as unknown[])[l], n, sizes[l])),
  };
}
