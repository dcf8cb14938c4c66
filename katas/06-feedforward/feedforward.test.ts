import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { feedforward } from "#nn/feedforward.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import { assertMatrixClose, literal, matrixArb } from "../support/matrices.ts";
import { assertThrowsNamingShapes } from "../support/messages.ts";
import { inputArb, networkArb, networkOfSizesArb, oracleFeedforward, oracleSigmoid, sizesArb } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** A random network and an input that fits it. */
const netAndInputArb = networkArb().chain((net) => fc.tuple(fc.constant(net), inputArb(net)));

const snapshot = (m: Matrix) => Array.from(m.data);

/** The 2-2-1 network worked by hand in the lesson. */
const handWorked: Network = {
  sizes: [2, 2, 1],
  biases: [literal([[-1], [0]]), literal([[1]])],
  weights: [
    literal([
      [2, -2],
      [-1, 4],
    ]),
    literal([[1, -2]]),
  ],
};

describe("06-feedforward", () => {
  it("computes the 2-2-1 example worked by hand in the lesson", () => {
    const out = feedforward(handWorked, literal([[1], [0.5]]));
    // Hidden layer: z = w x + b = (2·1 − 2·0.5 − 1, −1·1 + 4·0.5 + 0) = (0, 1), so a = (σ(0), σ(1)) = (0.5, 0.7311).
    // Output layer: z = 1·σ(0) − 2·σ(1) + 1 ≈ 0.0379, so a = σ(0.0379) ≈ 0.5095.
    const expected = oracleSigmoid(1 * oracleSigmoid(0) - 2 * oracleSigmoid(1) + 1);
    assertMatrixClose(out, literal([[expected]]), 1e-12, "feedforward(2-2-1 network, (1, 0.5))");
    assert.equal(out.data[0].toFixed(4), "0.5095");
  });

  it("outputs a sizes[L − 1]×1 column (the output layer's size), for any sizes", () => {
    assertProperty(
      fc.property(netAndInputArb, ([net, x]) => {
        const out = feedforward(net, x);
        const last = net.sizes[net.sizes.length - 1];
        assert.equal(`${out.rows}×${out.cols}`, `${last}×1`, `sizes ${JSON.stringify(net.sizes)}`);
      }),
    );
  });

  it("outputs values strictly between 0 and 1: every layer ends with σ", () => {
    assertProperty(
      fc.property(netAndInputArb, ([net, x]) => {
        for (const value of feedforward(net, x).data) {
          assert.ok(value > 0 && value < 1, `an output is ${value}, outside (0, 1)`);
        }
      }),
    );
  });

  it("with every weight zero, outputs σ(b) of the last layer, whatever the input", () => {
    const zeroWeightsArb = sizesArb()
      .chain((sizes) => networkOfSizesArb(sizes, { min: -5, max: 5 }))
      .map((net) => ({ ...net, weights: net.weights.map((w) => ({ ...w, data: new Float64Array(w.data.length) })) }))
      .chain((net) => fc.tuple(fc.constant(net), matrixArb(net.sizes[0], 1)));
    assertProperty(
      fc.property(zeroWeightsArb, ([net, x]) => {
        const b = net.biases[net.biases.length - 1];
        const expected = { ...b, data: b.data.map(oracleSigmoid) };
        assertMatrixClose(feedforward(net, x), expected, 1e-12, "output with zero weights");
      }),
    );
  });

  it("agrees with the textbook definition, σ(Σₖ wⱼₖ aₖ + bⱼ) with plain loops, for any network", () => {
    assertProperty(
      fc.property(netAndInputArb, ([net, x]) => {
        assertMatrixClose(feedforward(net, x), oracleFeedforward(net, x), 1e-12, "feedforward(net, x)");
      }),
    );
  });

  it("leaves the input and the network unchanged", () => {
    assertProperty(
      fc.property(netAndInputArb, ([net, x]) => {
        const before = { x: snapshot(x), weights: net.weights.map(snapshot), biases: net.biases.map(snapshot) };
        feedforward(net, x);
        assert.deepEqual(snapshot(x), before.x, "feedforward changed its input");
        assert.deepEqual(net.weights.map(snapshot), before.weights, "feedforward changed the weights");
        assert.deepEqual(net.biases.map(snapshot), before.biases, "feedforward changed the biases");
      }),
    );
  });

  it("rejects an input that is not sizes[0]×1, naming the shape it needs and the shape it got", () => {
    const net: Network = {
      sizes: [3, 2, 1],
      biases: [literal([[0], [0]]), literal([[0]])],
      weights: [
        literal([
          [1, 1, 1],
          [1, 1, 1],
        ]),
        literal([[1, 1]]),
      ],
    };
    const wrong = [
      literal([[1], [2]]),
      literal([[1, 2, 3]]),
      literal([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ];
    for (const x of wrong) {
      // The shape the input needs, 3×1, and the shape it got.
      assertThrowsNamingShapes(
        () => feedforward(net, x),
        [
          [3, 1],
          [x.rows, x.cols],
        ],
      );
    }
    // Four numbers, but not a column: a 2×2 input for a network of 4 inputs.
    const four: Network = { sizes: [4, 1], biases: [literal([[0]])], weights: [literal([[1, 1, 1, 1]])] };
    assertThrowsNamingShapes(
      () =>
        feedforward(
          four,
          literal([
            [1, 2],
            [3, 4],
          ]),
        ),
      [
        [4, 1],
        [2, 2],
      ],
    );
  });
});
