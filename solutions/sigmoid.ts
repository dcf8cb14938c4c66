/**
 * Kata 04 · Sigmoid neurons — reference solution.
 *
 * The perceptron's step, smoothed: $\sigma(z) = 1/(1 + e^{-z})$. A small
 * change in a weight now makes a small change in the output, which is what
 * lets a network learn.
 *
 * @module
 */

/**
 * The sigmoid function, Nielsen's equation (3): $\sigma(z) = 1/(1 + e^{-z})$.
 * Finite, never NaN, for every finite $z$.
 */
export function sigmoid(z: number): number {
  // Nielsen's formula exactly. For z < −709, e^{−z} overflows to Infinity,
  // and 1 / (1 + Infinity) = 0: the right limit, so no special case is needed.
  // (The equal-looking e^z / (1 + e^z) would give Infinity / Infinity = NaN
  // for z > 709.)
  return 1 / (1 + Math.exp(-z));
}

/**
 * The derivative of the sigmoid, $\sigma'(z) = \sigma(z)(1 - \sigma(z))$.
 * Between 0 and $1/4$, largest at $z = 0$.
 */
export function sigmoidPrime(z: number): number {
  // Written through σ itself, as in Nielsen's network.py: no exponential of
  // its own to overflow, and σ(z) is already known at both ends (0 and 1).
  const s = sigmoid(z);
  return s * (1 - s);
}

/**
 * A sigmoid neuron: the function of the inputs $x$ that outputs
 * $\sigma(w \cdot x + b)$. It throws, naming both lengths, when
 * `inputs.length !== weights.length`.
 */
export function sigmoidNeuron(weights: readonly number[], bias: number): (inputs: readonly number[]) => number {
  return (inputs) => {
    if (inputs.length !== weights.length) {
      throw new RangeError(`sigmoidNeuron: got ${inputs.length} inputs for ${weights.length} weights; they must match`);
    }
    // z = w · x + b, the weighted input: the same as a perceptron's.
    let z = bias;
    for (let j = 0; j < weights.length; j++) z += weights[j] * inputs[j];
    return sigmoid(z);
  };
}
