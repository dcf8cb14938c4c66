import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  add,
  column,
  fromRows,
  get,
  hadamard,
  identity,
  type Matrix,
  map,
  matmul,
  matrix,
  outer,
  scale,
  sub,
  toRows,
  transpose,
} from "#nn/matrix.ts";
import { anyMatrixArb, assertMatrixClose, dimArb, literal, matrixArb } from "../support/matrices.ts";
import { assertThrowsNamingShapes, namesNumber } from "../support/messages.ts";
import { assertProperty } from "../support/property.ts";

/** An independent oracle: the textbook definition on plain arrays. */
function oracleProduct(a: Matrix, b: Matrix): Matrix {
  const data = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let sum = 0;
      for (let k = 0; k < a.cols; k++) sum += a.data[i * a.cols + k] * b.data[k * b.cols + j];
      data[i * b.cols + j] = sum;
    }
  return { rows: a.rows, cols: b.cols, data };
}

/** Pairs of matrices that can be multiplied: (n × k) and (k × m). */
const multipliableArb = fc.tuple(dimArb, dimArb, dimArb).chain(([n, k, m]) => fc.tuple(matrixArb(n, k), matrixArb(k, m)));

/** Two matrices of the same random shape. */
const sameShapeArb = fc.tuple(dimArb, dimArb).chain(([r, c]) => fc.tuple(matrixArb(r, c), matrixArb(r, c)));

const snapshot = (m: Matrix) => Array.from(m.data);

describe("01-matrices", () => {
  describe("building matrices", () => {
    it("matrix(rows, cols) is all zeros with the right shape", () => {
      const m = matrix(2, 3);
      assert.equal(m.rows, 2);
      assert.equal(m.cols, 3);
      assert.ok(m.data instanceof Float64Array, "data must be a Float64Array");
      assert.deepEqual(Array.from(m.data), [0, 0, 0, 0, 0, 0]);
    });

    it("matrix(rows, cols, data) copies the data row-major", () => {
      const source = [1, 2, 3, 4, 5, 6];
      const m = matrix(2, 3, source);
      assert.deepEqual(toRows(m), [
        [1, 2, 3],
        [4, 5, 6],
      ]);
      source[0] = 99;
      assert.equal(m.data[0], 1, "matrix() must copy its data, not keep a reference to it");
      const typed = Float64Array.of(1, 2, 3, 4);
      const t = matrix(2, 2, typed);
      typed[0] = 99;
      assert.equal(t.data[0], 1, "matrix() must copy a Float64Array too, not keep it");
    });

    it("matrix() rejects data of the wrong length, saying how many values it needs", () => {
      assert.throws(() => matrix(2, 3, [1, 2, 3]), /6/);
      assert.throws(() => matrix(2, 3, [1, 2, 3, 4, 5, 6, 7]), namesNumber(6), "7 values for a 2×3 matrix are too many");
    });

    it("matrix() rejects shapes that are not positive integers", () => {
      assert.throws(() => matrix(0, 3), namesNumber(0));
      assert.throws(() => matrix(2, 1.5), /1\.5/);
      assert.throws(() => matrix(-1, 2), /-1/);
    });

    it("fromRows and toRows are inverses", () => {
      assertProperty(
        fc.property(anyMatrixArb, (m) => {
          const rows = m.rows;
          const round = fromRows(toRows(m));
          assert.equal(round.rows, rows);
          assertMatrixClose(round, m, 0);
        }),
      );
    });

    it("fromRows rejects ragged rows", () => {
      assert.throws(() => fromRows([[1, 2], [3]]), /row 1/);
      // 2 + 1 + 3 entries: as many as a 3×2 matrix holds, but the rows are still ragged.
      assert.throws(() => fromRows([[1, 2], [3], [4, 5, 6]]), /row 1/);
    });

    it("column(values) is an n×1 matrix", () => {
      const v = column([1, 2, 3]);
      assert.deepEqual([v.rows, v.cols], [3, 1]);
      assert.deepEqual(Array.from(v.data), [1, 2, 3]);
      const typed = Float64Array.of(4, 5);
      const w = column(typed);
      typed[0] = 99;
      assert.deepEqual(Array.from(w.data), [4, 5], "column() must copy its values, not keep them");
    });

    it("get(m, i, j) reads entry (i, j) and rejects indices outside the matrix", () => {
      const m = literal([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      assert.equal(get(m, 0, 2), 3);
      assert.equal(get(m, 1, 0), 4);
      assertThrowsNamingShapes(() => get(m, 2, 0), [[2, 3]]);
      assertThrowsNamingShapes(() => get(m, 0, 3), [[2, 3]]);
      assertThrowsNamingShapes(() => get(m, -1, 0), [[2, 3]]);
      assertThrowsNamingShapes(() => get(m, 1, -1), [[2, 3]]);
    });

    it("identity(n) has ones on the diagonal only", () => {
      assert.deepEqual(toRows(identity(3)), [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]);
    });
  });

  describe("matmul", () => {
    it("multiplies a hand-worked 2×3 by 3×2 example", () => {
      // #region matmul-by-hand
      const a = literal([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const b = literal([
        [7, 8],
        [9, 10],
        [11, 12],
      ]);
      assert.deepEqual(toRows(matmul(a, b)), [
        [58, 64],
        [139, 154],
      ]);
      // #endregion matmul-by-hand
    });

    it("has shape (n×k)(k×m) = n×m and agrees with the textbook definition", () => {
      assertProperty(
        fc.property(multipliableArb, ([a, b]) => {
          assertMatrixClose(matmul(a, b), oracleProduct(a, b), 1e-12, "matmul(a, b)");
        }),
      );
    });

    it("lets a NaN or an infinity through, as the sum says: 0 · NaN is NaN, 0 · ∞ is NaN", () => {
      const zeroRow = literal([[0, 1]]);
      assert.ok(Number.isNaN(get(matmul(zeroRow, literal([[Number.NaN], [2]])), 0, 0)), "[0 1] · [NaN; 2] is NaN");
      assert.ok(Number.isNaN(get(matmul(zeroRow, literal([[Number.POSITIVE_INFINITY], [2]])), 0, 0)), "[0 1] · [∞; 2] is NaN");
      assert.ok(Number.isNaN(get(matmul(literal([[Number.NaN, 1]]), literal([[0], [2]])), 0, 0)), "[NaN 1] · [0; 2] is NaN");
    });

    it("I·A = A = A·I", () => {
      assertProperty(
        fc.property(anyMatrixArb, (a) => {
          assertMatrixClose(matmul(identity(a.rows), a), a, 0, "I·A");
          assertMatrixClose(matmul(a, identity(a.cols)), a, 0, "A·I");
        }),
      );
    });

    it("is associative within floating-point tolerance: (AB)C ≈ A(BC)", () => {
      const tripleArb = fc
        .tuple(dimArb, dimArb, dimArb, dimArb)
        .chain(([n, k, l, m]) => fc.tuple(matrixArb(n, k), matrixArb(k, l), matrixArb(l, m)));
      assertProperty(
        fc.property(tripleArb, ([a, b, c]) => {
          assertMatrixClose(matmul(matmul(a, b), c), matmul(a, matmul(b, c)), 1e-9, "(AB)C vs A(BC)");
        }),
      );
    });

    it("rejects mismatched shapes with an error that names both", () => {
      const a = matrix(2, 3);
      assertThrowsNamingShapes(
        () => matmul(a, a),
        [
          [2, 3],
          [2, 3],
        ],
      );
      assertThrowsNamingShapes(
        () => matmul(matrix(4, 1), matrix(2, 5)),
        [
          [4, 1],
          [2, 5],
        ],
      );
    });

    it("leaves its arguments unchanged", () => {
      assertProperty(
        fc.property(multipliableArb, ([a, b]) => {
          const [before, beforeB] = [snapshot(a), snapshot(b)];
          matmul(a, b);
          assert.deepEqual(snapshot(a), before);
          assert.deepEqual(snapshot(b), beforeB);
        }),
      );
    });
  });

  describe("transpose", () => {
    it("swaps rows and columns: (Aᵀ)ᵢⱼ = Aⱼᵢ", () => {
      assertProperty(
        fc.property(anyMatrixArb, (a) => {
          const t = transpose(a);
          assert.deepEqual([t.rows, t.cols], [a.cols, a.rows]);
          for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) assert.equal(t.data[j * a.rows + i], a.data[i * a.cols + j]);
        }),
      );
    });

    it("(AB)ᵀ = BᵀAᵀ", () => {
      assertProperty(
        fc.property(multipliableArb, ([a, b]) => {
          assertMatrixClose(transpose(matmul(a, b)), matmul(transpose(b), transpose(a)), 1e-12, "(AB)ᵀ vs BᵀAᵀ");
        }),
      );
    });
  });

  describe("entrywise operations", () => {
    const cases: [string, (a: Matrix, b: Matrix) => Matrix, (x: number, y: number) => number][] = [
      ["add", add, (x, y) => x + y],
      ["sub", sub, (x, y) => x - y],
      ["hadamard", hadamard, (x, y) => x * y],
    ];
    for (const [name, op, definition] of cases) {
      it(`${name} works entry by entry and leaves its arguments unchanged`, () => {
        assertProperty(
          fc.property(sameShapeArb, ([a, b]) => {
            const [beforeA, beforeB] = [snapshot(a), snapshot(b)];
            const expected = { rows: a.rows, cols: a.cols, data: a.data.map((x, k) => definition(x, b.data[k])) };
            assertMatrixClose(op(a, b), expected, 0, name);
            assert.deepEqual(snapshot(a), beforeA, `${name} changed its first argument`);
            assert.deepEqual(snapshot(b), beforeB, `${name} changed its second argument`);
          }),
        );
      });

      it(`${name} rejects different shapes, naming both`, () => {
        assertThrowsNamingShapes(
          () => op(matrix(2, 3), matrix(3, 2)),
          [
            [2, 3],
            [3, 2],
          ],
        );
        assertThrowsNamingShapes(
          () => op(matrix(1, 4), matrix(4, 1)),
          [
            [1, 4],
            [4, 1],
          ],
        );
        // Equal rows, different columns; then the other way round.
        assertThrowsNamingShapes(
          () => op(matrix(2, 3), matrix(2, 4)),
          [
            [2, 3],
            [2, 4],
          ],
        );
        assertThrowsNamingShapes(
          () => op(matrix(3, 2), matrix(4, 2)),
          [
            [3, 2],
            [4, 2],
          ],
        );
      });
    }

    it("scale(A, c) multiplies every entry by c and leaves A unchanged", () => {
      assertProperty(
        fc.property(anyMatrixArb, fc.double({ min: -5, max: 5, noNaN: true }), (a, c) => {
          const before = snapshot(a);
          const expected = { rows: a.rows, cols: a.cols, data: a.data.map((x) => c * x) };
          assertMatrixClose(scale(a, c), expected, 0, "scale");
          assert.deepEqual(snapshot(a), before, "scale changed its argument");
        }),
      );
    });

    it("map(A, f) applies f to every entry, keeps the shape and leaves A unchanged", () => {
      assertProperty(
        fc.property(anyMatrixArb, (a) => {
          const before = snapshot(a);
          const expected = { rows: a.rows, cols: a.cols, data: a.data.map((x) => x * x + 1) };
          assertMatrixClose(
            map(a, (x) => x * x + 1),
            expected,
            0,
            "map",
          );
          assert.deepEqual(snapshot(a), before, "map changed its argument");
        }),
      );
    });
  });

  describe("outer", () => {
    it("u vᵀ is n×m with entries uᵢvⱼ", () => {
      const vectorsArb = fc.tuple(dimArb, dimArb).chain(([n, m]) => fc.tuple(matrixArb(n, 1), matrixArb(m, 1)));
      assertProperty(
        fc.property(vectorsArb, ([u, v]) => {
          const expected = oracleProduct(u, { rows: 1, cols: v.rows, data: v.data });
          assertMatrixClose(outer(u, v), expected, 0, "outer(u, v)");
        }),
      );
    });

    it("rejects anything but two column vectors, naming both shapes", () => {
      assertThrowsNamingShapes(
        () => outer(matrix(3, 2), matrix(3, 1)),
        [
          [3, 2],
          [3, 1],
        ],
      );
      assertThrowsNamingShapes(
        () => outer(matrix(3, 1), matrix(1, 3)),
        [
          [3, 1],
          [1, 3],
        ],
      );
      assertThrowsNamingShapes(
        () => outer(matrix(3, 1), matrix(2, 3)),
        [
          [3, 1],
          [2, 3],
        ],
      );
    });
  });

  describe("new matrices", () => {
    it("every operation returns a new matrix: writing into the result leaves the arguments unchanged", () => {
      const u = literal([[1], [2], [3]]);
      const r = literal([[1, 2, 3]]);
      const a = literal([
        [1, 2],
        [3, 4],
      ]);
      const b = literal([
        [0, 0],
        [0, 0],
      ]);
      const I = literal([
        [1, 0],
        [0, 1],
      ]);
      const one = literal([[1]]);
      const calls: [string, () => Matrix, Matrix[]][] = [
        ["transpose(u) of a column vector u", () => transpose(u), [u]],
        ["transpose(r) of a row vector r", () => transpose(r), [r]],
        ["transpose(a)", () => transpose(a), [a]],
        ["scale(a, 1)", () => scale(a, 1), [a]],
        ["scale(a, 2)", () => scale(a, 2), [a]],
        ["map(a, (x) => x)", () => map(a, (x) => x), [a]],
        ["add(a, zeros)", () => add(a, b), [a, b]],
        ["sub(a, zeros)", () => sub(a, b), [a, b]],
        ["hadamard(a, zeros)", () => hadamard(a, b), [a, b]],
        ["matmul(a, I)", () => matmul(a, I), [a, I]],
        ["outer(u, [1])", () => outer(u, one), [u, one]],
      ];
      for (const [call, f, args] of calls) {
        const before = args.map(snapshot);
        f().data.fill(Number.NaN);
        assert.deepEqual(args.map(snapshot), before, `${call} returned a matrix that shares its data with an argument`);
      }
    });
  });
});
