/**
 * Kata 08 · The quadratic cost.
 *
 * Nielsen's equation (6), $C(w, b) = \frac{1}{2n} \sum_x \lVert y(x) - a \rVert^2$,
 * measures how far the network's outputs are from the desired ones: its
 * value, and its derivative with respect to the output activations, which
 * backpropagation (kata 09) starts from.
 * Lesson: `katas/08-cost/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";
import type { Example, Network } from "./network.ts";

/**
 * The quadratic cost $C = \frac{1}{2n} \sum_x \lVert y(x) - a \rVert^2$ over
 * $n$ pairs of outputs $a$ and targets $y(x)$ (`outputs[i]` goes with
 * `targets[i]`). Throws, naming both, when the counts differ, when a pair's
 * shapes differ (even with as many entries, as 2×1 and 1×2), or when there
 * are no pairs at all (the mean of nothing). Leaves its arguments unchanged.
 */
export function quadraticCost(outputs: readonly Matrix[], targets: readonly Matrix[]): number {
  throw new Error("Not implemented: quadraticCost (kata 08-cost, lesson katas/08-cost/README.md)");
}

/**
 * $\partial C_x / \partial a = a - y$: the gradient of one example's cost
 * $C_x = \tfrac12 \lVert y - a \rVert^2$ with respect to the output
 * activations. Nielsen's `cost_derivative`. Throws, naming both shapes,
 * unless they are equal (a 2×1 `a` and a 1×2 `y` differ). Returns a new
 * matrix and leaves `a` and `y` unchanged.
 */
export function costDerivative(outputActivations: Matrix, y: Matrix): Matrix {
  throw new Error("Not implemented: costDerivative (kata 08-cost, lesson katas/08-cost/README.md)");
}

/**
 * The network's quadratic cost on a data set: `quadraticCost` of
 * `feedforward(net, x)` against `y`, over every example $(x, y)$. Leaves the
 * network and the data unchanged.
 */
export function networkCost(net: Network, data: readonly Example[]): number {
  throw new Error("Not implemented: networkCost (kata 08-cost, lesson katas/08-cost/README.md)");
}
