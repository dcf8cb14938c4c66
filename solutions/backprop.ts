/**
 * Kata 09 · Backpropagation — reference solution.
 *
 * Nielsen's `backprop`: one forward pass that remembers every weighted input
 * $z^l$ and activation $a^l$, then one backward pass that turns the output
 * error into the error $\delta^l$ of every layer (BP1, BP2) and reads the
 * gradient off it (BP3, BP4).
 *
 * @module
 */

import { costDerivative } from "./cost.ts";
import { add, hadamard, type Matrix, map, matmul, outer, transpose } from "./matrix.ts";
import type { Network } from "./network.ts";
import { sigmoid, sigmoidPrime } from "./sigmoid.ts";

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
export function backprop(net: Network, x: Matrix, y: Matrix): Gradient {
  const { biases, weights } = net;
  const layers = weights.length; // Nielsen's num_layers − 1: the layers that have weights.

  // Forward pass: store every z and every activation, layer by layer.
  // activations[0] is the input x; activations[l + 1] = σ(zs[l]).
  let activation = x;
  const activations: Matrix[] = [x];
  const zs: Matrix[] = [];
  for (let l = 0; l < layers; l++) {
    const z = add(matmul(weights[l], activation), biases[l]);
    zs.push(z);
    activation = map(z, sigmoid);
    activations.push(activation);
  }

  const nablaB: Matrix[] = new Array(layers);
  const nablaW: Matrix[] = new Array(layers);

  // Backward pass. BP1 for the quadratic cost (Nielsen's (30)): the error in the output layer.
  let delta = hadamard(costDerivative(activations[layers], y), map(zs[layers - 1], sigmoidPrime));
  nablaB[layers - 1] = delta; // BP3
  nablaW[layers - 1] = outer(delta, activations[layers - 1]); // BP4: δ (a^{L−1})ᵀ

  // BP2: move the error back one layer at a time. Nielsen counts l = 2, 3, …
  // from the end with negative indices; we count down with plain indices:
  // zs[l] and activations[l + 1] belong to the layer whose biases are biases[l]
  // (Nielsen's layer l + 2: his layer 1 is the input, which has no biases).
  for (let l = layers - 2; l >= 0; l--) {
    delta = hadamard(matmul(transpose(weights[l + 1]), delta), map(zs[l], sigmoidPrime));
    nablaB[l] = delta; // BP3
    nablaW[l] = outer(delta, activations[l]); // BP4: activations[l] holds the layer before
  }
  return { nablaB, nablaW };
}
