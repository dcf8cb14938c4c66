import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Matrix } from "#nn/matrix.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng, type Rng } from "#nn/random.ts";
import { namesNumber } from "../support/messages.ts";
import { sizesArb } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/**
 * A fake generator whose normal() returns 0, 1, 2, … in turn: a network built
 * from it shows in which order its parameters were drawn. It refuses
 * uniform(), which a network has no use for.
 */
function countingRng(): Rng & { readonly count: number } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    normal: () => count++,
    uniform: () => {
      throw new Error("createNetwork should draw with rng.normal(), not rng.uniform()");
    },
  };
}

const shapeOf = (m: Matrix) => `${m.rows}×${m.cols}`;
const rowsOf = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.slice(i * m.cols, (i + 1) * m.cols)));
const parameterCount = (sizes: readonly number[]) => sizes.slice(1).reduce((sum, n, l) => sum + n + n * sizes[l], 0);

describe("05-network", () => {
  describe("createNetwork", () => {
    it("has a bias vector sizes[l+1]×1 and a weight matrix sizes[l+1]×sizes[l] for every layer but the input", () => {
      assertProperty(
        fc.property(sizesArb({ maxLayers: 5, maxSize: 8 }), (sizes) => {
          const net = createNetwork(sizes, countingRng());
          assert.deepEqual(net.sizes, sizes);
          assert.equal(net.biases.length, sizes.length - 1, "one bias vector per layer after the input layer");
          assert.equal(net.weights.length, sizes.length - 1, "one weight matrix per pair of neighbouring layers");
          for (let l = 0; l < sizes.length - 1; l++) {
            assert.equal(shapeOf(net.biases[l]), `${sizes[l + 1]}×1`, `biases[${l}]`);
            assert.equal(shapeOf(net.weights[l]), `${sizes[l + 1]}×${sizes[l]}`, `weights[${l}]`);
            assert.equal(net.weights[l].data.length, sizes[l + 1] * sizes[l], `weights[${l}].data.length`);
          }
        }),
      );
    });

    it("Nielsen's [784, 30, 10] has biases 30×1, 10×1 and weights 30×784, 10×30", () => {
      const net = createNetwork([784, 30, 10], createRng(0));
      assert.deepEqual(net.biases.map(shapeOf), ["30×1", "10×1"]);
      assert.deepEqual(net.weights.map(shapeOf), ["30×784", "10×30"]);
    });

    it("draws every bias first, layer by layer, then every weight, layer by layer, row-major", () => {
      const rng = countingRng();
      const net = createNetwork([2, 3, 1], rng);
      assert.deepEqual(rowsOf(net.biases[0]), [[0], [1], [2]]);
      assert.deepEqual(rowsOf(net.biases[1]), [[3]]);
      assert.deepEqual(rowsOf(net.weights[0]), [
        [4, 5],
        [6, 7],
        [8, 9],
      ]);
      assert.deepEqual(rowsOf(net.weights[1]), [[10, 11, 12]]);
      assert.equal(rng.count, 13, "a [2, 3, 1] network has 13 parameters: one normal() each");
    });

    it("draws one normal() per parameter, in that order, for any sizes", () => {
      assertProperty(
        fc.property(sizesArb({ maxLayers: 5, maxSize: 8 }), (sizes) => {
          const rng = countingRng();
          const net = createNetwork(sizes, rng);
          const drawn = [...net.biases, ...net.weights].flatMap((m) => Array.from(m.data));
          assert.deepEqual(
            drawn,
            Array.from({ length: parameterCount(sizes) }, (_, k) => k),
          );
          assert.equal(rng.count, parameterCount(sizes));
        }),
      );
    });

    it("takes its numbers from the rng it is given: the same as drawing them yourself from createRng(seed)", () => {
      assertProperty(
        fc.property(sizesArb(), fc.integer(), (sizes, seed) => {
          const net = createNetwork(sizes, createRng(seed));
          const twin = createRng(seed);
          const expected = Array.from({ length: parameterCount(sizes) }, () => twin.normal());
          const drawn = [...net.biases, ...net.weights].flatMap((m) => Array.from(m.data));
          assert.deepEqual(drawn, expected);
        }),
      );
    });

    it("the same seed gives the same network; another seed, another network", () => {
      const sizes = [4, 3, 2];
      const [a, b, c] = [createNetwork(sizes, createRng(5)), createNetwork(sizes, createRng(5)), createNetwork(sizes, createRng(6))];
      assert.deepEqual(a.weights.map(rowsOf), b.weights.map(rowsOf));
      assert.deepEqual(a.biases.map(rowsOf), b.biases.map(rowsOf));
      assert.notDeepEqual(a.weights.map(rowsOf), c.weights.map(rowsOf));
    });

    it("keeps its own copy of sizes", () => {
      const sizes = [3, 2];
      const net = createNetwork(sizes, countingRng());
      sizes.push(5);
      assert.deepEqual(net.sizes, [3, 2], "changing the caller's array must not change the network");
    });

    it("rejects fewer than 2 layers, saying how many it got", () => {
      for (const sizes of [[784], []]) {
        assert.throws(
          () => createNetwork(sizes, countingRng()),
          (error: Error) => {
            assert.match(error.message, /2 layers/, `the message should say a network needs 2 layers: "${error.message}"`);
            assert.match(error.message, new RegExp(`\\b${sizes.length}\\b`), `the message should say how many layers it got`);
            return true;
          },
        );
      }
    });

    it("rejects sizes that are not positive integers, naming the bad size", () => {
      assert.throws(() => createNetwork([3, 0, 2], countingRng()), namesNumber(0));
      assert.throws(() => createNetwork([3, 1.5], countingRng()), /1\.5/);
      assert.throws(() => createNetwork([-4, 2], countingRng()), /-4/);
    });
  });
});
