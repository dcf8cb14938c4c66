import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { updateMiniBatchMatrix } from "#nn/batch.ts";
import { type Cost, CrossEntropyCost, QuadraticCost } from "#nn/costs.ts";
import { feedforward } from "#nn/feedforward.ts";
import { type L2Step, updateMiniBatchL2 } from "#nn/l2.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { Network } from "#nn/network.ts";
import { assertMatrixClose, columnOf, literal } from "../support/matrices.ts";
import { namesNumber } from "../support/messages.ts";
import {
  batchArb,
  cloneNetwork,
  columnsArb,
  MODERATE,
  networkArb,
  networkOfSizesArb,
  oracleSigmoid,
  seededNetwork,
  sizesArb,
  snapshotNetwork,
  testRng,
} from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";
import { networkStepHint } from "../support/steps.ts";

/** η, λ > 0 and n: a training set of 1 to 60 images, so n is seldom the batch's m (1 to 5). */
const settingsArb = fc.record({
  eta: fc.double({ min: 0.05, max: 3, noNaN: true }),
  lambda: fc.double({ min: 0.1, max: 10, noNaN: true }),
  n: fc.integer({ min: 1, max: 60 }),
});

const COSTS: readonly (readonly [string, Cost])[] = [
  ["QuadraticCost", QuadraticCost],
  ["CrossEntropyCost", CrossEntropyCost],
];

/** A copy of `net` after one updateMiniBatchL2 step: `net` itself stays as it was. */
function stepped(net: Network, X: Matrix, Y: Matrix, step: L2Step): Network {
  const copy = cloneNetwork(net);
  updateMiniBatchL2(copy, X, Y, step);
  return copy;
}

/**
 * What a wrong weight decay says about itself: the factor the weights were
 * really scaled by, read off `decayed`, and which slip gives that factor.
 */
function decayHint(before: Network, decayed: Network, undecayed: Network, { eta, lambda, n }: L2Step, m: number): string {
  let [dot, norm] = [0, 0];
  before.weights.forEach((w, l) => {
    for (let k = 0; k < w.data.length; k++) {
      dot += (undecayed.weights[l].data[k] - decayed.weights[l].data[k]) * w.data[k];
      norm += w.data[k] * w.data[k];
    }
  });
  const got = dot / norm;
  const candidates: [string, number][] = [
    ["1 − ηλ/m, with m the mini-batch's size instead of n", (eta * lambda) / m],
    ["1 − λ/n, without η", lambda / n],
    ["1 − ηλ/(2n)", (eta * lambda) / (2 * n)],
    ["1 + ηλ/n, a growth instead of a decay", -(eta * lambda) / n],
  ];
  const slip = candidates.find(([, c]) => Math.abs(got - c) <= 1e-9 * Math.max(1, Math.abs(c)));
  const factor = (c: number) => (c < 0 ? `1 + ${-c}` : `1 − ${c}`);
  return (
    `with η = ${eta}, λ = ${lambda}, n = ${n} (m = ${m}) the weights should be scaled by 1 − ηλ/n = ${factor((eta * lambda) / n)}; ` +
    `compared with the same step at λ = 0, yours were scaled by about ${factor(got)}` +
    (slip ? `, which is ${slip[0]}` : "")
  );
}

/** The mean regularised cost C = (1/m) Σ_x C_x + (λ/2n) Σ_w w² on the columns of X and Y, from feedforward (kata 06) and cost.fn (kata 15). */
function regularisedCost(net: Network, X: Matrix, Y: Matrix, cost: Cost, lambda: number, n: number): number {
  let data = 0;
  for (let j = 0; j < X.cols; j++) data += cost.fn(feedforward(net, columnOf(X, j)), columnOf(Y, j));
  let squares = 0;
  for (const w of net.weights) for (const v of w.data) squares += v * v;
  return data / X.cols + (lambda / (2 * n)) * squares;
}

/** The central difference (f(θ + h) − f(θ − h)) / 2h, as in lessons 09 and 15. */
const H = 1e-5;
/** Steps below this (divided by η) are compared absolutely, to TOLERANCE · FLOOR; see lesson 15's gradient check. */
const FLOOR = 1e-3;
const TOLERANCE = 1e-6;

describe("18-regularisation", () => {
  describe("updateMiniBatchL2", () => {
    it("with λ = 0 and QuadraticCost takes kata 11's updateMiniBatchMatrix step, whatever n is", () => {
      assertProperty(
        fc.property(batchArb(networkArb({ minLayers: 2, maxLayers: 4, maxSize: 5 })), settingsArb, ({ net, X, Y }, { eta, n }) => {
          const expected = cloneNetwork(net);
          updateMiniBatchMatrix(expected, X, Y, eta);
          const actual = stepped(net, X, Y, { eta, lambda: 0, n, cost: QuadraticCost });
          const hint = networkStepHint(net, actual, expected, X.cols);
          const what = hint ? `λ = 0 (${hint})` : "λ = 0";
          for (const [l, w] of actual.weights.entries()) assertMatrixClose(w, expected.weights[l], 1e-12, `${what}: weights[${l}]`);
          for (const [l, b] of actual.biases.entries()) assertMatrixClose(b, expected.biases[l], 1e-12, `${what}: biases[${l}]`);
        }),
      );
    });

    it("with all-zero inputs the first layer's gradient vanishes: its weights are scaled by exactly 1 − ηλ/n, and the biases are not decayed", () => {
      // A one-layer network: with x = 0 every output is σ(b), the weights' gradient is δ·xᵀ = 0, and the bias's is the mean of δ.
      const arb = fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
        .chain(([inputs, outputs, m]) =>
          fc.record({
            net: networkOfSizesArb([inputs, outputs], MODERATE),
            X: fc.constant({ rows: inputs, cols: m, data: new Float64Array(inputs * m) }),
            Y: columnsArb(outputs, m, fc.double({ min: 0, max: 1, noNaN: true })),
          }),
        );
      assertProperty(
        fc.property(arb, settingsArb, ({ net, X, Y }, { eta, lambda, n }) => {
          for (const [name, cost] of COSTS) {
            const actual = stepped(net, X, Y, { eta, lambda, n, cost });
            const [w, b] = [net.weights[0], net.biases[0]];
            const factor = 1 - (eta * lambda) / n;
            const decayed = { rows: w.rows, cols: w.cols, data: w.data.map((v) => factor * v) };
            assertMatrixClose(actual.weights[0], decayed, 1e-13, `${name}, η = ${eta}, λ = ${lambda}, n = ${n}: weights[0], (1 − ηλ/n)·w`);
            // δ for output i and column j: (σ(b_i) − y_ij), times σ'(z) = σ(b_i)(1 − σ(b_i)) for the quadratic cost.
            const bias = b.data.map((bi, i) => {
              const a = oracleSigmoid(bi);
              let mean = 0;
              for (let j = 0; j < Y.cols; j++) mean += ((a - Y.data[i * Y.cols + j]) * (cost === QuadraticCost ? a * (1 - a) : 1)) / Y.cols;
              return bi - eta * mean;
            });
            assertMatrixClose(
              actual.biases[0],
              { rows: b.rows, cols: 1, data: bias },
              1e-12,
              `${name}: biases[0], b − η·mean(δ), not decayed`,
            );
          }
        }),
      );
    });

    it("differs from the same step at λ = 0 only in the weights, by exactly −(ηλ/n)·w: weight decay, and no decay of the biases", () => {
      assertProperty(
        fc.property(batchArb(networkArb({ minLayers: 2, maxLayers: 4, maxSize: 5 })), settingsArb, ({ net, X, Y }, step) => {
          for (const [name, cost] of COSTS) {
            const decayed = stepped(net, X, Y, { ...step, cost });
            const plain = stepped(net, X, Y, { ...step, lambda: 0, cost });
            const c = (step.eta * step.lambda) / step.n;
            for (const [l, b] of decayed.biases.entries()) {
              assertMatrixClose(b, plain.biases[l], 1e-12, `${name}: biases[${l}] must not depend on λ (the biases are not decayed)`);
            }
            for (const [l, w] of decayed.weights.entries()) {
              const w0 = net.weights[l].data;
              for (let k = 0; k < w.data.length; k++) {
                const expected = plain.weights[l].data[k] - c * w0[k];
                const scale = Math.max(1, Math.abs(w0[k]), Math.abs(plain.weights[l].data[k]));
                if (!(Math.abs(w.data[k] - expected) <= 1e-12 * scale)) {
                  assert.fail(
                    `${name}: weights[${l}] entry ${k} is ${w.data[k]}, expected ${expected}: ` +
                      decayHint(net, decayed, plain, { ...step, cost }, X.cols),
                  );
                }
              }
            }
          }
        }),
      );
    });

    it("is a step of −η times the gradient of C = (1/m) Σ C_x + (λ/2n) Σ w² (central differences, cross-entropy)", () => {
      const net = sizesArb({ minLayers: 2, maxLayers: 3, maxSize: 4 }).chain((sizes) => networkOfSizesArb(sizes, MODERATE));
      const arb = fc.record({
        eta: fc.double({ min: 0.05, max: 3, noNaN: true }),
        lambda: fc.double({ min: 0, max: 5, noNaN: true }),
        n: fc.integer({ min: 1, max: 60 }),
      });
      assertProperty(
        fc.property(batchArb(net, 4), arb, ({ net, X, Y }, { eta, lambda, n }) => {
          const after = stepped(net, X, Y, { eta, lambda, n, cost: CrossEntropyCost });
          const probe = cloneNetwork(net);
          for (const [name, params, moved] of [
            ["biases", probe.biases, after.biases],
            ["weights", probe.weights, after.weights],
          ] as const) {
            params.forEach((theta, l) => {
              for (let k = 0; k < theta.data.length; k++) {
                const saved = theta.data[k];
                theta.data[k] = saved + H;
                const plus = regularisedCost(probe, X, Y, CrossEntropyCost, lambda, n);
                theta.data[k] = saved - H;
                const minus = regularisedCost(probe, X, Y, CrossEntropyCost, lambda, n);
                theta.data[k] = saved;
                const gradient = (plus - minus) / (2 * H);
                const step = (moved[l].data[k] - saved) / -eta;
                const error = Math.abs(step - gradient) / Math.max(Math.abs(step), Math.abs(gradient), FLOOR);
                if (!(error <= TOLERANCE)) {
                  assert.fail(
                    `${name}[${l}] entry ${k}: your step is −η × ${step}, but ∂C/∂θ ≈ ${gradient} by central differences ` +
                      `(η = ${eta}, λ = ${lambda}, n = ${n}, m = ${X.cols}, a ${net.sizes.join("-")} network)`,
                  );
                }
              }
            });
          }
        }),
      );
    });

    it("decays by ηλ/n with n the training set's size, not the mini-batch's m: η = 0.5, λ = 5, n = 1,000, m = 2", () => {
      // #region n-not-m
      const net = seededNetwork([3, 4, 2], testRng(18));
      const X = literal([
        [0.1, 0.9],
        [0, 0.5],
        [0.8, 0],
      ]);
      const Y = literal([
        [1, 0],
        [0, 1],
      ]);
      const step = { eta: 0.5, lambda: 5, n: 1000, cost: QuadraticCost };
      // Kata 11's unregularised step, then the decay: −(ηλ/n)·w = −0.0025·w (with m = 2 instead of n it would be −1.25·w).
      const expected = cloneNetwork(net);
      updateMiniBatchMatrix(expected, X, Y, step.eta);
      expected.weights.forEach((w, l) => {
        for (let k = 0; k < w.data.length; k++) w.data[k] -= 0.0025 * net.weights[l].data[k];
      });
      // #endregion n-not-m
      const actual = stepped(net, X, Y, step);
      const plain = stepped(net, X, Y, { ...step, lambda: 0 });
      for (const [l, w] of actual.weights.entries()) {
        assertMatrixClose(w, expected.weights[l], 1e-12, `weights[${l}] (${decayHint(net, actual, plain, step, 2)})`);
      }
      for (const [l, b] of actual.biases.entries()) assertMatrixClose(b, expected.biases[l], 1e-12, `biases[${l}]`);
    });

    it("rejects η ≤ 0, λ < 0, NaN, ±∞ and an n that is not a positive integer with a one-line RangeError naming the value, leaving the network unchanged", () => {
      const net = seededNetwork([2, 3, 2], testRng(5));
      const before = snapshotNetwork(net);
      const X = literal([[0.5], [0.25]]);
      const Y = literal([[1], [0]]);
      const good = { eta: 0.5, lambda: 5, n: 100, cost: CrossEntropyCost };
      const bad: [string, Partial<L2Step>, RegExp][] = [
        ["eta", { eta: 0 }, namesNumber(0)],
        ["eta", { eta: -0.5 }, namesNumber(-0.5)],
        ["eta", { eta: Number.NaN }, /NaN/],
        ["eta", { eta: Number.POSITIVE_INFINITY }, /Infinity/],
        ["lambda", { lambda: -1 }, namesNumber(-1)],
        ["lambda", { lambda: Number.NaN }, /NaN/],
        ["lambda", { lambda: Number.POSITIVE_INFINITY }, /Infinity/],
        ["n", { n: 0 }, namesNumber(0)],
        ["n", { n: -3 }, namesNumber(-3)],
        ["n", { n: 2.5 }, namesNumber(2.5)],
        ["n", { n: Number.NaN }, /NaN/],
        ["n", { n: Number.POSITIVE_INFINITY }, /Infinity/],
      ];
      for (const [name, change, value] of bad) {
        const step = { ...good, ...change };
        assert.throws(
          () => updateMiniBatchL2(net, X, Y, step),
          (error: unknown) => {
            assert.ok(error instanceof RangeError, `${name} = ${step[name as keyof L2Step]}: expected a RangeError, got ${String(error)}`);
            assert.match(
              error.message,
              value,
              `${name} = ${step[name as keyof L2Step]}: the message must name the value: "${error.message}"`,
            );
            assert.ok(!error.message.includes("\n"), `the message must be one line: "${error.message}"`);
            return true;
          },
          `${name} = ${step[name as keyof L2Step]} must be rejected`,
        );
        assert.deepEqual(snapshotNetwork(net), before, `${name} = ${step[name as keyof L2Step]}: the network changed`);
      }
      // λ = 0 is no regularisation, n = 1 a training set of one image, and any small η > 0 a learning rate: all accepted.
      for (const change of [{ lambda: 0 }, { n: 1 }, { eta: 1e-9 }]) {
        assert.doesNotThrow(() => updateMiniBatchL2(cloneNetwork(net), X, Y, { ...good, ...change }), `${JSON.stringify(change)} is valid`);
      }
    });
  });
});
