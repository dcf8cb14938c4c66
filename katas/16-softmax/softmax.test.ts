import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Matrix } from "#nn/matrix.ts";
import { LogLikelihoodCost, logLikelihoodCost, logLikelihoodDelta, softmax } from "#nn/softmax.ts";
import { assertMatrixClose, type EntryRange, literal, matrixArb } from "../support/matrices.ts";
import { assertThrowsNamingShapes } from "../support/messages.ts";
import { assertProperty } from "../support/property.ts";

const entry = (m: Matrix, i: number, j: number) => m.data[i * m.cols + j];
const zeros = (rows: number, cols: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols) });

/** One-hot targets: column j all 0s but for a 1 in row `targets[j]`. */
function oneHot(rows: number, targets: readonly number[]): Matrix {
  const y = zeros(rows, targets.length);
  targets.forEach((row, j) => {
    y.data[row * targets.length + j] = 1;
  });
  return y;
}

/**
 * The oracle, written out here: ln Σ_k e^{z_k} of column j of z, as m + ln Σ_k e^{z_k − m}
 * with m the column's maximum (log-sum-exp, finite for every finite z).
 */
function logSumExp(z: Matrix, j: number): number {
  let m = -Infinity;
  for (let i = 0; i < z.rows; i++) m = Math.max(m, entry(z, i, j));
  let sum = 0;
  for (let i = 0; i < z.rows; i++) sum += Math.exp(entry(z, i, j) - m);
  return m + Math.log(sum);
}

/** The oracle for softmax: a_ij = e^{z_ij − ln Σ_k e^{z_kj}}. */
function oracleSoftmax(z: Matrix): Matrix {
  const a = zeros(z.rows, z.cols);
  for (let j = 0; j < z.cols; j++) {
    const lse = logSumExp(z, j);
    for (let i = 0; i < z.rows; i++) a.data[i * z.cols + j] = Math.exp(entry(z, i, j) - lse);
  }
  return a;
}

/** The oracle for the cost of softmax outputs: Σ over the columns of −ln softmax(z)_y = ln Σ_k e^{z_k} − z_y. */
function oracleCostOfZ(z: Matrix, targets: readonly number[]): number {
  return targets.reduce((sum, row, j) => sum + logSumExp(z, j) - entry(z, row, j), 0);
}

/**
 * The central finite difference of f at every entry of z, (f(z + h e_ij) − f(z − h e_ij)) / 2h:
 * the gradient of f, without any calculus.
 */
function finiteDifferenceGradient(f: (z: Matrix) => number, z: Matrix, h = 1e-5): Matrix {
  const gradient = zeros(z.rows, z.cols);
  for (let k = 0; k < z.data.length; k++) {
    const [plus, minus] = [Float64Array.from(z.data), Float64Array.from(z.data)];
    plus[k] += h;
    minus[k] -= h;
    gradient.data[k] = (f({ ...z, data: plus }) - f({ ...z, data: minus })) / (2 * h);
  }
  return gradient;
}

function columnSums(a: Matrix): number[] {
  return Array.from({ length: a.cols }, (_, j) => {
    let sum = 0;
    for (let i = 0; i < a.rows; i++) sum += entry(a, i, j);
    return sum;
  });
}

/** Weighted inputs z (rows × cols, one example per column) with entries in `range`, and each column's right answer. */
function batchArb(range: EntryRange, { minRows = 1, maxRows = 6, maxCols = 4 } = {}) {
  return fc
    .record({ rows: fc.integer({ min: minRows, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc.record({
        z: matrixArb(rows, cols, range),
        targets: fc.array(fc.integer({ min: 0, max: rows - 1 }), { minLength: cols, maxLength: cols }),
      }),
    );
}

/** |z| ≤ 30: the spread within a column is at most 60, and e^{−60} is far from underflow. */
const MODERATE: EntryRange = { min: -30, max: 30 };
/** |z| ≤ 1000: e^z overflows from z ≈ 709.8 on, and underflows to 0 below z ≈ −745. */
const HUGE: EntryRange = { min: -1000, max: 1000 };

function assertDistributions(a: Matrix, strictlyPositive: boolean, what: string): void {
  for (let k = 0; k < a.data.length; k++) {
    const v = a.data[k];
    const [i, j] = [Math.floor(k / a.cols), k % a.cols];
    assert.ok(Number.isFinite(v), `${what}: entry (${i}, ${j}) is ${v}, not a finite number`);
    assert.ok(strictlyPositive ? v > 0 : v >= 0, `${what}: entry (${i}, ${j}) is ${v}, expected ${strictlyPositive ? "> 0" : "≥ 0"}`);
  }
  columnSums(a).forEach((sum, j) => {
    assert.ok(Math.abs(sum - 1) <= 1e-12, `${what}: column ${j} sums to ${sum}, expected 1 (within 1e-12)`);
  });
}

describe("16-softmax", () => {
  describe("softmax", () => {
    it("softmax of the columns [1, 2, 3], [0, 0, 0] and [0, ln 3, 0], worked by hand", () => {
      // #region softmax-by-hand
      const e = Math.E;
      const s = 1 + e + e * e; // e¹ + e² + e³ = e · (1 + e + e²): the e cancels
      const z = literal([
        [1, 0, 0],
        [2, 0, Math.log(3)],
        [3, 0, 0],
      ]);
      const expected = literal([
        [1 / s, 1 / 3, 1 / 5], // column 1: [1, e, e²] / (1 + e + e²) ≈ [0.090, 0.245, 0.665]
        [e / s, 1 / 3, 3 / 5], // column 2: equal inputs, equal outputs
        [(e * e) / s, 1 / 3, 1 / 5], // column 3: [1, 3, 1] / 5, since e^{ln 3} = 3
      ]);
      assertMatrixClose(softmax(z), expected, 1e-14, "softmax(z)");
      // #endregion softmax-by-hand
    });

    it("returns a new matrix of z's shape and leaves z unchanged", () => {
      assertProperty(
        fc.property(batchArb(HUGE), ({ z }) => {
          const before = Array.from(z.data);
          const a = softmax(z);
          assert.deepEqual([a.rows, a.cols], [z.rows, z.cols], `softmax of a ${z.rows}×${z.cols} matrix must be ${z.rows}×${z.cols}`);
          assert.ok(a !== z && a.data !== z.data, "softmax must return a new matrix, not z itself");
          assert.deepEqual(Array.from(z.data), before, "softmax changed z");
        }),
      );
    });

    it("makes each column a probability distribution: entries > 0 for |z| ≤ 30 and ≥ 0 for |z| ≤ 1000, each column summing to 1 (within 1e-12)", () => {
      assertProperty(fc.property(batchArb(MODERATE), ({ z }) => assertDistributions(softmax(z), true, "softmax(z), |z| ≤ 30")));
      assertProperty(fc.property(batchArb(HUGE), ({ z }) => assertDistributions(softmax(z), false, "softmax(z), |z| ≤ 1000")));
    });

    it("is finite, never NaN, for |z| up to 1000, even for a column of equal huge values", () => {
      const p = 1 / (1 + Math.exp(-1)); // softmax([t, t − 1]) = [p, 1 − p] for every t
      const cases: [string, number[][], number[][]][] = [
        ["[1000, 1000, 1000]", [[1000], [1000], [1000]], [[1 / 3], [1 / 3], [1 / 3]]],
        ["[−1000, −1000]", [[-1000], [-1000]], [[1 / 2], [1 / 2]]],
        ["[1000, 0]", [[1000], [0]], [[1], [0]]],
        ["[0, 1000]", [[0], [1000]], [[0], [1]]],
        ["[−1000, 1000]", [[-1000], [1000]], [[0], [1]]],
        ["[0, −1000]", [[0], [-1000]], [[1], [0]]],
        [
          "the columns [1000, 999] and [−1000, −1001]",
          [
            [1000, -1000],
            [999, -1001],
          ],
          [
            [p, p],
            [1 - p, 1 - p],
          ],
        ],
      ];
      for (const [name, z, expected] of cases) {
        assertMatrixClose(softmax(literal(z)), literal(expected), 1e-14, `softmax of ${name}`);
      }
    });

    it("equals e^{z_j} / Σ_k e^{z_k} column by column, each column on its own, even when the columns are 1000s apart", () => {
      // Each column is its own example: a column near +980 beside one near −980 must not change it.
      const spreadArb = batchArb({ min: -20, max: 20 }, { maxCols: 4 }).chain(({ z }) =>
        fc.array(fc.double({ min: -980, max: 980, noNaN: true }), { minLength: z.cols, maxLength: z.cols }).map((offsets) => ({
          z: { ...z, data: z.data.map((v, k) => v + offsets[k % z.cols]) },
        })),
      );
      assertProperty(fc.property(spreadArb, ({ z }) => assertMatrixClose(softmax(z), oracleSoftmax(z), 1e-12, "softmax(z)")));
    });

    it("is unchanged when a constant is added to every entry of a column", () => {
      const shiftedArb = batchArb(MODERATE).chain(({ z }) =>
        fc
          .array(fc.double({ min: -950, max: 950, noNaN: true }), { minLength: z.cols, maxLength: z.cols })
          .map((shifts) => ({ z, shifts })),
      );
      assertProperty(
        fc.property(shiftedArb, ({ z, shifts }) => {
          const shifted = { ...z, data: z.data.map((v, k) => v + shifts[k % z.cols]) };
          assertMatrixClose(softmax(shifted), softmax(z), 1e-9, `softmax(z + c), c = [${shifts.join(", ")}] per column, vs softmax(z)`);
        }),
      );
    });

    it("is monotone: a larger z_j has a larger a_j, and raising z_j raises a_j and lowers every other entry of its column", () => {
      // Nielsen's exercise "Monotonicity of softmax": ∂a_j/∂z_k is > 0 for j = k and < 0 for j ≠ k.
      const bumpArb = batchArb({ min: -10, max: 10 }, { minRows: 2 }).chain(({ z }) =>
        fc.record({
          z: fc.constant(z),
          i: fc.integer({ min: 0, max: z.rows - 1 }),
          j: fc.integer({ min: 0, max: z.cols - 1 }),
          bump: fc.double({ min: 0.01, max: 5, noNaN: true }),
        }),
      );
      assertProperty(
        fc.property(bumpArb, ({ z, i, j, bump }) => {
          const a = softmax(z);
          for (let col = 0; col < z.cols; col++) {
            for (let p = 0; p < z.rows; p++) {
              for (let q = 0; q < z.rows; q++) {
                if (entry(z, p, col) - entry(z, q, col) > 1e-9) {
                  assert.ok(
                    entry(a, p, col) > entry(a, q, col),
                    `in column ${col}, z[${p}] = ${entry(z, p, col)} > z[${q}] = ${entry(z, q, col)} but a[${p}] = ${entry(a, p, col)} is not > a[${q}] = ${entry(a, q, col)}`,
                  );
                }
              }
            }
          }
          const raised = Float64Array.from(z.data);
          raised[i * z.cols + j] += bump;
          const b = softmax({ ...z, data: raised });
          for (let k = 0; k < z.rows; k++) {
            const [before, after] = [entry(a, k, j), entry(b, k, j)];
            if (k === i)
              assert.ok(
                after > before,
                `raising z[${i}][${j}] by ${bump} must raise a[${i}][${j}], but it went from ${before} to ${after}`,
              );
            else
              assert.ok(
                after < before,
                `raising z[${i}][${j}] by ${bump} must lower a[${k}][${j}], but it went from ${before} to ${after}`,
              );
          }
        }),
      );
    });

    it("throws, saying so, on an empty matrix (no rows)", () => {
      for (const cols of [1, 3]) {
        assert.throws(
          () => softmax({ rows: 0, cols, data: new Float64Array(0) }),
          /empty|rows/i,
          `softmax of a 0×${cols} matrix must throw, saying it is empty or has no rows`,
        );
      }
    });
  });

  describe("logLikelihoodCost", () => {
    it("is −ln a_y, summed over the columns, worked by hand", () => {
      // #region cost-by-hand
      const a = literal([
        [0.5, 0.1],
        [0.25, 0.2],
        [0.25, 0.7],
      ]);
      // The right answers: row 0 in column 0, row 1 in column 1 (where the output is not the largest).
      const y = literal([
        [1, 0],
        [0, 1],
        [0, 0],
      ]);
      const close = (got: number, want: number, what: string) =>
        assert.ok(Math.abs(got - want) <= 1e-14, `${what} is ${got}, expected ${want}`);
      close(logLikelihoodCost(literal([[0.5], [0.25], [0.25]]), literal([[1], [0], [0]])), Math.log(2), "−ln 0.5 = ln 2: the first column");
      close(logLikelihoodCost(a, y), Math.log(2) + Math.log(5), "−ln 0.5 − ln 0.2 = ln 10: both columns, summed");
      // #endregion cost-by-hand
    });

    it("is the sum over the columns of −ln a_y, and reads no other entry of a", () => {
      const outputsArb = batchArb({ min: 0, max: 1 }).chain(({ z, targets }) =>
        matrixArb(z.rows, z.cols, { min: 0, max: 1 }).map((other) => ({ a: z, other, targets })),
      );
      assertProperty(
        fc.property(outputsArb, ({ a, other, targets }) => {
          const y = oneHot(a.rows, targets);
          const want = targets.reduce((sum, row, j) => sum - Math.log(Math.max(entry(a, row, j), Number.MIN_VALUE)), 0);
          const got = logLikelihoodCost(a, y);
          assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, want), `the cost is ${got}, expected Σ −ln a_y = ${want}`);
          // The same a_y of each column, every other entry different: the same cost.
          const changed = { ...a, data: other.data.map((v, k) => (y.data[k] === 1 ? a.data[k] : v)) };
          const again = logLikelihoodCost(changed, y);
          assert.ok(
            Math.abs(again - got) <= 1e-12 * Math.max(1, got),
            `changing only entries other than a_y changed the cost from ${got} to ${again}`,
          );
        }),
      );
    });

    it("is ≥ 0 for entries in [0, 1], 0 when every a_y = 1, and falls to 0 as a_y rises to 1", () => {
      assertProperty(
        fc.property(batchArb({ min: 0, max: 1 }), ({ z: a, targets }) => {
          const cost = logLikelihoodCost(a, oneHot(a.rows, targets));
          assert.ok(cost >= 0, `the cost is ${cost}, expected ≥ 0 for outputs in [0, 1]`);
          assert.equal(logLikelihoodCost(oneHot(a.rows, targets), oneHot(a.rows, targets)), 0, "a = y must cost 0: −ln 1 = 0");
        }),
      );
      let previous = Infinity;
      for (const epsilon of [0.5, 1e-2, 1e-4, 1e-8]) {
        const cost = logLikelihoodCost(literal([[epsilon], [1 - epsilon]]), literal([[0], [1]]));
        assert.ok(
          cost < previous && Math.abs(cost - -Math.log(1 - epsilon)) <= 1e-15,
          `a = [${epsilon}, ${1 - epsilon}] with y = [0, 1] costs ${cost}, expected −ln ${1 - epsilon} ≈ ${epsilon}`,
        );
        previous = cost;
      }
    });

    it("is finite when a_y = 0 (ln 0 taken as ln Number.MIN_VALUE ≈ −744.4), and a 0 elsewhere costs nothing", () => {
      const floor = -Math.log(Number.MIN_VALUE); // ≈ 744.44
      const cases: [string, number[][], number[][], number][] = [
        ["a = [0, 1], y = [1, 0]", [[0], [1]], [[1], [0]], floor],
        ["a = [0, 1], y = [0, 1]", [[0], [1]], [[0], [1]], 0],
        [
          "two columns, each with a_y = 0",
          [
            [0, 1],
            [1, 0],
          ],
          [
            [1, 0],
            [0, 1],
          ],
          2 * floor,
        ],
      ];
      for (const [name, a, y, want] of cases) {
        const got = logLikelihoodCost(literal(a), literal(y));
        assert.ok(Number.isFinite(got), `${name}: the cost is ${got}, expected a finite number`);
        assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, want), `${name}: the cost is ${got}, expected ${want}`);
      }
    });

    it("throws, naming both shapes, when a and y differ in shape", () => {
      assertThrowsNamingShapes(
        () => logLikelihoodCost(zeros(3, 2), oneHot(3, [0])),
        [
          [3, 2],
          [3, 1],
        ],
      );
      assertThrowsNamingShapes(
        () => logLikelihoodCost(zeros(2, 1), oneHot(3, [0])),
        [
          [2, 1],
          [3, 1],
        ],
      );
    });
  });

  describe("logLikelihoodDelta", () => {
    it("is a − y, worked by hand, and leaves z, a and y unchanged", () => {
      const z = literal([
        [0, 1],
        [Math.log(3), 1],
      ]);
      const a = literal([
        [1 / 4, 1 / 2],
        [3 / 4, 1 / 2],
      ]); // softmax(z)
      const y = oneHot(2, [1, 0]);
      const copies = [z, a, y].map((m) => Array.from(m.data));
      const delta = logLikelihoodDelta(z, a, y);
      assertMatrixClose(
        delta,
        literal([
          [1 / 4, -1 / 2],
          [-1 / 4, 1 / 2],
        ]),
        1e-15,
        "logLikelihoodDelta(z, a, y)",
      );
      assert.ok(delta !== a && delta.data !== a.data, "logLikelihoodDelta must return a new matrix, not a changed in place");
      for (const [k, m] of [z, a, y].entries()) {
        assert.deepEqual(Array.from(m.data), copies[k], `logLikelihoodDelta changed ${["z", "a", "y"][k]}`);
      }
    });

    it("is the gradient of z ↦ Σ −ln softmax(z)_y: central finite differences agree (Nielsen's equation (84))", () => {
      assertProperty(
        fc.property(batchArb({ min: -5, max: 5 }), ({ z, targets }) => {
          const delta = logLikelihoodDelta(z, softmax(z), oneHot(z.rows, targets));
          const numerical = finiteDifferenceGradient((v) => oracleCostOfZ(v, targets), z);
          assertMatrixClose(delta, numerical, 1e-6, "logLikelihoodDelta(z, softmax(z), y) vs the finite-difference gradient");
        }),
      );
    });

    it("throws, naming both shapes, when a and y differ in shape", () => {
      assertThrowsNamingShapes(
        () => logLikelihoodDelta(zeros(3, 2), zeros(3, 2), oneHot(3, [0])),
        [
          [3, 2],
          [3, 1],
        ],
      );
      assertThrowsNamingShapes(
        () => logLikelihoodDelta(zeros(2, 1), zeros(2, 1), oneHot(3, [0])),
        [
          [2, 1],
          [3, 1],
        ],
      );
    });
  });

  describe("LogLikelihoodCost", () => {
    it("pairs them: fn(softmax(z), y) is Σ −ln softmax(z)_y, and delta(z, softmax(z), y) is its gradient", () => {
      assertProperty(
        fc.property(batchArb({ min: -5, max: 5 }), ({ z, targets }) => {
          const y = oneHot(z.rows, targets);
          const cost = LogLikelihoodCost.fn(softmax(z), y);
          const want = oracleCostOfZ(z, targets);
          assert.ok(Math.abs(cost - want) <= 1e-9 * Math.max(1, want), `LogLikelihoodCost.fn(softmax(z), y) is ${cost}, expected ${want}`);
          const numerical = finiteDifferenceGradient((v) => LogLikelihoodCost.fn(softmax(v), y), z);
          assertMatrixClose(
            LogLikelihoodCost.delta(z, softmax(z), y),
            numerical,
            1e-6,
            "LogLikelihoodCost.delta vs the gradient of its fn",
          );
        }),
      );
    });
  });
});
