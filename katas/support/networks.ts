/**
 * Test helpers for networks. Like `matrices.ts`, they build plain objects
 * and never call the code under test, so they work while `src/` is a stub
 * and cannot share a learner's bug: a {@link Network} here is just
 * `{ sizes, biases, weights }` with random or seeded entries, and the
 * oracles are the textbook definitions written with plain loops.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Matrix } from "#nn/matrix.ts";
import type { Example, LabeledExample, Network } from "#nn/network.ts";
import type { Rng } from "#nn/random.ts";
import { type EntryRange, matrixArb } from "./matrices.ts";

/** Biases and weights in [-1.5, 1.5]: moderate, so that sigmoids are not saturated (for gradient checks). */
export const MODERATE: EntryRange = { min: -1.5, max: 1.5 };

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

/** A training example for a network with these sizes: x in [-1, 1], y in [0, 1]. */
export function exampleArb(sizes: readonly number[]): fc.Arbitrary<Example> {
  return fc
    .tuple(matrixArb(sizes[0], 1, { min: -1, max: 1 }), matrixArb(sizes[sizes.length - 1], 1, { min: 0, max: 1 }))
    .map(([x, y]) => ({ x, y }));
}

/** A random small network (moderate parameters, at most 5 neurons a layer) together with `count` examples that fit it. */
export function networkWithExamplesArb(
  count: { min: number; max: number },
  options: SizesOptions = { maxSize: 5 },
  range: EntryRange = MODERATE,
): fc.Arbitrary<{ net: Network; examples: Example[] }> {
  return sizesArb(options).chain((sizes) =>
    fc.record({
      net: networkOfSizesArb(sizes, range),
      examples: fc.array(exampleArb(sizes), { minLength: count.min, maxLength: count.max }),
    }),
  );
}

/** $\tfrac12 \lVert y - a \rVert^2$, by plain loops. */
export function oracleExampleCost(a: Matrix, y: Matrix): number {
  let sum = 0;
  for (let i = 0; i < y.data.length; i++) sum += (y.data[i] - a.data[i]) ** 2;
  return sum / 2;
}

/** The quadratic cost $C = \frac{1}{2n}\sum_x \lVert y(x) - a \rVert^2$ of `net` on `data`, by plain loops. */
export function oracleNetworkCost(net: Network, data: readonly Example[]): number {
  let sum = 0;
  for (const { x, y } of data) sum += oracleExampleCost(oracleFeedforward(net, x), y);
  return sum / data.length;
}

/** How many examples `net` classifies correctly (the index of the largest output, first on ties), by plain loops. */
export function oracleCorrect(net: Network, data: readonly LabeledExample[]): number {
  let correct = 0;
  for (const { x, label } of data) {
    const a = oracleFeedforward(net, x).data;
    let best = 0;
    for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
    if (best === label) correct++;
  }
  return correct;
}

/** A deep copy of a network: new arrays, new matrices, new buffers. */
export function cloneNetwork(net: Network): Network {
  const copy = (m: Matrix): Matrix => ({ rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) });
  return { sizes: [...net.sizes], biases: net.biases.map(copy), weights: net.weights.map(copy) };
}

/** Every bias and weight of a network, with shapes, as plain arrays: for `deepEqual` before/after comparisons. */
export function snapshotNetwork(net: Network): { biases: number[][]; weights: number[][]; shapes: string[] } {
  return {
    biases: net.biases.map((b) => Array.from(b.data)),
    weights: net.weights.map((w) => Array.from(w.data)),
    shapes: [...net.biases, ...net.weights].map((m) => `${m.rows}×${m.cols}`),
  };
}

/**
 * A seeded generator for tests (mulberry32, and Box–Muller for `normal()`),
 * written here so that tests do not depend on the learner's kata 05.
 */
export function testRng(seed: number): Rng {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const [u1, u2] = [uniform(), uniform()];
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  };
  return { uniform, normal };
}

/**
 * A network with fixed, seeded parameters drawn from `rng.normal()` (times
 * `scale`): for example-based tests that must not shrink to corner cases.
 */
export function seededNetwork(sizes: readonly number[], rng: Rng, scale = 1): Network {
  const draw = (rows: number, cols: number): Matrix => ({
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, () => scale * rng.normal()),
  });
  return {
    sizes: [...sizes],
    biases: sizes.slice(1).map((n) => draw(n, 1)),
    weights: sizes.slice(1).map((n, l) => draw(n, sizes[l])),
  };
}

/** A seeded example for a network with these sizes: x uniform in [-1, 1], y uniform in [0, 1]. */
export function seededExample(sizes: readonly number[], rng: Rng): Example {
  const vector = (n: number, f: () => number): Matrix => ({ rows: n, cols: 1, data: Float64Array.from({ length: n }, f) });
  return { x: vector(sizes[0], () => 2 * rng.uniform() - 1), y: vector(sizes[sizes.length - 1], () => rng.uniform()) };
}

/** An Rng that returns exactly `values` from `uniform()`, and throws when asked for more or for `normal()`. */
export function scriptedRng(values: readonly number[]): Rng & { readonly calls: number } {
  let next = 0;
  return {
    get calls() {
      return next;
    },
    uniform() {
      if (next >= values.length) {
        throw new Error(`rng.uniform() was called ${next + 1} times, but this test expected only ${values.length} calls`);
      }
      return values[next++];
    },
    normal() {
      throw new Error("rng.normal() was called, but this test expected only rng.uniform()");
    },
  };
}

/** Assert that two networks have the same shapes and parameters within `tolerance` (absolute plus relative). */
export function assertNetworkClose(actual: Network, expected: Network, tolerance: number, what = "network"): void {
  for (const [name, as, es] of [
    ["biases", actual.biases, expected.biases],
    ["weights", actual.weights, expected.weights],
  ] as const) {
    assert.equal(as.length, es.length, `${what}: ${name} has ${as.length} layers, expected ${es.length}`);
    es.forEach((e, l) => {
      const a = as[l];
      const [got, want] = [`${a.rows}×${a.cols}`, `${e.rows}×${e.cols}`];
      assert.equal(got, want, `${what}: ${name}[${l}] has shape ${got}, expected ${want}`);
      for (let k = 0; k < e.data.length; k++) {
        if (!(Math.abs(a.data[k] - e.data[k]) <= tolerance * Math.max(1, Math.abs(e.data[k])))) {
          assert.fail(`${what}: ${name}[${l}] entry (${Math.floor(k / e.cols)}, ${k % e.cols}) is ${a.data[k]}, expected ${e.data[k]}`);
        }
      }
    });
  }
}

/** Entries like MNIST pixels: many exact zeros (background), the rest in (0, 1]. */
export const pixelArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }));

/** A `rows × m` matrix of `entry` values: m examples, one per column. */
export function columnsArb(rows: number, m: number, entry: fc.Arbitrary<number>): fc.Arbitrary<Matrix> {
  return fc
    .array(entry, { minLength: rows * m, maxLength: rows * m })
    .map((values) => ({ rows, cols: m, data: Float64Array.from(values) }));
}

/** A network from `net` with a batch of 1 to `maxColumns` inputs X (pixel-like, one per column) and desired outputs Y in [0, 1]. */
export const batchArb = (net: fc.Arbitrary<Network>, maxColumns = 5) =>
  net.chain((n) =>
    fc.integer({ min: 1, max: maxColumns }).chain((m) =>
      fc.record({
        net: fc.constant(n),
        X: columnsArb(n.sizes[0], m, pixelArb),
        Y: columnsArb(n.sizes[n.sizes.length - 1], m, fc.double({ min: 0, max: 1, noNaN: true })),
      }),
    ),
  );
