/**
 * Kata 17 · Weight initialisation.
 *
 * Nielsen, chapter 3, section *Weight initialization*: `network2.py`'s
 * `default_weight_initializer`. Chapter 1 drew every weight from
 * $N(0, 1)$; a neuron with many inputs then starts with a huge weighted
 * input $z$, its sigmoid saturated and its learning slow. Drawing the
 * weights into a neuron with $n_{\text{in}}$ inputs from
 * $N(0, 1/n_{\text{in}})$ instead keeps $z$ near 0. The biases stay
 * $N(0, 1)$.
 * Lesson: `katas/17-initialisation/README.md`.
 *
 * @module
 */
import type { Network } from "./network.ts";
import type { Rng } from "./random.ts";

/**
 * Nielsen's `default_weight_initializer`: every bias from $N(0, 1)$, and
 * every weight into a layer of `sizes[i]` inputs from $N(0, 1/\text{sizes}[i])$,
 * that is `rng.normal() / Math.sqrt(sizes[i])`, with standard deviation
 * $1/\sqrt{n_{\text{in}}}$.
 *
 * The draws are kata 05's `createNetwork`'s, in the same order: first every
 * bias, layer by layer, then every weight, layer by layer, each matrix row by
 * row, exactly one `rng.normal()` per parameter and no `rng.uniform()`. So,
 * from the same seed, the biases are `createNetwork`'s exactly, and
 * `weights[i]` is `createNetwork`'s `weights[i]` divided by
 * $\sqrt{\text{sizes}[i]}$ (up to rounding).
 *
 * The shapes are `createNetwork`'s (`biases[i]` is `sizes[i+1] × 1`,
 * `weights[i]` is `sizes[i+1] × sizes[i]`), and `sizes` is copied into the
 * network. Throws, as `createNetwork` does, for fewer than 2 layers (saying
 * that a network needs 2 layers, and how many it got), or for a size that is
 * not a positive integer, naming its index and its value
 * (`sizes[1] is 0, not a positive integer`).
 */
// #region default-weight-initializer
export function defaultWeightInitializer(sizes: readonly number[], rng: Rng): Network {
  throw new Error("Not implemented: defaultWeightInitializer (kata 17-initialisation, lesson katas/17-initialisation/README.md)");
}
// #endregion default-weight-initializer
