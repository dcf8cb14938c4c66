/**
 * Test helpers for the katas that draw a network's parameters (05's
 * `createNetwork`, 17's `defaultWeightInitializer`): a fake generator that
 * shows the order of the draws, and the shapes a network of given sizes
 * must have. Like `networks.ts`, they never call the code under test.
 */
import assert from "node:assert/strict";
import type { Matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import type { Rng } from "#nn/random.ts";

/**
 * A fake generator whose normal() returns 0, 1, 2, … in turn: a network built
 * from it shows in which order its parameters were drawn (and, scaled, by
 * how much). It refuses uniform(): a network's parameters are normal numbers.
 */
export function countingRng(): Rng & { readonly count: number } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    normal: () => count++,
    uniform: () => {
      throw new Error("a network's biases and weights are drawn with rng.normal(), not rng.uniform()");
    },
  };
}

/** A matrix's shape, as in `30×784`. */
export const shapeOf = (m: Matrix) => `${m.rows}×${m.cols}`;

/** A matrix's entries, row by row. */
export const rowsOf = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.slice(i * m.cols, (i + 1) * m.cols)));

/** How many biases and weights a network of these sizes has. */
export const parameterCount = (sizes: readonly number[]) => sizes.slice(1).reduce((sum, n, i) => sum + n + n * sizes[i], 0);

/** Asserts that `net` has the sizes it was made for, a bias vector sizes[i+1]×1 and a weight matrix sizes[i+1]×sizes[i] for every layer but the input. */
export function assertLayerShapes(net: Network, sizes: readonly number[]): void {
  assert.deepEqual(net.sizes, sizes);
  assert.equal(net.biases.length, sizes.length - 1, "one bias vector per layer after the input layer");
  assert.equal(net.weights.length, sizes.length - 1, "one weight matrix per pair of neighbouring layers");
  for (let i = 0; i < sizes.length - 1; i++) {
    assert.equal(shapeOf(net.biases[i]), `${sizes[i + 1]}×1`, `biases[${i}]`);
    assert.equal(shapeOf(net.weights[i]), `${sizes[i + 1]}×${sizes[i]}`, `weights[${i}]`);
    assert.equal(net.weights[i].data.length, sizes[i + 1] * sizes[i], `weights[${i}].data.length`);
  }
}
