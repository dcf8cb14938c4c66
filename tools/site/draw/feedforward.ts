/**
 * The network's output in the browser: Nielsen's feedforward, a ← σ(w a + b)
 * layer by layer, on plain arrays. Kata 06 is the learner's version; this
 * one runs on the page without the course's matrix type, summing in the
 * same order as the reference `matmul`, so it gives the same numbers.
 */
import type { Model } from "./model.ts";

/** The ten output activations for a 784-value input. Throws, in one line, when the input's length is not the model's first size. */
export function feedforward(model: Model, input: ArrayLike<number>): Float64Array {
  if (input.length !== model.sizes[0])
    throw new RangeError(`feedforward: the input must hold ${model.sizes[0]} values, got ${input.length}`);
  let a = Float64Array.from(input);
  for (let l = 0; l < model.weights.length; l++) {
    const [w, b] = [model.weights[l], model.biases[l]];
    const next = new Float64Array(b.length);
    for (let i = 0; i < b.length; i++) {
      let z = 0;
      for (let k = 0; k < a.length; k++) z += w[i * a.length + k] * a[k];
      next[i] = 1 / (1 + Math.exp(-(z + b[i])));
    }
    a = next;
  }
  return a;
}

/** The index of the largest value, the first on a tie: the network's answer, as kata 07's argmax. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
