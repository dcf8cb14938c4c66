import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type Cost, CrossEntropyCost, QuadraticCost } from "#nn/costs.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { MnistSet } from "#nn/mnist.ts";
import { totalCost } from "#nn/monitor.ts";
import type { Network } from "#nn/network.ts";
import { namesNumber } from "../support/messages.ts";
import { digitNetworkArb, tinySetArb } from "../support/mnist-sets.ts";
import { oracleExampleCost, oracleFeedforward, seededNetwork, testRng } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

const column = (values: readonly number[]): Matrix => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

/** Image i of a set as the network's input, pixels scaled to [0, 1]: written here, not kata 02's `image`. */
const inputOf = (set: MnistSet, i: number): Matrix => {
  const size = set.rows * set.cols;
  return column(Array.from(set.pixels.subarray(i * size, (i + 1) * size), (p) => p / 255));
};

const oneHotOf = (label: number): Matrix => column(Array.from({ length: 10 }, (_, j) => (j === label ? 1 : 0)));

/** −Σ_j [y ln a + (1 − y) ln(1 − a)], by a plain loop. */
function oracleCrossEntropy(a: Matrix, y: Matrix): number {
  let sum = 0;
  for (let j = 0; j < a.data.length; j++) sum -= y.data[j] * Math.log(a.data[j]) + (1 - y.data[j]) * Math.log(1 - a.data[j]);
  return sum;
}

/** The mean over the images of one image's cost, image by image. */
function oracleMeanCost(net: Network, set: MnistSet, costOfOne: (a: Matrix, y: Matrix) => number): number {
  let sum = 0;
  for (let i = 0; i < set.count; i++) sum += costOfOne(oracleFeedforward(net, inputOf(set, i)), oneHotOf(set.labels[i]));
  return sum / set.count;
}

/** Σw² over every weight of every layer, by a plain loop. */
const sumOfSquaredWeights = (net: Network) => net.weights.reduce((s, w) => s + w.data.reduce((t, v) => t + v * v, 0), 0);

function assertClose(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, expected ${expected}`);
}

const COSTS = [
  ["quadratic", QuadraticCost, oracleExampleCost],
  ["cross-entropy", CrossEntropyCost, oracleCrossEntropy],
] as const;

/** A set of `count` seeded 2×2 images with seeded labels. */
function seededSet(count: number, seed: number): MnistSet {
  const rng = testRng(seed);
  const pixels = Uint8Array.from({ length: count * 4 }, () => Math.floor(rng.uniform() * 256));
  const labels = Uint8Array.from({ length: count }, () => Math.floor(rng.uniform() * 10));
  return { count, rows: 2, cols: 2, pixels, labels };
}

describe("19-early-stopping", () => {
  describe("totalCost", () => {
    it("matches a hand computation: a 4-10 network on two 2×2 images", () => {
      // #region hand-worked
      // One weight, ln 3, from pixel 0 to output 0; every other weight and every bias is 0.
      const weights = new Float64Array(40);
      weights[0] = Math.log(3);
      const net = { sizes: [4, 10], biases: [column(new Array(10).fill(0))], weights: [{ rows: 10, cols: 4, data: weights }] };
      // Image A has pixel 0 black (1 after scaling) and shows a 0; image B is blank and shows a 3.
      const set = { count: 2, rows: 2, cols: 2, pixels: Uint8Array.from([255, 0, 0, 0, 0, 0, 0, 0]), labels: Uint8Array.from([0, 3]) };
      // A's outputs: σ(ln 3) = 3/4, then nine σ(0) = 1/2. B's outputs: ten 1/2.
      // Quadratic: C_A = ½[(3/4 − 1)² + 9·(1/2)²] = 37/32, C_B = ½[10·(1/2)²] = 40/32; the mean is 77/64.
      assertClose(totalCost(net, set, QuadraticCost, 0), 77 / 64, 1e-12, "quadratic cost, λ = 0");
      // λ = 2, n = 2: λ/(2n)·Σw² = ½(ln 3)².
      assertClose(totalCost(net, set, QuadraticCost, 2), 77 / 64 + Math.log(3) ** 2 / 2, 1e-12, "quadratic cost, λ = 2");
      // Cross-entropy: C_A = −ln(3/4) − 9 ln(1/2), C_B = −10 ln(1/2).
      assertClose(totalCost(net, set, CrossEntropyCost, 0), (Math.log(4 / 3) + 19 * Math.log(2)) / 2, 1e-12, "cross-entropy, λ = 0");
      // #endregion hand-worked
    });

    it("is the mean over the images of cost.fn(output, one-hot label), for the quadratic and the cross-entropy cost (λ = 0)", () => {
      for (const [name, cost, oracle] of COSTS) {
        assertProperty(
          fc.property(digitNetworkArb, tinySetArb({ min: 1, max: 30 }), (net, set) => {
            assertClose(totalCost(net, set, cost, 0), oracleMeanCost(net, set, oracle), 1e-9, `${name} cost of ${set.count} images`);
          }),
          { numRuns: 60 },
        );
      }
    });

    it("adds exactly λ/(2n)·Σw², over every weight of every layer and no bias", () => {
      assertProperty(
        fc.property(digitNetworkArb, tinySetArb({ min: 1, max: 20 }), fc.double({ min: 0, max: 10, noNaN: true }), (net, set, lambda) => {
          const penalty = totalCost(net, set, CrossEntropyCost, lambda) - totalCost(net, set, CrossEntropyCost, 0);
          const expected = (lambda / (2 * set.count)) * sumOfSquaredWeights(net);
          assertClose(penalty, expected, 1e-9, `totalCost(λ = ${lambda}) − totalCost(0) with n = ${set.count}`);
        }),
        { numRuns: 60 },
      );
    });

    it("averages over the whole set, however the images are batched: 1,234 images", () => {
      const set = seededSet(1234, 19);
      const net = seededNetwork([4, 5, 10], testRng(7));
      // A cost that is 1 per image: its mean is exactly 1 if every image counts once, and n is the set's size.
      const perImage: Cost = { fn: (a) => a.cols, delta: () => assert.fail("totalCost should not call cost.delta") };
      assert.equal(totalCost(net, set, perImage, 0), 1, "a cost of 1 per image should average to exactly 1");
      // A cost that is the digit where y is 1: its mean is the mean label if y is each image's one-hot label.
      const digitOf: Cost = {
        fn: (_a, y) => y.data.reduce((sum, v, k) => sum + v * Math.floor(k / y.cols), 0),
        delta: () => assert.fail("totalCost should not call cost.delta"),
      };
      const meanLabel = set.labels.reduce((s, label) => s + label, 0) / set.count;
      assertClose(totalCost(net, set, digitOf, 0), meanLabel, 1e-12, "a cost equal to the label, averaged");
      assertClose(
        totalCost(net, set, QuadraticCost, 0),
        oracleMeanCost(net, set, oracleExampleCost),
        1e-9,
        "quadratic cost of 1,234 images",
      );
    });

    it("rejects an empty set, and a λ that is negative or not finite, naming it", () => {
      const net = seededNetwork([4, 3, 10], testRng(1));
      const empty: MnistSet = { count: 0, rows: 2, cols: 2, pixels: new Uint8Array(0), labels: new Uint8Array(0) };
      assert.throws(() => totalCost(net, empty, QuadraticCost, 0), "the mean cost of no images is not defined");
      const set = seededSet(3, 2);
      assert.throws(() => totalCost(net, set, QuadraticCost, -1), namesNumber(-1));
      assert.throws(() => totalCost(net, set, QuadraticCost, -0.5), namesNumber(-0.5));
      assert.throws(() => totalCost(net, set, QuadraticCost, Number.NaN), /NaN/);
      assert.throws(() => totalCost(net, set, QuadraticCost, Number.POSITIVE_INFINITY), /Infinity/);
    });
  });
});
