import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { assertLayerShapes, countingRng, parameterCount, rowsOf, shapeOf } from "../support/draws.ts";
import { namesNumber } from "../support/messages.ts";
import { sizesArb } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** The draw order the lesson and the TSDoc give, in words. */
const DRAW_ORDER =
  "every bias vector first, layer by layer (biases[0], biases[1], …), then every weight matrix, layer by layer (weights[0], weights[1], …), each matrix row by row";

/** Where one parameter sits: its matrix, as in `biases[1]`, and its entry, as in `(2, 0)`. */
interface Place {
  readonly matrix: string;
  readonly entry: string;
}
const placeName = (place: Place) => `${place.matrix} entry ${place.entry}`;

/** Where each of `net`'s numbers sits, biases then weights, each matrix's data in order. */
function placesIn(net: Network): Place[] {
  const named = [...net.biases.map((m, l) => [`biases[${l}]`, m] as const), ...net.weights.map((m, l) => [`weights[${l}]`, m] as const)];
  return named.flatMap(([matrix, m]) =>
    Array.from(m.data, (_, k) => ({ matrix, entry: m.cols > 0 ? `(${Math.floor(k / m.cols)}, ${k % m.cols})` : `[${k}]` })),
  );
}

/** Where the documented order puts each number a network of these sizes draws: the first number in the first place, and so on. */
function placesFor(sizes: readonly number[]): Place[] {
  const shapes = [
    ...sizes.slice(1).map((n, l) => [`biases[${l}]`, n, 1] as const),
    ...sizes.slice(1).map((n, l) => [`weights[${l}]`, n, sizes[l]] as const),
  ];
  return shapes.flatMap(([matrix, rows, cols]) =>
    Array.from({ length: rows * cols }, (_, k) => ({ matrix, entry: `(${Math.floor(k / cols)}, ${k % cols})` })),
  );
}

/** How `net`'s matrices differ from those of a network of these sizes, in words; undefined when they do not. */
function shapeDifference(net: Network, sizes: readonly number[]): string | undefined {
  const layers = sizes.length - 1;
  if (net.biases.length !== layers)
    return `the network has ${net.biases.length} bias vectors, not ${layers}, one for each layer after the input,`;
  if (net.weights.length !== layers) return `the network has ${net.weights.length} weight matrices, not ${layers},`;
  for (let l = 0; l < layers; l++) {
    for (const [name, m, rows, cols] of [
      [`biases[${l}]`, net.biases[l], sizes[l + 1], 1],
      [`weights[${l}]`, net.weights[l], sizes[l + 1], sizes[l]],
    ] as const) {
      if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols) {
        return `${name} is ${m.rows}×${m.cols} with ${m.data.length} numbers, not ${rows}×${cols},`;
      }
    }
  }
  return undefined;
}

/** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st. */
function ordinal(n: number): string {
  const suffixes: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };
  return `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (suffixes[n % 10] ?? "th")}`;
}

/**
 * Assert that `net`'s biases, then its weights, each matrix row by row, are
 * exactly `expected`: the numbers the rng gives, in turn. When they are not,
 * say in words which matrix and entry first differs, where the documented
 * order puts the number found there, and what that order is.
 */
function assertDrawnInOrder(net: Network, sizes: readonly number[], expected: readonly number[]): void {
  const drawn = [...net.biases, ...net.weights].flatMap((m) => Array.from(m.data));
  if (isDeepStrictEqual(drawn, expected)) return;
  const [places, homes] = [placesIn(net), placesFor(sizes)];
  const k = drawn.findIndex((value, i) => i >= expected.length || !isDeepStrictEqual(value, expected[i]));
  const network = `a [${sizes.join(", ")}] network`;
  const shapes = shapeDifference(net, sizes);
  let problem: string;
  if (shapes !== undefined) {
    problem = `${shapes} in ${network}, so its numbers cannot all be where drawing in the documented order puts them`;
  } else if (k < 0) {
    problem = `the network holds ${drawn.length} numbers, but ${network} has ${expected.length} parameters: there is nothing in ${placeName(homes[drawn.length])} and after it`;
  } else if (k >= expected.length) {
    problem = `the network holds ${drawn.length} numbers, but ${network} has only ${expected.length} parameters: ${placeName(places[k])} is one too many`;
  } else {
    const at = places[k];
    const j = expected.findIndex((value) => isDeepStrictEqual(value, drawn[k]));
    const there = `(the documented order puts the ${ordinal(k + 1)} number, ${expected[k]}, in ${placeName(at)})`;
    if (j < 0) {
      problem = `${placeName(at)} is ${drawn[k]}, which is not a number the rng gave ${there}: take every parameter from rng.normal() of the rng you are given`;
    } else if (j < k) {
      problem = `${placeName(at)} holds ${drawn[k]}, the same number as ${placeName(homes[j])} ${there}: every parameter takes a number of its own from rng.normal(): was this one drawn at all?`;
    } else {
      const found = `${placeName(at)} holds the ${ordinal(j + 1)} number from rng.normal(), which belongs in ${placeName(homes[j])} ${there}`;
      problem =
        homes[j].matrix === at.matrix
          ? `${found}: ${at.matrix} was not filled row by row`
          : `${found}: ${at.matrix} was drawn after ${homes[j].matrix}`;
    }
  }
  assert.fail(`${problem}. Draw ${DRAW_ORDER}.`);
}

describe("05-network", () => {
  describe("createNetwork", () => {
    it("has a bias vector sizes[l+1]×1 and a weight matrix sizes[l+1]×sizes[l] for every layer but the input", () => {
      assertProperty(
        fc.property(sizesArb({ maxLayers: 5, maxSize: 8 }), (sizes) => {
          const net = createNetwork(sizes, countingRng());
          assertLayerShapes(net, sizes);
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
      assertDrawnInOrder(net, [2, 3, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
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
          const expected = Array.from({ length: parameterCount(sizes) }, (_, k) => k);
          assertDrawnInOrder(net, sizes, expected);
          const drawn = [...net.biases, ...net.weights].flatMap((m) => Array.from(m.data));
          assert.deepEqual(drawn, expected);
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
          assertDrawnInOrder(net, sizes, expected);
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

    it("names the bad size's index as well as its value (sizes[1] is 0)", () => {
      for (const [sizes, index, value] of [
        [[3, 0, 2], 1, namesNumber(0)],
        [[3, 1.5], 1, /1\.5/],
        [[-4, 2], 0, /-4/],
        [[5, 4, 3, -1], 3, /-1/],
      ] as const) {
        assert.throws(
          () => createNetwork(sizes, countingRng()),
          (error: Error) => {
            assert.match(error.message, value, `the message should name the bad size: "${error.message}"`);
            assert.match(
              error.message,
              namesNumber(index),
              `the message should say which size is bad, sizes[${index}]: "${error.message}"`,
            );
            return true;
          },
          `createNetwork([${sizes.join(", ")}]) should throw`,
        );
      }
    });
  });
});
