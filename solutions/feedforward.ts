/**
 * Kata 06 · Feedforward — reference solution.
 *
 * Nielsen's `Network.feedforward`: the input goes in at the first layer, and
 * each layer turns the previous layer's activations into its own with
 * equation (22), $a' = \sigma(w a + b)$.
 *
 * @module
 */
import { add, type Matrix, map, matmul } from "./matrix.ts";
import type { Network } from "./network.ts";
import { sigmoid } from "./sigmoid.ts";

/**
 * The network's output for input a (sizes[0]×1): a ← σ(w a + b) layer by
 * layer. Throws, naming the shapes, when a is not sizes[0]×1.
 *
 * Nielsen's version, line for line:
 *
 *     for b, w in zip(self.biases, self.weights):
 *         a = sigmoid(np.dot(w, a)+b)
 *     return a
 */
export function feedforward(net: Network, a: Matrix): Matrix {
  const n = net.sizes[0];
  if (a.rows !== n || a.cols !== 1) {
    // Checked here, not left to matmul: its message would name the weight
    // matrix, not what the caller got wrong (the input).
    throw new RangeError(`feedforward: the input must be ${n}×1 (one column, one entry per input neuron), got ${a.rows}×${a.cols}`);
  }
  for (let l = 0; l < net.weights.length; l++) {
    // z = w a + b, the weighted input; then σ applied entry by entry. `a` is
    // rebound to a new matrix, so the caller's input is never changed.
    const z = add(matmul(net.weights[l], a), net.biases[l]);
    a = map(z, sigmoid);
  }
  return a;
}
