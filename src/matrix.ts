/**
 * Kata 01 · Vectors and matrices.
 *
 * A tiny matrix type: everything the network stores (weights, biases,
 * activations, gradients) is a {@link Matrix}. A vector is a matrix with one
 * column, exactly like Nielsen's numpy arrays of shape `(n, 1)`.
 *
 * Every function returns a new matrix and leaves its arguments unchanged.
 * An error about shapes names them as rows by columns: `2×3`, or `2x3`, or
 * `2 by 3` (`matmul: cannot multiply 2×3 by 2×3`).
 * Lesson: `katas/01-matrices/README.md`.
 *
 * @module
 */

// #region matrix-type
/** A `rows × cols` matrix of numbers, stored row-major: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}
// #endregion matrix-type

/**
 * Make a `rows × cols` matrix. With `data`, copy it (row-major), even when it
 * is a `Float64Array`; without, fill with zeros. Throws when
 * `data.length !== rows * cols`, too few or too many, saying how many values
 * it needs (`a 2×3 matrix needs 6 values, got 7`); and when `rows` or `cols`
 * is not a positive integer, naming the value it got
 * (`rows must be a positive integer, got 0`).
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  throw new Error("Not implemented: matrix (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/**
 * Make a matrix from an array of equal-length rows: `fromRows([[1, 2], [3, 4]])` is 2×2. Ragged rows throw,
 * naming the first row whose length differs from row 0's (`row 1 has 1 entries but row 0 has 2`).
 */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  throw new Error("Not implemented: fromRows (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The rows of `m` as plain arrays, the inverse of {@link fromRows}. */
export function toRows(m: Matrix): number[][] {
  throw new Error("Not implemented: toRows (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** A column vector: an `n × 1` matrix holding a copy of `values`. */
export function column(values: ArrayLike<number>): Matrix {
  throw new Error("Not implemented: column (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The `n × n` identity matrix $I$: ones on the diagonal, zeros elsewhere. */
export function identity(n: number): Matrix {
  throw new Error("Not implemented: identity (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/**
 * Entry (i, j) of `m`, zero-based. Throws when (i, j) is outside the matrix (an index below 0, `i >= rows` or
 * `j >= cols`), naming its shape (`no entry (2, 0) in a 2×3 matrix`).
 */
export function get(m: Matrix, i: number, j: number): number {
  throw new Error("Not implemented: get (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/**
 * The matrix product $AB$: `(n × k)·(k × m) → n × m`, with
 * $(AB)_{ij} = \sum_k A_{ik} B_{kj}$. Throws, naming both shapes, when the
 * inner dimensions differ. Every term of the sum counts, so a NaN or an
 * infinity in A or B shows in the product as the arithmetic says
 * ($0 \cdot \text{NaN}$ is NaN): a blow-up is never hidden.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  throw new Error("Not implemented: matmul (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The transpose $A^T$: `(n × m) → m × n`, with $(A^T)_{ij} = A_{ji}$. */
export function transpose(a: Matrix): Matrix {
  throw new Error("Not implemented: transpose (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The sum $A + B$, entry by entry. Throws, naming both shapes, unless they are equal. */
export function add(a: Matrix, b: Matrix): Matrix {
  throw new Error("Not implemented: add (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The difference $A - B$, entry by entry. Throws, naming both shapes, unless they are equal. */
export function sub(a: Matrix, b: Matrix): Matrix {
  throw new Error("Not implemented: sub (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The Hadamard (elementwise) product $A \odot B$. Throws, naming both shapes, unless they are equal. */
export function hadamard(a: Matrix, b: Matrix): Matrix {
  throw new Error("Not implemented: hadamard (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** The scalar multiple $cA$. */
export function scale(a: Matrix, c: number): Matrix {
  throw new Error("Not implemented: scale (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/**
 * The outer product $u v^T$ of two column vectors: `(n × 1), (m × 1) → n × m`.
 * Throws, naming both shapes, unless both are column vectors.
 */
export function outer(u: Matrix, v: Matrix): Matrix {
  throw new Error("Not implemented: outer (kata 01-matrices, lesson katas/01-matrices/README.md)");
}

/** Apply `f` to every entry: `map(z, sigmoid)` is $\sigma(z)$, vectorised. */
export function map(a: Matrix, f: (value: number) => number): Matrix {
  throw new Error("Not implemented: map (kata 01-matrices, lesson katas/01-matrices/README.md)");
}
