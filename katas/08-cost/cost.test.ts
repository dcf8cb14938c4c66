import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { costDerivative, networkCost, quadraticCost } from "#nn/cost.ts";
import type { Matrix } from "#nn/matrix.ts";
import { assertMatrixClose, dimArb, literal, matrixArb } from "../support/matrices.ts";
import { assertThrowsNamingShapes } from "../support/messages.ts";
import { networkWithExamplesArb, oracleExampleCost, oracleNetworkCost, snapshotNetwork } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** The definition, written independently: $\frac{1}{2n}\sum_x \sum_j (y_j - a_j)^2$. */
function oracleCost(outputs: readonly Matrix[], targets: readonly Matrix[]): number {
  let sum = 0;
  outputs.forEach((a, x) => {
    for (let j = 0; j < a.data.length; j++) sum += (targets[x].data[j] - a.data[j]) ** 2;
  });
  return sum / (2 * outputs.length);
}

/** n pairs (output, target) of column vectors of one random length, entries in [0, 1] like sigmoid outputs. */
const pairsArb = fc
  .tuple(dimArb, fc.integer({ min: 1, max: 6 }))
  .chain(([rows, n]) =>
    fc.tuple(
      fc.array(matrixArb(rows, 1, { min: 0, max: 1 }), { minLength: n, maxLength: n }),
      fc.array(matrixArb(rows, 1, { min: 0, max: 1 }), { minLength: n, maxLength: n }),
    ),
  );

const snapshot = (ms: readonly Matrix[]) => ms.map((m) => Array.from(m.data));

/** Assert that `f` throws an error whose message contains every one of `parts`, in any order. */
function assertThrowsNaming(f: () => unknown, parts: readonly RegExp[]): void {
  assert.throws(f, (error: Error) => {
    for (const part of parts) assert.match(error.message, part, `the message should name ${part.source}: "${error.message}"`);
    return true;
  });
}

describe("08-cost", () => {
  describe("quadraticCost", () => {
    it("matches a hand-worked example: C = (0.08 + 0.5) / (2·2) = 0.145", () => {
      const outputs = [literal([[0.8], [0.2]]), literal([[0.5], [0.5]])];
      const targets = [literal([[1], [0]]), literal([[0], [1]])];
      // ‖y − a‖² is 0.2² + 0.2² = 0.08 for the first pair and 0.5² + 0.5² = 0.5 for the second.
      const cost = quadraticCost(outputs, targets);
      assert.ok(Math.abs(cost - 0.145) < 1e-12, `expected 0.145, got ${cost}`);
    });

    it("matches a hand-worked single example: C = ½ · 0.5² = 0.125 (n = 1, so only the ½ is at stake)", () => {
      const cost = quadraticCost([literal([[0.5]])], [literal([[1]])]);
      assert.ok(Math.abs(cost - 0.125) < 1e-12, `expected 0.125, got ${cost}`);
    });

    it("agrees with the definition (1/2n) Σₓ ‖y(x) − a‖², and is never negative", () => {
      assertProperty(
        fc.property(pairsArb, ([outputs, targets]) => {
          const cost = quadraticCost(outputs, targets);
          assert.ok(cost >= 0, `the cost is a sum of squares and cannot be negative, got ${cost}`);
          const expected = oracleCost(outputs, targets);
          assert.ok(Math.abs(cost - expected) <= 1e-12 * Math.max(1, expected), `expected ${expected}, got ${cost}`);
        }),
      );
    });

    it("is zero when every output equals its target, and positive otherwise", () => {
      const withDifferenceArb = pairsArb.chain(([outputs]) =>
        fc.tuple(
          fc.constant(outputs),
          fc.integer({ min: 0, max: outputs.length - 1 }),
          fc.integer({ min: 0, max: outputs[0].rows - 1 }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
      );
      assertProperty(
        fc.property(withDifferenceArb, ([outputs, x, j, delta]) => {
          const copies = outputs.map((a) => ({ ...a, data: Float64Array.from(a.data) }));
          assert.equal(quadraticCost(outputs, copies), 0, "outputs equal to their targets must cost exactly 0");
          copies[x].data[j] += delta;
          const cost = quadraticCost(outputs, copies);
          assert.ok(cost > 0, `output ${x} differs from its target by ${delta} in entry ${j}, yet the cost is ${cost}`);
        }),
      );
    });

    it("is an average: repeating the whole data set leaves C unchanged (the 1/n)", () => {
      assertProperty(
        fc.property(pairsArb, ([outputs, targets]) => {
          const once = quadraticCost(outputs, targets);
          const twice = quadraticCost([...outputs, ...outputs], [...targets, ...targets]);
          assert.ok(
            Math.abs(twice - once) <= 1e-12 * Math.max(1, once),
            `the data set repeated twice costs ${twice}, but once costs ${once}: divide by n, the number of examples`,
          );
        }),
      );
    });

    it("leaves its arguments unchanged", () => {
      assertProperty(
        fc.property(pairsArb, ([outputs, targets]) => {
          const before = [snapshot(outputs), snapshot(targets)];
          quadraticCost(outputs, targets);
          assert.deepEqual([snapshot(outputs), snapshot(targets)], before);
        }),
      );
    });

    it("rejects different numbers of outputs and targets, naming both counts", () => {
      const v = literal([[0.5]]);
      assertThrowsNaming(() => quadraticCost([v, v, v], [v, v]), [/\b3\b/, /\b2\b/]);
      assertThrowsNaming(() => quadraticCost([v], [v, v, v, v]), [/\b1\b/, /\b4\b/]);
    });

    it("rejects an output and target of different shapes, naming both shapes", () => {
      const [a2, a3] = [literal([[0.1], [0.2]]), literal([[0.1], [0.2], [0.3]])];
      assertThrowsNamingShapes(
        () => quadraticCost([a2], [a3]),
        [
          [2, 1],
          [3, 1],
        ],
      );
      assertThrowsNamingShapes(
        () => quadraticCost([a2, a3], [a2, a2]),
        [
          [2, 1],
          [3, 1],
        ],
      );
      // As many entries, in another shape: a column against a row.
      assertThrowsNamingShapes(
        () => quadraticCost([a2], [literal([[0.1, 0.2]])]),
        [
          [2, 1],
          [1, 2],
        ],
      );
      // As many rows, but more columns.
      assertThrowsNamingShapes(
        () =>
          quadraticCost(
            [a2],
            [
              literal([
                [0.1, 0.2],
                [0.3, 0.4],
              ]),
            ],
          ),
        [
          [2, 1],
          [2, 2],
        ],
      );
    });

    it("rejects an empty data set (the mean of nothing) instead of returning NaN", () => {
      assert.throws(
        () => quadraticCost([], []),
        (error: Error) => !/Not implemented/.test(error.message),
      );
    });
  });

  describe("costDerivative", () => {
    it("is a − y, not y − a: a = (0.8, 0.2), y = (1, 0) gives (−0.2, 0.2)", () => {
      const d = costDerivative(literal([[0.8], [0.2]]), literal([[1], [0]]));
      assertMatrixClose(d, literal([[-0.2], [0.2]]), 1e-12, "costDerivative(a, y)");
    });

    it("agrees with a central finite difference of Cₓ = ½‖y − a‖² in every entry of a", () => {
      const h = 1e-5;
      const pairArb = dimArb.chain((rows) => fc.tuple(matrixArb(rows, 1, { min: 0, max: 1 }), matrixArb(rows, 1, { min: 0, max: 1 })));
      assertProperty(
        fc.property(pairArb, ([a, y]) => {
          const d = costDerivative(a, y);
          assert.deepEqual([d.rows, d.cols], [a.rows, 1], `∂Cₓ/∂a must have the shape of a, ${a.rows}×1`);
          for (let j = 0; j < a.rows; j++) {
            const shifted = (by: number) => ({ ...a, data: a.data.map((v, k) => (k === j ? v + by : v)) });
            const numeric = (oracleExampleCost(shifted(h), y) - oracleExampleCost(shifted(-h), y)) / (2 * h);
            assert.ok(Math.abs(d.data[j] - numeric) <= 1e-7, `∂Cₓ/∂a_${j}: yours is ${d.data[j]}, the finite difference is ${numeric}`);
          }
        }),
      );
    });

    it("rejects a and y of different shapes, naming both", () => {
      assertThrowsNamingShapes(
        () => costDerivative(literal([[1], [2]]), literal([[1], [2], [3]])),
        [
          [2, 1],
          [3, 1],
        ],
      );
      // As many entries, in another shape: a column against a row.
      assertThrowsNamingShapes(
        () => costDerivative(literal([[1], [2]]), literal([[1, 2]])),
        [
          [2, 1],
          [1, 2],
        ],
      );
      // As many rows, but more columns.
      assertThrowsNamingShapes(
        () =>
          costDerivative(
            literal([[1], [2]]),
            literal([
              [1, 2],
              [3, 4],
            ]),
          ),
        [
          [2, 1],
          [2, 2],
        ],
      );
    });

    it("leaves a and y unchanged", () => {
      assertProperty(
        fc.property(pairsArb, ([outputs, targets]) => {
          const before = [snapshot(outputs), snapshot(targets)];
          costDerivative(outputs[0], targets[0]);
          assert.deepEqual([snapshot(outputs), snapshot(targets)], before, "costDerivative(a, y) changed a or y");
        }),
      );
    });
  });

  describe("networkCost", () => {
    it("matches a hand-worked example: a 1-1 network with w = 0, b = 0 outputs σ(0) = ½, so C = ½ · (1 − ½)² = 0.125", () => {
      const net = { sizes: [1, 1], biases: [literal([[0]])], weights: [literal([[0]])] };
      const cost = networkCost(net, [{ x: literal([[3]]), y: literal([[1]]) }]);
      assert.ok(Math.abs(cost - 0.125) < 1e-12, `expected 0.125, got ${cost}`);
    });

    it("is the quadratic cost of the network's outputs on random small networks and data sets", () => {
      assertProperty(
        fc.property(networkWithExamplesArb({ min: 1, max: 5 }), ({ net, examples }) => {
          const cost = networkCost(net, examples);
          const expected = oracleNetworkCost(net, examples);
          assert.ok(Math.abs(cost - expected) <= 1e-10 * Math.max(1, expected), `expected ${expected}, got ${cost}`);
        }),
      );
    });

    it("leaves the network unchanged", () => {
      assertProperty(
        fc.property(networkWithExamplesArb({ min: 1, max: 3 }), ({ net, examples }) => {
          const before = snapshotNetwork(net);
          networkCost(net, examples);
          assert.deepEqual(snapshotNetwork(net), before);
        }),
      );
    });
  });
});
