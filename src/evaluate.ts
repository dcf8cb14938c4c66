/**
 * Kata 07 · Evaluating a classifier.
 *
 * Nielsen's `Network.evaluate` counts how many test images the network gets
 * right, taking as its answer the output neuron with the highest activation.
 * To know whether a number like that is any good, this kata also builds
 * two of Nielsen's three baselines: guessing at random, and average
 * darkness (the third, a support vector machine, the lesson only quotes).
 * Lesson: `katas/07-evaluate/README.md`.
 *
 * @module
 */
import type { Matrix } from "./matrix.ts";
import type { LabeledExample, Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** A classifier: the digit it predicts for an input image. */
export type Classifier = (x: Matrix) => number;

/** The index of the largest entry of a column vector (the first one on ties). Nielsen's np.argmax. */
export function argmax(a: Matrix): number {
  throw new Error("Not implemented: argmax (kata 07-evaluate, lesson katas/07-evaluate/README.md)");
}

/**
 * How many test inputs the network classifies correctly: its prediction is
 * argmax(feedforward(net, x)). Nielsen's evaluate. Read `testData` once, with
 * `for … of`: it may be a generator.
 */
export function evaluate(net: Network, testData: Iterable<LabeledExample>): number {
  throw new Error("Not implemented: evaluate (kata 07-evaluate, lesson katas/07-evaluate/README.md)");
}

/**
 * The fraction of examples a classifier gets right. Read `data` once: it may
 * be a generator. Throws when `data` is empty: the fraction of no examples
 * is 0/0, which has no value (returning NaN would hide the mistake).
 */
export function accuracy(classify: Classifier, data: Iterable<LabeledExample>): number {
  throw new Error("Not implemented: accuracy (kata 07-evaluate, lesson katas/07-evaluate/README.md)");
}

/**
 * confusion[actual][predicted] counts, a `classes × classes` array of arrays;
 * throws, naming both lengths, when the lists differ in length (either way),
 * and, naming the label, on a label that is not an integer in 0..classes−1.
 */
export function confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, classes = 10): number[][] {
  throw new Error("Not implemented: confusionMatrix (kata 07-evaluate, lesson katas/07-evaluate/README.md)");
}

/**
 * Nielsen's first baseline: guess a digit uniformly at random. Each call
 * draws one `rng.uniform()` $u$ and guesses $\lfloor u \cdot \text{classes} \rfloor$,
 * ignoring the image.
 */
export function randomClassifier(rng: Rng, classes = 10): Classifier {
  throw new Error("Not implemented: randomClassifier (kata 07-evaluate, lesson katas/07-evaluate/README.md)");
}

/**
 * Nielsen's "average darkness" baseline: learn the mean darkness (sum of
 * pixel values) of each digit, then predict the digit whose mean darkness is
 * closest (the smallest such digit on ties). Only the digits that occur in
 * `training` can be predicted; an empty `training` throws.
 */
export function darknessClassifier(training: Iterable<LabeledExample>): Classifier {
  throw new Error("Not implemented: darknessClassifier (kata 07-evaluate, lesson katas/07-evaluate/README.md)");
}
