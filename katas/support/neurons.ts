/** Test helpers for single neurons (katas 03 and 04). */
import fc from "fast-check";

/**
 * A neuron's case: `n` weights, a bias and `n` inputs, every number drawn
 * from `entry`, with `n` between `minInputs` and `maxInputs`.
 */
export function neuronCaseArb(
  entry: fc.Arbitrary<number>,
  { minInputs, maxInputs }: { minInputs: number; maxInputs: number },
): fc.Arbitrary<[number[], number, number[]]> {
  return fc
    .integer({ min: minInputs, max: maxInputs })
    .chain((n) => fc.tuple(fc.array(entry, { minLength: n, maxLength: n }), entry, fc.array(entry, { minLength: n, maxLength: n })));
}

/** The weighted input $z = w \cdot x + b$, with a plain loop. */
export function weightedInput(weights: readonly number[], bias: number, inputs: readonly number[]): number {
  let z = bias;
  for (let j = 0; j < weights.length; j++) z += weights[j] * inputs[j];
  return z;
}
