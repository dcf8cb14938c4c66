/**
 * Kata 11 · The whole mini-batch at once — reference solution.
 *
 * Nielsen's problem "Fully matrix-based approach to backpropagation over a
 * mini-batch", at the end of chapter 2's section *The code for
 * backpropagation*. The four equations of backpropagation, with every vector
 * of one example replaced by a matrix whose columns are the examples of the
 * mini-batch (layers numbered as Nielsen's: A^1 = X, and layer l's W^l is
 * `weights[l − 2]`; BP1 in its quadratic-cost form):
 *
 *     Z^l = W^l A^{l-1} + b^l 1ᵀ        A^l = σ(Z^l)
 *     Δ^L = (A^L − Y) ⊙ σ'(Z^L)         Δ^l = ((W^{l+1})ᵀ Δ^{l+1}) ⊙ σ'(Z^l)
 *     ∇b^l = (1/m) Δ^l 1                ∇W^l = (1/m) Δ^l (A^{l-1})ᵀ
 *
 * This is the trainer's hot path (5,000 mini-batches an epoch), so it
 * departs from the lessons' style in three places, each marked: its loops
 * skip zero activations (most MNIST pixels are 0), it computes σ'(Z) as
 * A ⊙ (1 − A) from the activations instead of calling exp again (so it keeps
 * no `zs`), and the update subtracts the step from the weights as the
 * backward pass goes, instead of building the gradient first (in exactly
 * the same arithmetic, so the numbers are the same to the last bit). Kata 11's tests hold it
 * to the per-example `backprop` of kata 09.
 *
 * @module
 */
import type { Gradient } from "./backprop.ts";
import { type Matrix, map, matmul, matrix, transpose } from "./matrix.ts";
import type { Network } from "./network.ts";
import { sigmoid } from "./sigmoid.ts";

const shape = (m: Matrix) => `${m.rows}×${m.cols}`;

/**
 * One layer for the whole batch: A = σ(Z) with Z = W A_prev + b 1ᵀ.
 *
 * Departure, for speed: the loops run over the entries of A_prev and skip
 * its zeros. MNIST images are about 80% background, so the first layer, the
 * costly one (784 inputs), does a fifth of the multiplications. Skipping is
 * exact for finite weights (w · 0 = 0). It would turn a NaN or infinite
 * weight times 0 into 0 instead of NaN, which is why kata 01's general
 * `matmul` does not skip; here a weight that is never multiplied by a
 * nonzero input cannot change any output, and the trainer checks every
 * weight for NaN and infinity as it goes (tools/train/training.ts).
 */
function layer(w: Matrix, b: Matrix, aPrev: Matrix): Matrix {
  const [n, k, m] = [w.rows, w.cols, aPrev.cols];
  const z = matrix(n, m);
  const [Z, W, A] = [z.data, w.data, aPrev.data];
  for (let i = 0; i < n; i++) Z.fill(b.data[i], i * m, (i + 1) * m); // the bias, in every column
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < m; j++) {
      const input = A[p * m + j];
      if (input === 0) continue;
      // Down column j of Z and column p of W: Z[i, j] += W[i, p] · input for every i.
      for (let zi = j, wi = p; zi < n * m; zi += m, wi += k) Z[zi] += W[wi] * input;
    }
  }
  return map(z, sigmoid);
}

/**
 * BP3 and BP4 as one step, in place: target ← target − η·(Δ 1) for biases
 * (`a` omitted), target ← target − η·(Δ Aᵀ) for weights, entry (i, p)
 * losing η Σⱼ Δ[i, j] A[p, j]. With the network's own biases and weights
 * it takes the step; with η = −1 on zeros it builds ∇b and ∇W, the very
 * same sums (0 − (−s) is s exactly), so the two can never disagree. Like
 * `layer`, it skips zero activations: a pixel that is 0 in every image of
 * the batch costs nothing.
 */
function subtractStep(target: Matrix, eta: number, delta: Matrix, a?: Matrix): void {
  const [n, m] = [delta.rows, delta.cols];
  const [T, D] = [target.data, delta.data];
  if (!a) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += D[i * m + j];
      T[i] -= eta * sum;
    }
    return;
  }
  const [k, A] = [a.rows, a.data];
  // Δ transposed, DT[j, i] = Δ[i, j], so that the sums for one input p run through contiguous memory.
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
    if (touched) for (let i = 0, t = p; i < n; i++, t += k) T[t] -= eta * sums[i];
  }
}

function checkInputs(net: Network, X: Matrix): void {
  if (X.rows !== net.sizes[0]) {
    throw new RangeError(
      `the batch X is ${shape(X)} but this network takes ${net.sizes[0]} inputs: X must be ${net.sizes[0]}×m, one example per column`,
    );
  }
}

/**
 * The outputs for a whole batch: `X` is `sizes[0] × m`, one input per
 * column; the result is `sizes[L − 1] × m` (L = `sizes.length`), column j being
 * `feedforward(net, x_j)`. Layer by layer, $A \leftarrow \sigma(W A + b\,1^T)$:
 * the bias is added to every column. Throws, naming X's shape (`X is 4×2,
 * but the network takes 3 rows`), when `X` does not have `sizes[0]` rows.
 */
export function feedforwardBatch(net: Network, X: Matrix): Matrix {
  checkInputs(net, X);
  let A = X;
  for (let l = 0; l < net.weights.length; l++) A = layer(net.weights[l], net.biases[l], A);
  return A;
}

/**
 * What the backward pass hands each layer, from the last down: l indexes
 * `weights[l]` (Nielsen's layer l + 2), `delta` is its Δ, and
 * `activationsBefore` the activations of the layer before (A^{l+1}, X for l = 0).
 */
type Visit = (l: number, delta: Matrix, activationsBefore: Matrix) => void;

/**
 * The one backward pass behind `backpropBatch` and `updateMiniBatchMatrix`:
 * feedforward keeping every layer's activations, BP1, then, for each layer
 * from the last down, BP2 for the layer below and then `visit`. Δ^L is
 * divided by m at once: every equation below is linear in Δ, so the
 * gradients come out as means over the batch.
 */
function backward(net: Network, X: Matrix, Y: Matrix, visit: Visit): void {
  checkInputs(net, X);
  const outputs = net.sizes[net.sizes.length - 1];
  if (Y.rows !== outputs || Y.cols !== X.cols) {
    throw new RangeError(`the batch Y is ${shape(Y)} but must be ${outputs}×${X.cols} to match X (${shape(X)})`);
  }
  const m = X.cols;
  const L = net.weights.length;

  // Feedforward, keeping every layer's activations: activations[l] is Nielsen's A^{l+1}, from activations[0] = X = A^1.
  const activations: Matrix[] = [X];
  for (let l = 0; l < L; l++) activations.push(layer(net.weights[l], net.biases[l], activations[l]));

  // BP1: the output error, Δ^L = (A^L − Y) ⊙ σ'(Z^L), divided by m.
  // Departure: σ'(Z) = σ(Z)(1 − σ(Z)) = A ⊙ (1 − A), from the activations already computed.
  const output = activations[L];
  let delta = matrix(output.rows, m);
  for (let k = 0; k < delta.data.length; k++) {
    const a = output.data[k];
    delta.data[k] = ((a - Y.data[k]) * a * (1 - a)) / m;
  }

  for (let l = L - 1; l >= 0; l--) {
    // BP2 first, one layer back: Δ ← ((weights[l])ᵀ Δ) ⊙ σ'(Z) of the layer before, whose activations are activations[l].
    // It must read weights[l] before `visit`, which may change them in place (the step).
    let below: Matrix | undefined;
    if (l > 0) {
      const back = matmul(transpose(net.weights[l]), delta);
      const a = activations[l];
      for (let k = 0; k < back.data.length; k++) back.data[k] *= a.data[k] * (1 - a.data[k]);
      below = back;
    }
    visit(l, delta, activations[l]);
    if (below) delta = below;
  }
}

/**
 * Backpropagation for a whole mini-batch: `X` is `sizes[0] × m` (inputs as
 * columns), `Y` is `sizes[L − 1] × m` (desired outputs as columns). Returns the
 * **mean** gradient over the m examples, which equals the mean of
 * `backprop(net, x_j, y_j)` over the columns. Throws, naming the shape that
 * does not fit (`Y is 3×5, but the network's output is 2×5`), when `X` and
 * `Y` do not fit the network or each other.
 */
export function backpropBatch(net: Network, X: Matrix, Y: Matrix): Gradient {
  const nablaB: Matrix[] = new Array(net.weights.length);
  const nablaW: Matrix[] = new Array(net.weights.length);
  backward(net, X, Y, (l, delta, activationsBefore) => {
    // BP3 and BP4 (Δ already carries the 1/m), summed into zeros: ∇b = Δ 1, ∇W = Δ Aᵀ.
    nablaB[l] = matrix(delta.rows, 1);
    nablaW[l] = matrix(delta.rows, activationsBefore.rows);
    subtractStep(nablaB[l], -1, delta);
    subtractStep(nablaW[l], -1, delta, activationsBefore);
  });
  return { nablaB, nablaW };
}

/**
 * One gradient-descent step on a mini-batch given as matrices: the same
 * step as `updateMiniBatch` (kata 10) on the examples `(x_j, y_j)`, that is
 * $w \rightarrow w - \eta \overline{\nabla w}$ and $b \rightarrow b - \eta \overline{\nabla b}$
 * with the mean gradient. Changes `net` in place.
 */
export function updateMiniBatchMatrix(net: Network, X: Matrix, Y: Matrix, eta: number): void {
  // Departure: the step goes straight into the network as each layer's Δ is known, rather than through a
  // ∇W matrix (784×30 for the first layer) built and then subtracted; this runs 5,000 times an epoch.
  backward(net, X, Y, (l, delta, activationsBefore) => {
    subtractStep(net.weights[l], eta, delta, activationsBefore);
    subtractStep(net.biases[l], eta, delta);
  });
}
