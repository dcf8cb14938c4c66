/**
 * Test helpers for matrices. They build plain `{ rows, cols, data }` objects
 * and never call the code under test, so they work even while `src/` is a stub.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Matrix } from "#nn/matrix.ts";

/** A matrix literal for tests: `literal([[1, 2], [3, 4]])`. */
export function literal(rows: number[][]): Matrix {
  return { rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) };
}

export interface EntryRange {
  min?: number;
  max?: number;
}

/** Random `rows × cols` matrices with finite entries in [min, max] (default [-10, 10]). */
export function matrixArb(rows: number, cols: number, { min = -10, max = 10 }: EntryRange = {}): fc.Arbitrary<Matrix> {
  return fc
    .array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), {
      minLength: rows * cols,
      maxLength: rows * cols,
    })
    .map((values) => ({ rows, cols, data: Float64Array.from(values) }));
}

/** A dimension for random shapes: small, so that properties run fast and shrink well. */
export const dimArb = fc.integer({ min: 1, max: 6 });

/** A random matrix of random shape. */
export const anyMatrixArb = fc.tuple(dimArb, dimArb).chain(([rows, cols]) => matrixArb(rows, cols));

/** Assert that `actual` has `expected`'s shape and entries within `tolerance` (absolute plus relative). */
export function assertMatrixClose(actual: Matrix, expected: Matrix, tolerance = 1e-9, what = "matrix"): void {
  assert.equal(
    `${actual.rows}×${actual.cols}`,
    `${expected.rows}×${expected.cols}`,
    `${what}: expected shape ${expected.rows}×${expected.cols}, got ${actual.rows}×${actual.cols}`,
  );
  assert.equal(actual.data.length, expected.data.length, `${what}: data has ${actual.data.length} entries`);
  for (let k = 0; k < expected.data.length; k++) {
    const [a, e] = [actual.data[k], expected.data[k]];
    const scale = Math.max(1, Math.abs(e));
    if (!(Math.abs(a - e) <= tolerance * scale)) {
      const [i, j] = [Math.floor(k / expected.cols), k % expected.cols];
      assert.fail(`${what}: entry (${i}, ${j}) is ${a}, expected ${e} (tolerance ${tolerance})`);
    }
  }
}

/** Column j of a matrix, as an n×1 matrix: one example of a batch. */
export function columnOf(M: Matrix, j: number): Matrix {
  return { rows: M.rows, cols: 1, data: Float64Array.from({ length: M.rows }, (_, i) => M.data[i * M.cols + j]) };
}
