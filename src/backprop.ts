/**
 * Kata 09 · Backpropagation.
 *
 * Nielsen's `backprop`: one forward pass that remembers every weighted input
 * $z^l$ and activation $a^l$, then one backward pass that turns the output
 * error into the error $\delta^l$ of every layer (BP1, BP2) and reads the
 * gradient off it (BP3, BP4).
 * Lesson: `katas/09-backprop/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";
import type { Network } from "./network.ts";

/**
 * The gradient of the cost, one matrix per layer: `nablaB[i]` has the shape
 * of `biases[i]` and holds $\partial C / \partial b$; `nablaW[i]` has the
 * shape of `weights[i]` and holds $\partial C / \partial w$.
 */
export interface Gradient {
  readonly nablaB: Matrix[];
  readonly nablaW: Matrix[];
}

/**
 * Backpropagation for one training example $(x, y)$: the gradient of
 * $C_x = \tfrac12 \lVert y - a^L \rVert^2$ with respect to every bias and
 * weight, by the four equations (Nielsen's numbering: the input is layer 1)
 * BP1 $\delta^L = \nabla_a C \odot \sigma'(z^L)$, for this cost
 * $\delta^L = (a^L - y) \odot \sigma'(z^L)$ (Nielsen's equation 30),
 * BP2 $\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)$,
 * BP3 $\partial C / \partial b^l = \delta^l$ and
 * BP4 $\partial C / \partial w^l = \delta^l (a^{l-1})^T$.
 * Leaves `net`, `x` and `y` unchanged. Throws when `y` is not shaped like
 * the output layer, naming both shapes (`y is 3×1, but the output layer is
 * 2×1`), even when it has as many entries (a 1×2 `y` for a 2×1 output
 * layer): `a^L - y` would otherwise fail inside `sub`, or not at all.
 */
// #region backprop
export function backprop(net: Network, x: Matrix, y: Matrix): Gradient {
  throw new Error("Not implemented: backprop (kata 09-backprop, lesson katas/09-backprop/README.md)");
}
// #endregion backprop
