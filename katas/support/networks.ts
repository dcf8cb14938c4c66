/**
 * Test helpers for networks. Like `matrices.ts`, they build plain objects
 * and never call the code under test: a {@link Network} here is just
 * `{ sizes, biases, weights }` with random entries, and the oracles are the
 * textbook definitions written with plain loops.
 */
import fc from "fast-check";
import type { Matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import { type EntryRange, matrixArb } from "./matrices.ts";

export interface SizesOptions {
  /** Fewest layers, input and output included (default 2). */
  minLayers?: number;
  /** Most layers (default 4). */
  maxLayers?: number;
  /** Largest layer (default 6). */
  maxSize?: number;
}

/** Layer sizes such as [3, 5, 2]: small, so that properties run fast and shrink well. */
export function sizesArb({ minLayers = 2, maxLayers = 4, maxSize = 6 }: SizesOptions = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: minLayers, maxLength: maxLayers });
}

/** A network of the given sizes with random biases and weights in `range` (default [-3, 3]). */
export function networkOfSizesArb(sizes: readonly number[], range: EntryRange = { min: -3, max: 3 }): fc.Arbitrary<Network> {
  const layers = sizes.slice(1).map((_, l) => fc.tuple(matrixArb(sizes[l + 1], 1, range), matrixArb(sizes[l + 1], sizes[l], range)));
  return fc.tuple(...layers).map((pairs) => ({
    sizes: [...sizes],
    biases: pairs.map(([b]) => b),
    weights: pairs.map(([, w]) => w),
  }));
}

/** A random network of random sizes. */
export function networkArb(options: SizesOptions = {}, range?: EntryRange): fc.Arbitrary<Network> {
  return sizesArb(options).chain((sizes) => networkOfSizesArb(sizes, range));
}

/** An input for `net`: a sizes[0]×1 column with entries in [0, 1], like MNIST pixels. */
export function inputArb(net: Network): fc.Arbitrary<Matrix> {
  return matrixArb(net.sizes[0], 1, { min: 0, max: 1 });
}

/** The logistic function, written out here so that the oracles do not depend on the learner's kata 04. */
export function oracleSigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The oracle for the feedforward pass: $a^{l+1}_j = \sigma(\sum_k w^l_{jk} a^l_k + b^l_j)$, with plain loops. */
export function oracleFeedforward(net: Network, x: Matrix): Matrix {
  let a = Array.from(x.data);
  for (let l = 0; l < net.weights.length; l++) {
    const [w, b] = [net.weights[l], net.biases[l]];
    const next: number[] = [];
    for (let j = 0; j < w.rows; j++) {
      let z = b.data[j];
      for (let k = 0; k < w.cols; k++) z += w.data[j * w.cols + k] * a[k];
      next.push(oracleSigmoid(z));
    }
    a = next;
  }
  return { rows: a.length, cols: 1, data: Float64Array.from(a) };
}

/** The oracle for argmax: the index of the largest entry, the first one on ties. */
export function oracleArgmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
