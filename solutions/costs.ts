/**
 * Kata 15 · The cross-entropy cost — reference solution.
 *
 * Nielsen, chapter 3, section *The cross-entropy cost function*. With the
 * quadratic cost, BP1 carries a factor σ'(z^L): a saturated output neuron
 * that is badly wrong learns slowly. The cross-entropy cost cancels that
 * factor, so the output error is just $\delta^L = a^L - y$. Like Nielsen's
 * `network2.py`, a cost is a pair of functions, its value `fn` and its
 * output error `delta`, and backpropagation takes the cost as a parameter:
 * BP1 in its general form $\delta^L = \nabla_a C \odot \sigma'(z^L)$.
 *
 * @module
 */
import type { Gradient } from "./backprop.ts";
import { quadraticCost } from "./cost.ts";
import { type Matrix, matmul, matrix, sub, transpose } from "./matrix.ts";
import type { Network } from "./network.ts";
import { sigmoid, sigmoidPrime } from "./sigmoid.ts";

/**
 * A cost function, as Nielsen's `network2.py` has them: `fn(a, y)` is the
 * cost of one example (or, given matrices with one example per column, the
 * sum over the examples), and `delta(z, a, y)` is the output error
 * $\delta^L = \partial C / \partial z^L$ for the weighted inputs `z` and the
 * output activations `a = σ(z)`.
 */
export interface Cost {
  readonly fn: (a: Matrix, y: Matrix) => number;
  readonly delta: (z: Matrix, a: Matrix, y: Matrix) => Matrix;
}

const shape = (m: Matrix) => `${m.rows}×${m.cols}`;

function checkSameShape(name: string, a: Matrix, y: Matrix): void {
  if (a.rows !== y.rows || a.cols !== y.cols) {
    throw new RangeError(`${name}: a is ${shape(a)} but y is ${shape(y)}; they must have the same shape`);
  }
}

/** ln v, with v floored at the smallest positive double: ln 0 becomes about −744.4 instead of −∞. */
const safeLog = (v: number) => Math.log(Math.max(v, Number.MIN_VALUE));

/**
 * The cross-entropy cost of outputs `a` against targets `y`, summed over
 * every entry: $-\sum_j \left[y_j \ln a_j + (1 - y_j) \ln(1 - a_j)\right]$
 * (Nielsen's equation (63) for one example: without his $\frac1n \sum_x$).
 * Finite for saturated outputs: a term whose factor is 0 counts as 0
 * ($0 \ln 0 = 0$, the limit), and a logarithm of 0 is taken as
 * $\ln$ `Number.MIN_VALUE` ≈ −744.4, so the cost is never NaN or ∞.
 * Non-negative for entries in [0, 1]; for targets in {0, 1}, zero exactly
 * when `a` equals `y`. Throws, naming both shapes, when they differ.
 */
export function crossEntropyCost(a: Matrix, y: Matrix): number {
  checkSameShape("crossEntropyCost", a, y);
  let sum = 0;
  for (let k = 0; k < a.data.length; k++) {
    const [ak, yk] = [a.data[k], y.data[k]];
    if (yk !== 0) sum -= yk * safeLog(ak);
    if (yk !== 1) sum -= (1 - yk) * safeLog(1 - ak);
  }
  return sum;
}

/**
 * The cross-entropy cost's output error, $\delta^L = a - y$ (Nielsen's
 * equation (66)): the σ'(z) of BP1 cancels against the cost's derivative,
 * so a saturated neuron still learns fast. `z` is not needed; it is a
 * parameter so that every cost's `delta` has the same signature. Returns a
 * new matrix and leaves `a` and `y` unchanged; throws, naming both shapes,
 * when `a` and `y` differ.
 */
// biome-ignore lint/correctness/noUnusedFunctionParameters: every cost's delta takes z, as in network2.py; this one does not need it.
export function crossEntropyDelta(z: Matrix, a: Matrix, y: Matrix): Matrix {
  checkSameShape("crossEntropyDelta", a, y);
  return sub(a, y);
}

/**
 * The quadratic cost's output error, BP1 as in Part I:
 * $\delta^L = (a - y) \odot \sigma'(z)$ (Nielsen's equation (30)), for
 * `a = σ(z)`. Returns a new matrix and leaves `z`, `a` and `y` unchanged;
 * throws, naming both shapes, when `a` and `y` differ.
 */
export function quadraticDelta(z: Matrix, a: Matrix, y: Matrix): Matrix {
  checkSameShape("quadraticDelta", a, y);
  const delta = matrix(a.rows, a.cols);
  for (let k = 0; k < delta.data.length; k++) delta.data[k] = (a.data[k] - y.data[k]) * sigmoidPrime(z.data[k]);
  return delta;
}

/** Part I's cost, $\frac12 \lVert a - y \rVert^2$ per example, with its output error. */
export const QuadraticCost: Cost = { fn: (a, y) => quadraticCost([a], [y]), delta: quadraticDelta };

/** Chapter 3's cost, with its output error $a - y$. */
export const CrossEntropyCost: Cost = { fn: crossEntropyCost, delta: crossEntropyDelta };

/**
 * One layer for the whole batch: Z = W A_prev + b 1ᵀ. Departure, for speed,
 * as in kata 11: the loops skip zero inputs (most MNIST pixels are 0).
 */
function weightedInput(w: Matrix, b: Matrix, aPrev: Matrix): Matrix {
  const [n, k, m] = [w.rows, w.cols, aPrev.cols];
  const z = matrix(n, m);
  const [Z, W, A] = [z.data, w.data, aPrev.data];
  for (let i = 0; i < n; i++) Z.fill(b.data[i], i * m, (i + 1) * m);
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < m; j++) {
      const input = A[p * m + j];
      if (input === 0) continue;
      for (let zi = j, wi = p; zi < n * m; zi += m, wi += k) Z[zi] += W[wi] * input;
    }
  }
  return z;
}

/** ∇W = Δ Aᵀ, skipping the zeros of A, with Δ transposed so that the sums run through contiguous memory (as kata 11). */
function deltaTimesActivationsT(delta: Matrix, a: Matrix): Matrix {
  const [n, k, m] = [delta.rows, a.rows, a.cols];
  const nablaW = matrix(n, k);
  const [G, D, A] = [nablaW.data, delta.data, a.data];
  const DT = new Float64Array(m * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) DT[j * n + i] = D[i * m + j];
  const sums = new Float64Array(n);
  for (let p = 0; p < k; p++) {
    let touched = false;
    for (let j = 0; j < m; j++) {
      const activation = A[p * m + j];
      if (activation === 0) continue;
      if (!touched) sums.fill(0);
      touched = true;
      for (let i = 0, d = j * n; i < n; i++, d++) sums[i] += DT[d] * activation;
    }
    if (touched) for (let i = 0, g = p; i < n; i++, g += k) G[g] = sums[i];
  }
  return nablaW;
}

/**
 * Backpropagation with the cost as a parameter, for a batch: `X` is
 * `sizes[0] × m` (one input per column; a single example is a one-column
 * `X`), `Y` is `sizes[L − 1] × m`. BP1 is `cost.delta(z^L, a^L, Y)`; BP2 to
 * BP4 are kata 11's. Returns the **mean** gradient over the m columns; with
 * `QuadraticCost` it equals kata 11's `backpropBatch`. Leaves `net`, `X`
 * and `Y` unchanged. Throws, naming the shape that does not fit, when `X`
 * does not have `sizes[0]` rows or `Y` is not `sizes[L − 1] × m`.
 */
export function backpropWithCost(net: Network, X: Matrix, Y: Matrix, cost: Cost): Gradient {
  const outputs = net.sizes[net.sizes.length - 1];
  if (X.rows !== net.sizes[0]) {
    throw new RangeError(`the batch X is ${shape(X)} but this network takes ${net.sizes[0]} inputs: X must be ${net.sizes[0]}×m`);
  }
  if (Y.rows !== outputs || Y.cols !== X.cols) {
    throw new RangeError(`the batch Y is ${shape(Y)} but must be ${outputs}×${X.cols} to match X (${shape(X)})`);
  }
  const m = X.cols;
  const L = net.weights.length;

  // Feedforward, keeping every activation, and the output layer's weighted input for BP1.
  const activations: Matrix[] = [X];
  let z = X;
  for (let l = 0; l < L; l++) {
    z = weightedInput(net.weights[l], net.biases[l], activations[l]);
    const a = matrix(z.rows, z.cols);
    for (let k = 0; k < a.data.length; k++) a.data[k] = sigmoid(z.data[k]);
    activations.push(a);
  }

  // BP1 in its general form: the cost says what the output error is. Divided by m, so the gradients are means.
  let delta = cost.delta(z, activations[L], Y);
  for (let k = 0; k < delta.data.length; k++) delta.data[k] /= m;

  const nablaB: Matrix[] = new Array(L);
  const nablaW: Matrix[] = new Array(L);
  for (let l = L - 1; l >= 0; l--) {
    // BP3 and BP4.
    const nb = matrix(delta.rows, 1);
    for (let i = 0; i < delta.rows; i++) for (let j = 0; j < m; j++) nb.data[i] += delta.data[i * m + j];
    nablaB[l] = nb;
    nablaW[l] = deltaTimesActivationsT(delta, activations[l]);
    if (l === 0) break;
    // BP2, with σ'(z) = a(1 − a) from the activations already computed (as kata 11).
    const back = matmul(transpose(net.weights[l]), delta);
    const a = activations[l];
    for (let k = 0; k < back.data.length; k++) back.data[k] *= a.data[k] * (1 - a.data[k]);
    delta = back;
  }
  return { nablaB, nablaW };
}
