/**
 * Kata 01 · Vectors and matrices — reference solution.
 *
 * A vector is a matrix with one column, as in Nielsen's numpy code. Every
 * function returns a new matrix; none mutates its arguments.
 *
 * @module
 */

/** A `rows × cols` matrix of numbers, stored row-major: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

const shape = (m: Matrix) => `${m.rows}×${m.cols}`;

function checkDimension(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`matrix: ${name} must be a positive integer, got ${n}`);
  }
}

function checkSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`${op}: shapes ${shape(a)} and ${shape(b)} differ; ${op} needs equal shapes`);
  }
}

/**
 * Make a `rows × cols` matrix. With `data`, copy it (row-major), even when it
 * is a `Float64Array`; without, fill with zeros. Throws when
 * `data.length !== rows * cols`, too few or too many, saying how many values
 * it needs (`a 2×3 matrix needs 6 values, got 7`); and when `rows` or `cols`
 * is not a positive integer, naming the value it got
 * (`rows must be a positive integer, got 0`).
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDimension("rows", rows);
  checkDimension("cols", cols);
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  if (data.length !== rows * cols) {
    throw new RangeError(`matrix: a ${rows}×${cols} matrix needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data: Float64Array.from(data) };
}

/**
 * Make a matrix from an array of equal-length rows: `fromRows([[1, 2], [3, 4]])` is 2×2. Ragged rows throw,
 * naming the first row whose length differs from row 0's (`row 1 has 1 entries but row 0 has 2`).
 */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new RangeError(`fromRows: row ${i} has ${row.length} entries but row 0 has ${cols}`);
    }
  });
  return matrix(rows.length, cols, rows.flat());
}

/** The rows of `m` as plain arrays, the inverse of {@link fromRows}. */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** A column vector: an `n × 1` matrix holding a copy of `values`. */
export function column(values: ArrayLike<number>): Matrix {
  return matrix(values.length, 1, values);
}

/** The `n × n` identity matrix $I$: ones on the diagonal, zeros elsewhere. */
export function identity(n: number): Matrix {
  const I = matrix(n, n);
  for (let i = 0; i < n; i++) I.data[i * n + i] = 1;
  return I;
}

/**
 * Entry (i, j) of `m`, zero-based. Throws when (i, j) is outside the matrix (an index below 0, `i >= rows` or
 * `j >= cols`), naming its shape (`no entry (2, 0) in a 2×3 matrix`).
 */
export function get(m: Matrix, i: number, j: number): number {
  if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < m.rows && j < m.cols)) {
    throw new RangeError(`get: (${i}, ${j}) is outside a ${shape(m)} matrix`);
  }
  return m.data[i * m.cols + j];
}

/**
 * The matrix product $AB$: `(n × k)·(k × m) → n × m`, with
 * $(AB)_{ij} = \sum_k A_{ik} B_{kj}$. Throws, naming both shapes, when the
 * inner dimensions differ. Every term of the sum counts, so a NaN or an
 * infinity in A or B shows in the product as the arithmetic says
 * ($0 \cdot \text{NaN}$ is NaN): a blow-up is never hidden.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new RangeError(`matmul: cannot multiply ${shape(a)} by ${shape(b)}: the inner dimensions differ (${a.cols} ≠ ${b.rows})`);
  }
  const product = matrix(a.rows, b.cols);
  const [A, B, C] = [a.data, b.data, product.data];
  // i-k-j order: the inner loop walks rows of B and C contiguously (cache-friendly).
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k];
      const bRow = k * b.cols;
      const cRow = i * b.cols;
      for (let j = 0; j < b.cols; j++) C[cRow + j] += aik * B[bRow + j];
    }
  }
  return product;
}

/** The transpose $A^T$: `(n × m) → m × n`, with $(A^T)_{ij} = A_{ji}$. */
export function transpose(a: Matrix): Matrix {
  const t = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return t;
}

function zipWith(op: string, a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  checkSameShape(op, a, b);
  const result = matrix(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) result.data[i] = f(a.data[i], b.data[i]);
  return result;
}

/** The sum $A + B$, entry by entry. Throws, naming both shapes, unless they are equal. */
export function add(a: Matrix, b: Matrix): Matrix {
  return zipWith("add", a, b, (x, y) => x + y);
}

/** The difference $A - B$, entry by entry. Throws, naming both shapes, unless they are equal. */
export function sub(a: Matrix, b: Matrix): Matrix {
  return zipWith("sub", a, b, (x, y) => x - y);
}

/** The Hadamard (elementwise) product $A \odot B$. Throws, naming both shapes, unless they are equal. */
export function hadamard(a: Matrix, b: Matrix): Matrix {
  return zipWith("hadamard", a, b, (x, y) => x * y);
}

/** The scalar multiple $cA$. */
export function scale(a: Matrix, c: number): Matrix {
  return map(a, (x) => c * x);
}

/**
 * The outer product $u v^T$ of two column vectors: `(n × 1), (m × 1) → n × m`.
 * Throws, naming both shapes, unless both are column vectors.
 */
export function outer(u: Matrix, v: Matrix): Matrix {
  if (u.cols !== 1 || v.cols !== 1) {
    throw new RangeError(`outer: needs two column vectors, got ${shape(u)} and ${shape(v)}`);
  }
  return matmul(u, transpose(v));
}

/** Apply `f` to every entry: `map(z, sigmoid)` is $\sigma(z)$, vectorised. */
export function map(a: Matrix, f: (value: number) => number): Matrix {
  const result = matrix(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) result.data[i] = f(a.data[i]);
  return result;
}
