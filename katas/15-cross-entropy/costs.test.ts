import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { backprop, type Gradient } from "#nn/backprop.ts";
import { backpropBatch } from "#nn/batch.ts";
import {
  backpropWithCost,
  type Cost,
  CrossEntropyCost,
  crossEntropyCost,
  crossEntropyDelta,
  QuadraticCost,
  quadraticDelta,
} from "#nn/costs.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import { assertMatrixClose, columnOf, literal, matrixArb } from "../support/matrices.ts";
import { assertThrowsNamingShapes } from "../support/messages.ts";
import {
  batchArb,
  cloneNetwork,
  inputArb,
  MODERATE,
  networkArb,
  networkOfSizesArb,
  oracleFeedforward,
  oracleSigmoid,
  seededNetwork,
  sizesArb,
  testRng,
} from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** −ln of the smallest positive double: what the cost counts for a logarithm of 0 (about 744.44). */
const LN_FLOOR = -Math.log(Number.MIN_VALUE);

/** A column vector from numbers. */
const column = (values: readonly number[]): Matrix => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

/** σ applied entry by entry, with the test's own sigmoid. */
const sigmoidOf = (z: Matrix): Matrix => ({ rows: z.rows, cols: z.cols, data: z.data.map(oracleSigmoid) });

/** A random rows × cols shape, small. */
const shapeArb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }));

/** Outputs a and targets y of one random shape, every entry in [0, 1] (0 and 1 included). */
const unitPairArb = shapeArb.chain(([rows, cols]) =>
  fc.tuple(matrixArb(rows, cols, { min: 0, max: 1 }), matrixArb(rows, cols, { min: 0, max: 1 })),
);

const COSTS: readonly (readonly [string, Cost])[] = [
  ["QuadraticCost", QuadraticCost],
  ["CrossEntropyCost", CrossEntropyCost],
];

/** The mean of gradients, layer by layer. */
function meanGradient(gradients: readonly Gradient[]): Gradient {
  const mean = (pick: (g: Gradient) => Matrix[]) =>
    pick(gradients[0]).map((first, l) => {
      const data = new Float64Array(first.data.length);
      for (const g of gradients) for (const [k, v] of pick(g)[l].data.entries()) data[k] += v / gradients.length;
      return { rows: first.rows, cols: first.cols, data };
    });
  return { nablaB: mean((g) => g.nablaB), nablaW: mean((g) => g.nablaW) };
}

function assertGradientClose(actual: Gradient, expected: Gradient, tolerance: number, what: string): void {
  assert.equal(actual.nablaB.length, expected.nablaB.length, `${what}: one nablaB per layer`);
  assert.equal(actual.nablaW.length, expected.nablaW.length, `${what}: one nablaW per layer`);
  for (let l = 0; l < expected.nablaB.length; l++) {
    assertMatrixClose(actual.nablaB[l], expected.nablaB[l], tolerance, `${what}: nablaB[${l}]`);
    assertMatrixClose(actual.nablaW[l], expected.nablaW[l], tolerance, `${what}: nablaW[${l}]`);
  }
}

/** The central difference (f(x + h) − f(x − h)) / 2h, as in lesson 09's gradient check. */
const H = 1e-5;

/**
 * The mean cross-entropy of `net` over the columns of X and Y, from the
 * textbook formula with plain loops and an independent feedforward (the
 * networks here are moderate, so no output reaches 0 or 1).
 */
function oracleMeanCrossEntropy(net: Network, X: Matrix, Y: Matrix): number {
  let sum = 0;
  for (let j = 0; j < X.cols; j++) {
    const a = oracleFeedforward(net, columnOf(X, j)).data;
    const y = columnOf(Y, j).data;
    for (let i = 0; i < a.length; i++) sum -= y[i] * Math.log(a[i]) + (1 - y[i]) * Math.log(1 - a[i]);
  }
  return sum / X.cols;
}

/**
 * Gradients below this are compared absolutely, to TOLERANCE · FLOOR = 1e-9
 * (lesson 09 floors at 1e-4: a cross-entropy summed over up to 4 outputs and
 * averaged is a little larger than a quadratic cost, and so is its rounding).
 */
const FLOOR = 1e-3;
const TOLERANCE = 1e-6;

describe("15-cross-entropy", () => {
  describe("crossEntropyCost", () => {
    it("matches hand-computed values: −[y ln a + (1 − y) ln(1 − a)], summed over every entry", () => {
      // #region by-hand
      // a = ½, y = 1: −ln ½ = ln 2 ≈ 0.6931.
      assert.ok(Math.abs(crossEntropyCost(column([0.5]), column([1])) - Math.LN2) < 1e-12, "a = ½, y = 1 must cost ln 2");
      // Two outputs, both nearly right: −ln 0.9 − ln(1 − 0.2) ≈ 0.1054 + 0.2231 = 0.3285.
      const twoOutputs = crossEntropyCost(column([0.9, 0.2]), column([1, 0]));
      assert.ok(Math.abs(twoOutputs - (-Math.log(0.9) - Math.log(0.8))) < 1e-12, `a = (0.9, 0.2), y = (1, 0): got ${twoOutputs}`);
      // A target between 0 and 1: −(½ ln ¼ + ½ ln ¾) ≈ 0.8370.
      const between = crossEntropyCost(column([0.25]), column([0.5]));
      assert.ok(Math.abs(between - -(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75))) < 1e-12, `a = ¼, y = ½: got ${between}`);
      // A batch of two examples, one per column: the sum of their costs, −ln 0.9 − ln(1 − 0.6).
      const batch = crossEntropyCost(literal([[0.9, 0.6]]), literal([[1, 0]]));
      assert.ok(Math.abs(batch - (-Math.log(0.9) - Math.log(0.4))) < 1e-12, `a = [0.9 0.6], y = [1 0]: got ${batch}`);
      // #endregion by-hand
    });

    it("is finite at saturated outputs a ∈ {0, 1}, for any targets: 0 · ln 0 counts 0, and ln 0 is ln Number.MIN_VALUE", () => {
      // Right and saturated: exactly 0, no NaN from 0 · ln 0.
      assert.equal(crossEntropyCost(column([0, 1]), column([0, 1])), 0, "a = y = (0, 1) must cost exactly 0");
      // Wrong and saturated: −ln 0 is taken as −ln(Number.MIN_VALUE) ≈ 744.44, not ∞.
      for (const [a, y] of [
        [0, 1],
        [1, 0],
      ]) {
        const cost = crossEntropyCost(column([a]), column([y]));
        assert.ok(Math.abs(cost - LN_FLOOR) < 1e-9, `a = ${a}, y = ${y}: expected −ln(Number.MIN_VALUE) ≈ 744.44, got ${cost}`);
      }
      const quarter = crossEntropyCost(column([0]), column([0.25]));
      assert.ok(Math.abs(quarter - 0.25 * LN_FLOOR) < 1e-9, `a = 0, y = ¼: expected ¼ · 744.44, got ${quarter}`);
      assertProperty(
        fc.property(
          fc
            .integer({ min: 1, max: 6 })
            .chain((n) =>
              fc.tuple(
                fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
                fc.array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: n, maxLength: n }),
              ),
            ),
          ([a, y]) => {
            const cost = crossEntropyCost(column(a), column(y));
            assert.ok(Number.isFinite(cost), `a = (${a}), y = (${y}): the cost is ${cost}, not a finite number`);
          },
        ),
      );
    });

    it("is non-negative for outputs and targets in [0, 1]", () => {
      assertProperty(
        fc.property(unitPairArb, ([a, y]) => {
          const cost = crossEntropyCost(a, y);
          assert.ok(cost >= 0 && Number.isFinite(cost), `the cost is ${cost}; it must be a finite number ≥ 0`);
        }),
      );
    });

    it("for targets in {0, 1}: is 0 exactly when a = y, and positive otherwise", () => {
      const arb = fc.integer({ min: 1, max: 6 }).chain((n) =>
        fc.tuple(
          fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
          // Outputs at 0, at 1, or clearly inside: within 1e-6 of 0 or 1, ln(1 − a) ≈ −a is still far above rounding.
          fc.array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true })), {
            minLength: n,
            maxLength: n,
          }),
          fc.boolean(),
        ),
      );
      assertProperty(
        fc.property(arb, ([y, drawn, exact]) => {
          const a = exact ? y : drawn;
          const cost = crossEntropyCost(column(a), column(y));
          if (a.every((v, i) => v === y[i])) assert.equal(cost, 0, `a = y = (${y}) must cost exactly 0`);
          else assert.ok(cost > 0, `a = (${a}) differs from y = (${y}), so the cost must be positive, got ${cost}`);
        }),
      );
    });

    it("of a batch is the sum of its columns' costs (and QuadraticCost.fn too)", () => {
      const arb = fc
        .integer({ min: 1, max: 5 })
        .chain((rows) => fc.tuple(matrixArb(rows, 2, { min: 0.01, max: 0.99 }), matrixArb(rows, 2, { min: 0, max: 1 })));
      assertProperty(
        fc.property(arb, ([A, Y]) => {
          for (const [name, cost] of [["crossEntropyCost", crossEntropyCost] as const, ["QuadraticCost.fn", QuadraticCost.fn] as const]) {
            const [whole, first, second] = [cost(A, Y), cost(columnOf(A, 0), columnOf(Y, 0)), cost(columnOf(A, 1), columnOf(Y, 1))];
            assert.ok(
              Math.abs(whole - (first + second)) <= 1e-12 * Math.max(1, whole),
              `${name}: the two columns cost ${first} and ${second}, so the batch should cost their sum ${first + second}, got ${whole}`,
            );
          }
        }),
      );
    });

    it("rejects a and y of different shapes, naming both", () => {
      assertThrowsNamingShapes(
        () => crossEntropyCost(column([0.5, 0.5]), literal([[1, 0]])),
        [
          [2, 1],
          [1, 2],
        ],
      );
      assertThrowsNamingShapes(
        () => crossEntropyCost(column([0.5, 0.5, 0.5]), column([1, 0])),
        [
          [3, 1],
          [2, 1],
        ],
      );
    });
  });

  describe("crossEntropyDelta", () => {
    it("is a − y exactly, whatever z is (z is not used)", () => {
      const arb = shapeArb.chain(([rows, cols]) =>
        fc.tuple(matrixArb(rows, cols), matrixArb(rows, cols, { min: 0, max: 1 }), matrixArb(rows, cols, { min: 0, max: 1 })),
      );
      assertProperty(
        fc.property(arb, ([z, a, y]) => {
          const delta = crossEntropyDelta(z, a, y);
          assert.deepEqual([delta.rows, delta.cols], [a.rows, a.cols], "δ must have the shape of a");
          assert.deepEqual(
            Array.from(delta.data),
            Array.from(a.data, (v, k) => v - y.data[k]),
            "δ must be a − y, entry by entry, with z ignored",
          );
        }),
      );
    });

    it("returns a new matrix and leaves a and y unchanged", () => {
      const [z, a, y] = [column([0.3, -2]), column([0.7, 0.1]), column([1, 0])];
      const delta = crossEntropyDelta(z, a, y);
      assert.ok(delta !== a && delta !== y, "return a new matrix, not a or y");
      assert.deepEqual(Array.from(a.data), [0.7, 0.1], "a changed");
      assert.deepEqual(Array.from(y.data), [1, 0], "y changed");
    });

    it("is the derivative of the cross-entropy of σ(z) with respect to z, for one neuron (central differences)", () => {
      assertProperty(
        fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (z, y) => {
          const cost = (t: number) => crossEntropyCost(column([oracleSigmoid(t)]), column([y]));
          const numeric = (cost(z + H) - cost(z - H)) / (2 * H);
          const delta = crossEntropyDelta(column([z]), column([oracleSigmoid(z)]), column([y])).data[0];
          assert.ok(Math.abs(delta - numeric) < 1e-7, `z = ${z}, y = ${y}: δ = ${delta}, but dC/dz ≈ ${numeric}`);
        }),
      );
    });

    it("rejects a and y of different shapes, naming both", () => {
      assertThrowsNamingShapes(
        () => crossEntropyDelta(column([0, 0]), column([0.5, 0.5]), literal([[1, 0]])),
        [
          [2, 1],
          [1, 2],
        ],
      );
    });
  });

  describe("quadraticDelta", () => {
    it("is kata 09's BP1, (a − y) ⊙ σ'(z): backprop's nablaB for a network of one layer", () => {
      const arb = networkArb({ minLayers: 2, maxLayers: 2, maxSize: 5 }).chain((net) =>
        fc.tuple(fc.constant(net), inputArb(net), matrixArb(net.sizes[1], 1, { min: 0, max: 1 })),
      );
      assertProperty(
        fc.property(arb, ([net, x, y]) => {
          const [w, b] = [net.weights[0], net.biases[0]];
          // z = w x + b with plain loops, a = σ(z).
          const z = column(
            Array.from({ length: w.rows }, (_, j) => b.data[j] + x.data.reduce((s, xk, k) => s + w.data[j * w.cols + k] * xk, 0)),
          );
          const delta = quadraticDelta(z, sigmoidOf(z), y);
          assertMatrixClose(delta, backprop(net, x, y).nablaB[0], 1e-12, "quadraticDelta(z, σ(z), y)");
        }),
      );
    });

    it("returns a new matrix, leaves z, a and y unchanged, and rejects a and y of different shapes", () => {
      const [z, a, y] = [column([0, 1]), column([0.5, oracleSigmoid(1)]), column([1, 0])];
      const delta = quadraticDelta(z, a, y);
      assert.ok(delta !== z && delta !== a && delta !== y, "return a new matrix");
      assert.deepEqual(Array.from(z.data), [0, 1], "z changed");
      assert.deepEqual(Array.from(a.data), [0.5, oracleSigmoid(1)], "a changed");
      assert.deepEqual(Array.from(y.data), [1, 0], "y changed");
      assertThrowsNamingShapes(
        () => quadraticDelta(z, a, literal([[1, 0]])),
        [
          [2, 1],
          [1, 2],
        ],
      );
    });
  });

  describe("QuadraticCost and CrossEntropyCost", () => {
    it("QuadraticCost.fn is ½‖a − y‖²: a = (0.2, 0.7), y = (0, 1) cost ½(0.04 + 0.09) = 0.065", () => {
      const cost = QuadraticCost.fn(column([0.2, 0.7]), column([0, 1]));
      assert.ok(Math.abs(cost - 0.065) < 1e-12, `got ${cost}`);
    });

    it("each cost's delta is the derivative of its fn(σ(z), y) with respect to z, entry by entry (central differences)", () => {
      const arb = fc
        .integer({ min: 1, max: 5 })
        .chain((n) => fc.tuple(matrixArb(n, 1, { min: -5, max: 5 }), matrixArb(n, 1, { min: 0, max: 1 })));
      assertProperty(
        fc.property(arb, ([z, y]) => {
          for (const [name, cost] of COSTS) {
            const delta = cost.delta(z, sigmoidOf(z), y);
            assert.deepEqual([delta.rows, delta.cols], [z.rows, 1], `${name}.delta must have the shape of z`);
            for (let j = 0; j < z.rows; j++) {
              const moved = (t: number) => {
                const zt = column(Array.from(z.data));
                zt.data[j] = t;
                return cost.fn(sigmoidOf(zt), y);
              };
              const numeric = (moved(z.data[j] + H) - moved(z.data[j] - H)) / (2 * H);
              assert.ok(
                Math.abs(delta.data[j] - numeric) < 1e-7,
                `${name}: entry ${j} of δ is ${delta.data[j]}, but ∂C/∂z_${j} ≈ ${numeric} (z = ${Array.from(z.data)}, y = ${Array.from(y.data)})`,
              );
            }
          }
        }),
      );
    });
  });

  describe("backpropWithCost", () => {
    it("Nielsen's saturated neuron (w = b = 2, x = 1, y = 0): ∂C/∂b is a·σ'(z) ≈ 0.017 with the quadratic cost, a ≈ 0.98 with the cross-entropy", () => {
      // #region saturated-neuron
      const net = { sizes: [1, 1], weights: [literal([[2]])], biases: [literal([[2]])] };
      const [x, y] = [literal([[1]]), literal([[0]])];
      const a = 1 / (1 + Math.exp(-4)); // σ(w·x + b) = σ(4) ≈ 0.982: badly wrong
      const quadratic = backpropWithCost(net, x, y, QuadraticCost);
      assertMatrixClose(quadratic.nablaB[0], literal([[a * a * (1 - a)]]), 1e-12, "quadratic ∂C/∂b"); // (a − y)σ'(z) ≈ 0.0173
      assertMatrixClose(quadratic.nablaW[0], literal([[a * a * (1 - a)]]), 1e-12, "quadratic ∂C/∂w"); // times x = 1
      const crossEntropy = backpropWithCost(net, x, y, CrossEntropyCost);
      assertMatrixClose(crossEntropy.nablaB[0], literal([[a]]), 1e-12, "cross-entropy ∂C/∂b"); // a − y ≈ 0.982
      assertMatrixClose(crossEntropy.nablaW[0], literal([[a]]), 1e-12, "cross-entropy ∂C/∂w");
      // #endregion saturated-neuron
    });

    it("with QuadraticCost equals kata 11's backpropBatch", () => {
      assertProperty(
        fc.property(batchArb(networkArb({ minLayers: 2, maxLayers: 4, maxSize: 5 })), ({ net, X, Y }) => {
          assertGradientClose(backpropWithCost(net, X, Y, QuadraticCost), backpropBatch(net, X, Y), 1e-10, "backpropWithCost");
        }),
      );
    });

    it("with QuadraticCost and one column equals kata 09's backprop", () => {
      assertProperty(
        fc.property(batchArb(networkArb({ minLayers: 2, maxLayers: 4, maxSize: 5 }), 1), ({ net, X, Y }) => {
          assertGradientClose(backpropWithCost(net, X, Y, QuadraticCost), backprop(net, X, Y), 1e-10, "backpropWithCost");
        }),
      );
    });

    it("with CrossEntropyCost passes the gradient check: the central difference of the mean cross-entropy over the batch", () => {
      const net = sizesArb({ minLayers: 2, maxLayers: 3, maxSize: 4 }).chain((sizes) => networkOfSizesArb(sizes, MODERATE));
      assertProperty(
        fc.property(batchArb(net, 4), ({ net, X, Y }) => {
          const gradient = backpropWithCost(net, X, Y, CrossEntropyCost);
          const probe = cloneNetwork(net);
          for (const [name, params, grads] of [
            ["nablaB", probe.biases, gradient.nablaB],
            ["nablaW", probe.weights, gradient.nablaW],
          ] as const) {
            assert.equal(grads.length, params.length, `${name} needs one matrix per layer`);
            params.forEach((theta, l) => {
              const g = grads[l];
              assert.deepEqual([g.rows, g.cols], [theta.rows, theta.cols], `${name}[${l}] must have the shape of its parameters`);
              for (let k = 0; k < theta.data.length; k++) {
                const saved = theta.data[k];
                theta.data[k] = saved + H;
                const plus = oracleMeanCrossEntropy(probe, X, Y);
                theta.data[k] = saved - H;
                const minus = oracleMeanCrossEntropy(probe, X, Y);
                theta.data[k] = saved;
                const numeric = (plus - minus) / (2 * H);
                const error = Math.abs(g.data[k] - numeric) / Math.max(Math.abs(g.data[k]), Math.abs(numeric), FLOOR);
                if (!(error <= TOLERANCE)) {
                  const [i, j] = [Math.floor(k / theta.cols), k % theta.cols];
                  assert.fail(
                    `${name}[${l}] entry (${i}, ${j}): backpropWithCost says ${g.data[k]}, the finite difference of the mean ` +
                      `cross-entropy over the ${X.cols} columns says ${numeric} (relative error ${error.toExponential(2)}) ` +
                      `in a ${net.sizes.join("-")} network`,
                  );
                }
              }
            });
          }
        }),
      );
    });

    it("is the mean over the columns, not the sum: the same example twice gives that example's gradient", () => {
      const net = seededNetwork([3, 4, 2], testRng(15));
      const [x, y] = [column([0.1, 0, 0.8]), column([1, 0])];
      const twice = { X: literal([0.1, 0, 0.8].map((v) => [v, v])), Y: literal([1, 0].map((v) => [v, v])) };
      for (const [name, cost] of COSTS) {
        assertGradientClose(backpropWithCost(net, twice.X, twice.Y, cost), backpropWithCost(net, x, y, cost), 1e-12, `${name}, [x x]`);
      }
      assertProperty(
        fc.property(batchArb(networkArb({ minLayers: 2, maxLayers: 3, maxSize: 4 })), ({ net, X, Y }) => {
          for (const [name, cost] of COSTS) {
            const perColumn = Array.from({ length: X.cols }, (_, j) => backpropWithCost(net, columnOf(X, j), columnOf(Y, j), cost));
            assertGradientClose(backpropWithCost(net, X, Y, cost), meanGradient(perColumn), 1e-10, `${name}, the mean of the columns`);
          }
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
      // A cost whose delta never looks at y: the shapes must be checked by backpropWithCost itself.
      const blind: Cost = { fn: () => 0, delta: (_z, a) => ({ rows: a.rows, cols: a.cols, data: a.data.slice() }) };
      for (const cost of [QuadraticCost, CrossEntropyCost, blind]) {
        // Y with 5 columns, or 3, for the 4 of X.
        assertThrowsNamingShapes(() => backpropWithCost(net, X, zeros(3, 5), cost), [[3, 5]]);
        assertThrowsNamingShapes(() => backpropWithCost(net, X, zeros(3, 3), cost), [[3, 3]]);
        // Y with 4 rows, or 2, for the network's 3 outputs.
        assertThrowsNamingShapes(() => backpropWithCost(net, X, zeros(4, 4), cost), [[4, 4]]);
        assertThrowsNamingShapes(() => backpropWithCost(net, X, zeros(2, 4), cost), [[2, 4]]);
        // X with 3 rows, or 1, for the network's 2 inputs, and a Y that fits it.
        assertThrowsNamingShapes(() => backpropWithCost(net, zeros(3, 4), zeros(3, 4), cost), [[3, 4]]);
        assertThrowsNamingShapes(() => backpropWithCost(net, zeros(1, 4), zeros(3, 4), cost), [[1, 4]]);
      }
    });

    it("leaves the network, X and Y unchanged", () => {
      assertProperty(
        fc.property(batchArb(networkArb({ minLayers: 2, maxLayers: 4, maxSize: 5 })), ({ net, X, Y }) => {
          for (const [name, cost] of COSTS) {
            const before = cloneNetwork(net);
            const [xBefore, yBefore] = [Array.from(X.data), Array.from(Y.data)];
            backpropWithCost(net, X, Y, cost);
            for (const [l, w] of net.weights.entries()) assertMatrixClose(w, before.weights[l], 0, `${name}: weights[${l}]`);
            for (const [l, b] of net.biases.entries()) assertMatrixClose(b, before.biases[l], 0, `${name}: biases[${l}]`);
            assert.deepEqual(Array.from(X.data), xBefore, `${name}: X changed`);
            assert.deepEqual(Array.from(Y.data), yBefore, `${name}: Y changed`);
          }
        }),
      );
    });
  });
});
