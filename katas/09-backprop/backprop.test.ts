import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { backprop, type Gradient } from "#nn/backprop.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { Example, Network } from "#nn/network.ts";
import { assertMatrixClose, literal } from "../support/matrices.ts";
import { assertThrowsNamingShapes } from "../support/messages.ts";
import {
  cloneNetwork,
  exampleArb,
  MODERATE,
  networkArb,
  networkOfSizesArb,
  oracleExampleCost,
  oracleFeedforward,
  type SizesOptions,
  seededExample,
  seededNetwork,
  snapshotNetwork,
  testRng,
} from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** A random small network with one example (x, y) that fits it. */
const withExampleArb = (options: SizesOptions = {}) =>
  networkArb({ maxSize: 5, ...options }, MODERATE).chain((net) => fc.tuple(fc.constant(net), exampleArb(net.sizes)));

/** The finite-difference step: small enough for little truncation error, large enough for little rounding error. */
const H = 1e-5;
/** Gradients smaller than this are compared absolutely, to 1e-6 · FLOOR = 1e-10 (see the lesson). */
const FLOOR = 1e-4;
const TOLERANCE = 1e-6;

/**
 * The gradient check: for every bias and weight θ, compare the analytic ∂Cₓ/∂θ
 * from backprop with the central difference (Cₓ(θ + h) − Cₓ(θ − h)) / 2h,
 * computed with an independent feedforward in float64.
 */
function gradientCheck(net: Network, { x, y }: Example, gradient: Gradient): void {
  const probe = cloneNetwork(net);
  const cost = () => oracleExampleCost(oracleFeedforward(probe, x), y);
  const layers = net.weights.length;
  for (const [name, list] of [
    ["nablaB", gradient.nablaB],
    ["nablaW", gradient.nablaW],
  ] as const) {
    assert.equal(list.length, layers, `${name} needs one matrix per layer (${layers}), got ${list.length}`);
  }
  for (const [name, params, grads] of [
    ["nablaB", probe.biases, gradient.nablaB],
    ["nablaW", probe.weights, gradient.nablaW],
  ] as const) {
    params.forEach((theta, l) => {
      const g = grads[l];
      const [got, want] = [`${g.rows}×${g.cols}`, `${theta.rows}×${theta.cols}`];
      assert.equal(got, want, `${name}[${l}] must have the shape of the parameters it belongs to`);
      for (let k = 0; k < theta.data.length; k++) {
        const saved = theta.data[k];
        theta.data[k] = saved + H;
        const plus = cost();
        theta.data[k] = saved - H;
        const minus = cost();
        theta.data[k] = saved;
        const numeric = (plus - minus) / (2 * H);
        const analytic = g.data[k];
        const relativeError = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), FLOOR);
        if (!(relativeError <= TOLERANCE)) {
          const [i, j] = [Math.floor(k / theta.cols), k % theta.cols];
          assert.fail(
            `${name}[${l}] entry (${i}, ${j}): backprop says ${analytic}, the finite difference says ${numeric} ` +
              `(relative error ${relativeError.toExponential(2)} > ${TOLERANCE}) in a ${net.sizes.join("-")} network`,
          );
        }
      }
    });
  }
}

const snapshot = (m: Matrix) => Array.from(m.data);

describe("09-backprop", () => {
  it("matches a hand-worked 1-1 network: w = 0, b = 0, x = 2, y = 1 gives δ = (½ − 1)·¼ = −⅛, ∂C/∂w = δ·x = −¼", () => {
    // #region hand-worked
    const net = { sizes: [1, 1], biases: [literal([[0]])], weights: [literal([[0]])] };
    const { nablaB, nablaW } = backprop(net, literal([[2]]), literal([[1]]));
    assertMatrixClose(nablaB[0], literal([[-0.125]]), 1e-12, "nablaB[0]");
    assertMatrixClose(nablaW[0], literal([[-0.25]]), 1e-12, "nablaW[0]");
    // #endregion hand-worked
  });

  it("gives one gradient matrix per layer, each with the shape of its biases or weights", () => {
    assertProperty(
      fc.property(withExampleArb(), ([net, { x, y }]) => {
        const { nablaB, nablaW } = backprop(net, x, y);
        const shapes = (ms: readonly Matrix[]) => ms.map((m) => `${m.rows}×${m.cols}`);
        assert.deepEqual(shapes(nablaB), shapes(net.biases), "nablaB[l] must have the shape of biases[l]");
        assert.deepEqual(shapes(nablaW), shapes(net.weights), "nablaW[l] must have the shape of weights[l]");
      }),
    );
  });

  it("passes the gradient check on a fixed 3-4-2 network (not square: wᵀ and δ aᵀ must be the right way round)", () => {
    const rng = testRng(2024);
    for (let trial = 0; trial < 5; trial++) {
      const net = seededNetwork([3, 4, 2], rng);
      const example = seededExample(net.sizes, rng);
      gradientCheck(net, example, backprop(net, example.x, example.y));
    }
  });

  it("passes the gradient check on random 3-4-2 networks", () => {
    const arb = networkOfSizesArb([3, 4, 2], MODERATE).chain((net) => fc.tuple(fc.constant(net), exampleArb(net.sizes)));
    assertProperty(
      fc.property(arb, ([net, example]) => gradientCheck(net, example, backprop(net, example.x, example.y))),
      {
        numRuns: 50,
      },
    );
  });

  it("passes the gradient check on random 2- to 4-layer networks: every ∂Cₓ/∂b, ∂Cₓ/∂w matches a central difference", () => {
    assertProperty(fc.property(withExampleArb(), ([net, example]) => gradientCheck(net, example, backprop(net, example.x, example.y))));
  });

  it("passes the gradient check on deeper networks (5 and 6 layers), where BP2 runs several times", () => {
    assertProperty(
      fc.property(withExampleArb({ minLayers: 5, maxLayers: 6, maxSize: 4 }), ([net, example]) =>
        gradientCheck(net, example, backprop(net, example.x, example.y)),
      ),
      { numRuns: 30 },
    );
  });

  it("leaves the network, x and y unchanged", () => {
    assertProperty(
      fc.property(withExampleArb(), ([net, { x, y }]) => {
        const before = [snapshotNetwork(net), snapshot(x), snapshot(y)];
        backprop(net, x, y);
        assert.deepEqual([snapshotNetwork(net), snapshot(x), snapshot(y)], before);
      }),
    );
  });

  it("rejects a target y of the wrong shape, naming both shapes", () => {
    const net = { sizes: [1, 2], biases: [literal([[0], [0]])], weights: [literal([[0], [0]])] };
    // The output's shape, 2×1, and y's, 3×1.
    assertThrowsNamingShapes(
      () => backprop(net, literal([[1]]), literal([[1], [0], [0]])),
      [
        [2, 1],
        [3, 1],
      ],
    );
    // A row 1×2 has as many entries as the 2×1 output, but it is not shaped like it.
    assertThrowsNamingShapes(
      () => backprop(net, literal([[1]]), literal([[1, 0]])),
      [
        [2, 1],
        [1, 2],
      ],
    );
  });
});
