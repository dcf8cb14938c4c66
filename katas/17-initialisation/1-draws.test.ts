import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { defaultWeightInitializer } from "#nn/initialise.ts";
import { createNetwork, type Network } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { assertLayerShapes, countingRng, parameterCount, rowsOf, shapeOf } from "../support/draws.ts";
import { namesNumber } from "../support/messages.ts";
import { sizesArb } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** How far apart `actual` and `expected` may be: rounding, a relative 1e-15 (a few units in the last place). */
const RELATIVE = 1e-15;
const close = (actual: number, expected: number) => Math.abs(actual - expected) <= RELATIVE * Math.abs(expected);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Where `net`'s matrices differ in shape from those of a network of these sizes, in words; undefined when they do not. */
function shapeDifference(net: Network, sizes: readonly number[]): string | undefined {
  const layers = sizes.length - 1;
  if (net.biases.length !== layers)
    return `the network has ${net.biases.length} bias vectors, not ${layers}, one for each layer after the input`;
  if (net.weights.length !== layers) return `the network has ${net.weights.length} weight matrices, not ${layers}`;
  for (let i = 0; i < layers; i++) {
    for (const [name, m, rows, cols] of [
      [`biases[${i}]`, net.biases[i], sizes[i + 1], 1],
      [`weights[${i}]`, net.weights[i], sizes[i + 1], sizes[i]],
    ] as const) {
      if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols) {
        return `${name} is ${m.rows}×${m.cols} with ${m.data.length} numbers, not ${rows}×${cols}`;
      }
    }
  }
  return undefined;
}

/** Why a weight is `ratio` times the number drawn for it, when the ratio is one that a known slip gives; "" otherwise. */
function scaleHint(ratio: number, nIn: number, nOut: number, inputs: number): string {
  const slips: [number, string][] = [
    [1 / Math.sqrt(nIn), ""],
    [1, `it is not divided at all: divide it by √n_in = √${nIn}`],
    [1 / nIn, `it is divided by n_in = ${nIn}, not by √n_in: the variance is 1/n_in, the standard deviation 1/√n_in`],
    [Math.sqrt(nIn), `it is multiplied by √n_in = √${nIn} instead of divided by it`],
    [1 / Math.sqrt(nOut), `it is divided by √${nOut}, the size of the layer it goes to: n_in is the number of inputs, sizes[i] = ${nIn}`],
    [1 / Math.sqrt(nIn + 1), `it is divided by √(n_in + 1) = √${nIn + 1}: the bias is not an input, n_in is sizes[i] = ${nIn}`],
    [
      1 / Math.sqrt(inputs),
      `it is divided by √${inputs}, the size of the network's input layer: n_in is the layer's own number of inputs, sizes[i] = ${nIn}`,
    ],
  ];
  // Several slips can give the same ratio in a small network ([2, 1]: √n_out = 1); then each is named.
  if (near(ratio, slips[0][0])) return "";
  return slips
    .filter(([r]) => near(ratio, r))
    .map(([, why]) => why)
    .join("; or ");
}

/**
 * Assert that `net` is what the TSDoc promises from the same seed as
 * `reference` (createNetwork's network): the same biases exactly, and every
 * weight of `weights[i]` the reference's divided by √sizes[i]. When not, say
 * which matrix and entry first differs and, when the ratio gives it away, why.
 */
function assertIsScaledReference(net: Network, reference: Network, sizes: readonly number[]): void {
  const shapes = shapeDifference(net, sizes);
  if (shapes !== undefined) assert.fail(`${shapes} in a [${sizes.join(", ")}] network`);
  for (let i = 0; i < sizes.length - 1; i++) {
    const [got, want] = [net.biases[i].data, reference.biases[i].data];
    for (let k = 0; k < want.length; k++) {
      if (got[k] === want[k]) continue;
      const scaled = want[k] !== 0 && near(got[k] / want[k], 1 / Math.sqrt(sizes[i]));
      assert.fail(
        `in a [${sizes.join(", ")}] network, biases[${i}] entry (${k}, 0) is ${got[k]}, but createNetwork, from the same seed, has ${want[k]} there. ` +
          (scaled
            ? "It looks divided by √n_in: only the weights are; the biases stay N(0, 1)."
            : "The biases are N(0, 1), drawn exactly as createNetwork draws them: every bias first, layer by layer, then every weight."),
      );
    }
  }
  for (let i = 0; i < sizes.length - 1; i++) {
    const [got, want, cols] = [net.weights[i].data, reference.weights[i].data, sizes[i]];
    for (let k = 0; k < want.length; k++) {
      const expected = want[k] / Math.sqrt(cols);
      if (close(got[k] * Math.sqrt(cols), want[k]) || close(got[k], expected)) continue;
      const hint = want[k] !== 0 ? scaleHint(got[k] / want[k], cols, sizes[i + 1], sizes[0]) : "";
      assert.fail(
        `in a [${sizes.join(", ")}] network, weights[${i}] entry (${Math.floor(k / cols)}, ${k % cols}) is ${got[k]}, ` +
          `but createNetwork, from the same seed, has ${want[k]} there, so it should be ${want[k]} / √${cols} = ${expected}` +
          (hint
            ? `: ${hint}.`
            : ". Draw the numbers in createNetwork's order (every bias first, layer by layer, then every weight, layer by layer, row by row), one rng.normal() each, and divide each weight of weights[i] by √sizes[i]."),
      );
    }
  }
}

describe("17-initialisation", () => {
  describe("defaultWeightInitializer: shapes and draws", () => {
    it("has a bias vector sizes[i+1]×1 and a weight matrix sizes[i+1]×sizes[i] for every layer but the input", () => {
      assertProperty(
        fc.property(sizesArb({ maxLayers: 5, maxSize: 8 }), (sizes) => {
          const net = defaultWeightInitializer(sizes, countingRng());
          assertLayerShapes(net, sizes);
        }),
      );
    });

    it("draws as createNetwork does, biases first, and divides each weight by √n_in: [2, 3, 1] from a counting rng", () => {
      // #region counting
      const rng = countingRng(); // its normal() returns 0, 1, 2, …
      const net = defaultWeightInitializer([2, 3, 1], rng);
      // Drawn as createNetwork draws them: the biases [0, 1, 2] and [3], then the weights 4 … 12, row by row.
      // The biases stay as drawn; each weight is divided by √n_in, the number of inputs of its layer.
      const expectedBiases = [[[0], [1], [2]], [[3]]];
      const drawnWeights = [
        [
          [4, 5],
          [6, 7],
          [8, 9],
        ],
        [[10, 11, 12]],
      ];
      const nIn = [2, 3];
      // #endregion counting
      const shapes = shapeDifference(net, [2, 3, 1]);
      if (shapes !== undefined) assert.fail(`${shapes} in a [2, 3, 1] network`);
      assert.deepEqual(net.biases.map(rowsOf), expectedBiases, "the biases are the first 4 numbers from rng.normal(), as drawn");
      for (const [i, w] of net.weights.entries()) {
        for (const [j, row] of rowsOf(w).entries()) {
          for (const [k, value] of row.entries()) {
            const [drawn, want] = [drawnWeights[i][j][k], drawnWeights[i][j][k] / Math.sqrt(nIn[i])];
            assert.ok(
              close(value, want),
              `weights[${i}] entry (${j}, ${k}) is ${value}, expected ${drawn} / √${nIn[i]} = ${want}. ` +
                "The counting rng's normal() gives 0, 1, 2, …: the biases [0, 1, 2] and [3], then the weights 4 … 12, row by row, " +
                "each divided by √n_in (√2 into layer 2, √3 into layer 3)." +
                (scaleHint(value / drawn, nIn[i], [3, 1][i], 2) && ` Here ${scaleHint(value / drawn, nIn[i], [3, 1][i], 2)}.`),
            );
          }
        }
      }
      assert.equal(rng.count, 13, "a [2, 3, 1] network has 13 parameters: one rng.normal() each, no more");
    });

    it("from the same seed, has createNetwork's biases exactly and its weights divided by √sizes[i], for any sizes", () => {
      assertProperty(
        fc.property(sizesArb({ maxLayers: 5, maxSize: 9 }), fc.integer(), (sizes, seed) => {
          const net = defaultWeightInitializer(sizes, createRng(seed));
          assertIsScaledReference(net, createNetwork(sizes, createRng(seed)), sizes);
        }),
      );
    });

    it("draws exactly one rng.normal() per parameter, as createNetwork does", () => {
      assertProperty(
        fc.property(sizesArb({ maxLayers: 5, maxSize: 8 }), (sizes) => {
          const rng = countingRng();
          defaultWeightInitializer(sizes, rng);
          assert.equal(rng.count, parameterCount(sizes), `a [${sizes.join(", ")}] network has ${parameterCount(sizes)} parameters`);
        }),
      );
    });

    it("Nielsen's [784, 30, 10] from seed 2: createNetwork's biases, and weights 1/√784 = 1/28 and 1/√30 of createNetwork's", () => {
      const sizes = [784, 30, 10];
      const net = defaultWeightInitializer(sizes, createRng(2));
      assert.deepEqual(net.weights.map(shapeOf), ["30×784", "10×30"]);
      assertIsScaledReference(net, createNetwork(sizes, createRng(2)), sizes);
    });

    it("the same seed gives the same network; another seed, another network", () => {
      const sizes = [5, 4, 3];
      const [a, b, c] = [
        defaultWeightInitializer(sizes, createRng(5)),
        defaultWeightInitializer(sizes, createRng(5)),
        defaultWeightInitializer(sizes, createRng(6)),
      ];
      assert.deepEqual(a.biases.map(rowsOf), b.biases.map(rowsOf), "seed 5 twice: the biases differ");
      assert.deepEqual(a.weights.map(rowsOf), b.weights.map(rowsOf), "seed 5 twice: the weights differ");
      assert.notDeepEqual(a.weights.map(rowsOf), c.weights.map(rowsOf), "seeds 5 and 6 gave the same weights");
      assert.notDeepEqual(a.biases.map(rowsOf), c.biases.map(rowsOf), "seeds 5 and 6 gave the same biases");
    });

    it("keeps its own copy of sizes", () => {
      const sizes = [3, 2];
      const net = defaultWeightInitializer(sizes, countingRng());
      sizes.push(5);
      assert.deepEqual(net.sizes, [3, 2], "changing the caller's array must not change the network");
    });
  });

  describe("defaultWeightInitializer: errors", () => {
    it("rejects fewer than 2 layers, saying how many it got", () => {
      for (const sizes of [[784], []]) {
        assert.throws(
          () => defaultWeightInitializer(sizes, countingRng()),
          (error: Error) => {
            assert.match(error.message, /2 layers/, `the message should say a network needs 2 layers: "${error.message}"`);
            assert.match(error.message, new RegExp(`\\b${sizes.length}\\b`), `the message should say how many layers it got`);
            return true;
          },
          `defaultWeightInitializer([${sizes.join(", ")}]) should throw`,
        );
      }
    });

    it("rejects sizes that are not positive integers, naming the bad size's index and value (sizes[1] is 0)", () => {
      for (const [sizes, index, value] of [
        [[3, 0, 2], 1, namesNumber(0)],
        [[3, 1.5], 1, /1\.5/],
        [[-4, 2], 0, /-4/],
        [[5, 4, 3, -1], 3, /-1/],
        [[2, Number.NaN], 1, /NaN/],
      ] as const) {
        assert.throws(
          () => defaultWeightInitializer(sizes, countingRng()),
          (error: Error) => {
            assert.match(error.message, value, `the message should name the bad size: "${error.message}"`);
            assert.match(
              error.message,
              namesNumber(index),
              `the message should say which size is bad, sizes[${index}]: "${error.message}"`,
            );
            return true;
          },
          `defaultWeightInitializer([${sizes.join(", ")}]) should throw`,
        );
      }
    });
  });
});
