/**
 * Nielsen's chapter-3 recipe in TensorFlow.js, for `npm run compare --
 * --chapter 3`: sigmoid layers, the cross-entropy cost, L2 regularisation
 * and plain SGD, built on kata 13's model code (`#nn/tfjs-model.ts`: the
 * backend, `setTfWeights`, `trainEpochTf`, `predictSetTf`). It is not a
 * kata: the learner's Part II is the scratch network's (katas 15–19), and
 * this file is what the same recipe costs in tf.
 *
 * The scratch step (kata 18's `updateMiniBatchL2`, Nielsen's equation (93)),
 * for a training set of n images and a mini-batch of m:
 *
 * $$w \to \left(1 - \frac{\eta\lambda}{n}\right) w - \frac{\eta}{m} \sum_x \nabla_w C_x,
 * \qquad C_x = -\sum_{j=1}^{k} \left[y_j \ln a_j + (1 - y_j) \ln(1 - a_j)\right],$$
 *
 * biases with no decay term. tf's SGD step at rate lr on its loss
 * $L = \frac{1}{m\,k} \sum_x C_x + f \sum w^2$ (`binaryCrossentropy` averages
 * over the k outputs as well as the m examples; the `l2` regulariser adds
 * $f \sum w^2$ once per step, not per example, and its gradient is $2 f w$):
 *
 * $$w \to (1 - 2\,\mathrm{lr}\,f)\, w - \frac{\mathrm{lr}}{k} \cdot \frac1m \sum_x \nabla_w C_x.$$
 *
 * The two are equal when $\mathrm{lr}/k = \eta$ and $2\,\mathrm{lr}\,f = \eta\lambda/n$:
 * $\mathrm{lr} = \eta k$ and $f = \lambda / (2 n k)$. For chapter 3
 * (η = 0.5, λ = 5, k = 10, n = 50,000): lr = 5 and f = 5·10⁻⁶.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * tf's learning rate for Nielsen's η with the cross-entropy cost:
 * `binaryCrossentropy` is $\frac{1}{k}$ of Nielsen's cost per example (it
 * averages over the k `outputs`), so lr = η·k. Unlike kata 13's quadratic
 * cost there is no ½ to undo: 5 for η = 0.5 and 10 outputs.
 */
export function tfCrossEntropyRate(eta: number, outputs: number): number {
  return eta * outputs;
}

/**
 * The factor f of `tf.regularizers.l2({ l2: f })` that takes Nielsen's
 * weight decay $1 - \eta\lambda/n$ at the learning rate of
 * {@link tfCrossEntropyRate}: tf adds $f \sum w^2$ to the loss once per
 * step, so the step decays w by $2\,\mathrm{lr}\,f = 2 \eta k f$, which is
 * $\eta\lambda/n$ when $f = \lambda / (2 n k)$. `trainingImages` is n, the
 * whole training set's size (not the mini-batch's).
 */
export function tfL2Factor(lambda: number, trainingImages: number, outputs: number): number {
  return lambda / (2 * trainingImages * outputs);
}

/** What a chapter-3 model is built with: Nielsen's η and λ, and n, the number of training images. */
export interface TfChapter3Options {
  readonly eta: number;
  readonly lambda: number;
  readonly trainingImages: number;
}

/**
 * A compiled tf model for `sizes`: one dense sigmoid layer (with biases) per
 * weight matrix, each kernel (never a bias) L2-regularised with
 * {@link tfL2Factor}, the cross-entropy cost (`binaryCrossentropy`) and
 * plain SGD at {@link tfCrossEntropyRate}. Load the starting weights with
 * kata 13's `setTfWeights`, train with its `trainEpochTf`.
 */
export function createTfChapter3Model(sizes: readonly number[], options: TfChapter3Options): tf.Sequential {
  if (sizes.length < 2) throw new RangeError(`createTfChapter3Model: a network needs at least 2 layers, got [${sizes.join(", ")}]`);
  const outputs = sizes[sizes.length - 1];
  const l2 = tfL2Factor(options.lambda, options.trainingImages, outputs);
  const model = tf.sequential();
  for (let l = 1; l < sizes.length; l++) {
    model.add(
      tf.layers.dense({
        units: sizes[l],
        activation: "sigmoid",
        kernelRegularizer: tf.regularizers.l2({ l2 }),
        ...(l === 1 ? { inputShape: [sizes[0]] } : {}),
      }),
    );
  }
  // tf clips the outputs to [1e-7, 1 − 1e-7] inside binaryCrossentropy: an output saturated beyond that gets no gradient.
  model.compile({ optimizer: tf.train.sgd(tfCrossEntropyRate(options.eta, outputs)), loss: "binaryCrossentropy" });
  return model;
}
