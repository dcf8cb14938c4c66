/**
 * Kata 06 · Feedforward.
 *
 * Nielsen's `Network.feedforward`: the input goes in at the first layer, and
 * each layer turns the previous layer's activations into its own with
 * $a' = \sigma(w a + b)$.
 * Lesson: `katas/06-feedforward/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";
import type { Network } from "./network.ts";

/**
 * The network's output for input a (sizes[0]×1): a ← σ(w a + b) layer by
 * layer, that is $a^l = \sigma(w^l a^{l-1} + b^l)$ for $l = 2, \ldots, L$
 * from $a^1 = x$ (Nielsen's numbering: the input is layer 1), the output
 * layer included. Throws, naming the shape it needs and the shape it got, when
 * a is not sizes[0]×1 (`the input should be 3×1, got 2×1`). Leaves `a` and
 * the network unchanged.
 */
export function feedforward(net: Network, a: Matrix): Matrix {
  throw new Error("Not implemented: feedforward (kata 06-feedforward, lesson katas/06-feedforward/README.md)");
}
