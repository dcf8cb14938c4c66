import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { backprop } from "#nn/backprop.ts";
import { backpropBatch, feedforwardBatch, updateMiniBatchMatrix } from "#nn/batch.ts";
import { feedforward } from "#nn/feedforward.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { Example, Network } from "#nn/network.ts";
import { updateMiniBatch } from "#nn/sgd.ts";
import { assertMatrixClose, columnOf } from "../support/matrices.ts";
import { assertThrowsNamingShapes } from "../support/messages.ts";
import { batchArb, cloneNetwork, networkArb } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";
import { networkStepHint } from "../support/steps.ts";

/** A random small network with a batch of m inputs X and desired outputs Y (one example per column). */
const smallBatchArb = batchArb(networkArb({ minLayers: 2, maxLayers: 4, maxSize: 5 }));

function examplesOf(X: Matrix, Y: Matrix): Example[] {
  return Array.from({ length: X.cols }, (_, j) => ({ x: columnOf(X, j), y: columnOf(Y, j) }));
}

// The step helpers below are the same as in kata 10's sgd.test.ts (a test may import only from katas/support/).

describe("11-matrix-backprop", () => {
  describe("feedforwardBatch", () => {
    it("column j of the output is feedforward(net, x_j)", () => {
      assertProperty(
        fc.property(smallBatchArb, ({ net, X }) => {
          const output = feedforwardBatch(net, X);
          const outputs = net.sizes[net.sizes.length - 1];
          assert.deepEqual([output.rows, output.cols], [outputs, X.cols], "the output must be sizes[L − 1] × m, the output layer's size");
          for (let j = 0; j < X.cols; j++) {
            assertMatrixClose(columnOf(output, j), feedforward(net, columnOf(X, j)), 1e-12, `column ${j}`);
          }
        }),
      );
    });

    it("rejects a batch with the wrong number of rows, naming the shapes", () => {
      const net: Network = {
        sizes: [3, 2],
        biases: [{ rows: 2, cols: 1, data: new Float64Array(2) }],
        weights: [{ rows: 2, cols: 3, data: new Float64Array(6) }],
      };
      // One row too many, and one too few, for the network's 3 inputs.
      assertThrowsNamingShapes(() => feedforwardBatch(net, { rows: 4, cols: 2, data: new Float64Array(8) }), [[4, 2]]);
      assertThrowsNamingShapes(() => feedforwardBatch(net, { rows: 2, cols: 2, data: new Float64Array(4) }), [[2, 2]]);
    });
  });

  describe("backpropBatch", () => {
    it("equals the mean of the per-example gradients of kata 09", () => {
      assertProperty(
        fc.property(smallBatchArb, ({ net, X, Y }) => {
          const { nablaB, nablaW } = backpropBatch(net, X, Y);
          const m = X.cols;
          const perExample = examplesOf(X, Y).map(({ x, y }) => backprop(net, x, y));
          assert.equal(nablaB.length, net.biases.length, "one nablaB per layer");
          assert.equal(nablaW.length, net.weights.length, "one nablaW per layer");
          for (let l = 0; l < net.weights.length; l++) {
            const mean = (pick: (g: (typeof perExample)[number]) => Matrix): Matrix => {
              const first = pick(perExample[0]);
              const data = new Float64Array(first.data.length);
              for (const g of perExample) for (const [k, v] of pick(g).data.entries()) data[k] += v / m;
              return { rows: first.rows, cols: first.cols, data };
            };
            assertMatrixClose(
              nablaB[l],
              mean((g) => g.nablaB[l]),
              1e-10,
              `nablaB[${l}]`,
            );
            assertMatrixClose(
              nablaW[l],
              mean((g) => g.nablaW[l]),
              1e-10,
              `nablaW[${l}]`,
            );
          }
        }),
      );
    });

    it("leaves the network and the batch unchanged", () => {
      assertProperty(
        fc.property(smallBatchArb, ({ net, X, Y }) => {
          const before = cloneNetwork(net);
          const [xBefore, yBefore] = [Array.from(X.data), Array.from(Y.data)];
          backpropBatch(net, X, Y);
          for (const [l, w] of net.weights.entries()) assertMatrixClose(w, before.weights[l], 0, `weights[${l}]`);
          for (const [l, b] of net.biases.entries()) assertMatrixClose(b, before.biases[l], 0, `biases[${l}]`);
          assert.deepEqual(Array.from(X.data), xBefore, "X changed");
          assert.deepEqual(Array.from(Y.data), yBefore, "Y changed");
        }),
      );
    });

    it("rejects an X or a Y that does not fit the network or each other, naming the shape that does not fit", () => {
      const net: Network = {
        sizes: [2, 3],
        biases: [{ rows: 3, cols: 1, data: new Float64Array(3) }],
        weights: [{ rows: 3, cols: 2, data: new Float64Array(6) }],
      };
      const zeros = (rows: number, cols: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols) });
      const X = zeros(2, 4);
      // Y with 5 columns, or 3, for the 4 of X.
      assertThrowsNamingShapes(() => backpropBatch(net, X, zeros(3, 5)), [[3, 5]]);
      assertThrowsNamingShapes(() => backpropBatch(net, X, zeros(3, 3)), [[3, 3]]);
      // Y with 4 columns, like X, but 4 rows, or 2, for the network's 3 outputs.
      assertThrowsNamingShapes(() => backpropBatch(net, X, zeros(4, 4)), [[4, 4]]);
      assertThrowsNamingShapes(() => backpropBatch(net, X, zeros(2, 4)), [[2, 4]]);
      // X with 3 rows for the network's 2 inputs, and a Y that fits it.
      assertThrowsNamingShapes(() => backpropBatch(net, zeros(3, 4), zeros(3, 4)), [[3, 4]]);
    });
  });

  describe("updateMiniBatchMatrix", () => {
    it("takes the same step as updateMiniBatch (kata 10) on the same examples", () => {
      assertProperty(
        fc.property(smallBatchArb, fc.double({ min: 0.01, max: 5, noNaN: true }), ({ net, X, Y }, eta) => {
          const [fast, slow] = [cloneNetwork(net), cloneNetwork(net)];
          updateMiniBatchMatrix(fast, X, Y, eta);
          updateMiniBatch(slow, examplesOf(X, Y), eta);
          try {
            for (let l = 0; l < net.weights.length; l++) {
              assertMatrixClose(fast.weights[l], slow.weights[l], 1e-10, `weights[${l}]`);
              assertMatrixClose(fast.biases[l], slow.biases[l], 1e-10, `biases[${l}]`);
            }
          } catch (error) {
            // The same failure, explained when the step is a multiple of updateMiniBatch's.
            const hint = networkStepHint(net, fast, slow, X.cols);
            if (hint === undefined) throw error;
            assert.fail(`${hint} (${(error as Error).message})`);
          }
        }),
      );
    });

    it("with η = 0 changes nothing", () => {
      assertProperty(
        fc.property(smallBatchArb, ({ net, X, Y }) => {
          const before = cloneNetwork(net);
          updateMiniBatchMatrix(net, X, Y, 0);
          for (const [l, w] of net.weights.entries()) assertMatrixClose(w, before.weights[l], 0, `weights[${l}]`);
          for (const [l, b] of net.biases.entries()) assertMatrixClose(b, before.biases[l], 0, `biases[${l}]`);
        }),
      );
    });
  });
});
