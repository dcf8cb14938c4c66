/**
 * Kata 08 · The quadratic cost — reference solution.
 *
 * Nielsen's equation (6), $C(w, b) = \frac{1}{2n} \sum_x \lVert y(x) - a \rVert^2$,
 * measures how far the network's outputs are from the desired ones. Learning
 * will mean making it small, so we need its value and its derivative with
 * respect to the output activations.
 *
 * @module
 */

import { feedforward } from "./feedforward.ts";
import { type Matrix, sub } from "./matrix.ts";
import type { Example, Network } from "./network.ts";

const shape = (m: Matrix) => `${m.rows}×${m.cols}`;

/**
 * The quadratic cost $C = \frac{1}{2n} \sum_x \lVert y(x) - a \rVert^2$ over
 * $n$ pairs of outputs $a$ and targets $y(x)$ (`outputs[i]` goes with
 * `targets[i]`). Throws, naming both, when the counts differ, when a pair's
 * shapes differ (even with as many entries, as 2×1 and 1×2), or when there
 * are no pairs at all (the mean of nothing). Leaves its arguments unchanged.
 */
export function quadraticCost(outputs: readonly Matrix[], targets: readonly Matrix[]): number {
  const n = outputs.length;
  if (n !== targets.length) {
    throw new RangeError(`quadraticCost: ${n} outputs but ${targets.length} targets; they must pair up one to one`);
  }
  if (n === 0) throw new RangeError("quadraticCost: no outputs and no targets; the cost is a mean, so it needs at least one pair");
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const [a, y] = [outputs[i], targets[i]];
    if (a.rows !== y.rows || a.cols !== y.cols) {
      throw new RangeError(`quadraticCost: output ${i} is ${shape(a)} but target ${i} is ${shape(y)}`);
    }
    // ‖y − a‖², the squared length of the error vector.
    for (let k = 0; k < a.data.length; k++) sum += (y.data[k] - a.data[k]) ** 2;
  }
  // The ½ makes the derivative clean (kata 09); the 1/n makes C an average,
  // so it does not grow with the size of the data set.
  return sum / (2 * n);
}

/**
 * $\partial C_x / \partial a = a - y$: the gradient of one example's cost
 * $C_x = \tfrac12 \lVert y - a \rVert^2$ with respect to the output
 * activations. Nielsen's `cost_derivative`. Throws, naming both shapes,
 * unless they are equal (a 2×1 `a` and a 1×2 `y` differ). Returns a new
 * matrix and leaves `a` and `y` unchanged.
 */
export function costDerivative(outputActivations: Matrix, y: Matrix): Matrix {
  // The ½ cancels the 2 from differentiating the square, and the sign is
  // a − y: the cost rises as a moves away from y.
  return sub(outputActivations, y);
}

/**
 * The network's quadratic cost on a data set: {@link quadraticCost} of
 * `feedforward(net, x)` against `y`, over every example $(x, y)$. Leaves the
 * network and the data unchanged.
 */
export function networkCost(net: Network, data: readonly Example[]): number {
  return quadraticCost(
    data.map(({ x }) => feedforward(net, x)),
    data.map(({ y }) => y),
  );
}
