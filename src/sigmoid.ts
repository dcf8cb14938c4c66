/**
 * Kata 04 · Sigmoid neurons.
 *
 * The perceptron's step from 0 to 1, smoothed into the sigmoid curve, so that
 * a small change in a weight makes a small change in the output. The network
 * of the later katas is made of these neurons.
 *
 * Lesson: `katas/04-sigmoid/README.md`.
 *
 * @module
 */

/**
 * The sigmoid function, Nielsen's equation (3): $\sigma(z) = 1/(1 + e^{-z})$.
 * It must be finite, and never NaN, for every finite $z$, even $z = \pm 1000$
 * where $e^{\pm z}$ overflows.
 */
// #region sigmoid
export function sigmoid(z: number): number {
  throw new Error("Not implemented: sigmoid (kata 04-sigmoid, lesson katas/04-sigmoid/README.md)");
}
// #endregion sigmoid

/**
 * The derivative of the sigmoid, $\sigma'(z) = \sigma(z)(1 - \sigma(z))$:
 * between 0 and $1/4$ (up to rounding), largest at $z = 0$, and never NaN.
 */
export function sigmoidPrime(z: number): number {
  throw new Error("Not implemented: sigmoidPrime (kata 04-sigmoid, lesson katas/04-sigmoid/README.md)");
}

/**
 * A sigmoid neuron: return a function of the inputs $x$ that outputs
 * $\sigma(w \cdot x + b)$. The function throws, naming both lengths, when
 * `inputs.length !== weights.length`.
 */
export function sigmoidNeuron(weights: readonly number[], bias: number): (inputs: readonly number[]) => number {
  throw new Error("Not implemented: sigmoidNeuron (kata 04-sigmoid, lesson katas/04-sigmoid/README.md)");
}
