/**
 * Kata 07 · Evaluating a classifier — reference solution.
 *
 * Nielsen's `Network.evaluate` counts how many test images the network gets
 * right, taking as its answer the output neuron with the highest activation.
 * Before any training, that number means little without something to
 * compare it with, so this kata also builds two of Nielsen's three baselines:
 * guessing at random (about 10%) and comparing how dark an image is with the
 * average darkness of each digit (about 22%). The third, scikit-learn's
 * support vector machine with its default settings (94.35%), the lesson
 * only quotes.
 *
 * @module
 */
import { feedforward } from "./feedforward.ts";
import type { Matrix } from "./matrix.ts";
import type { LabeledExample, Network } from "./network.ts";
import type { Rng } from "./random.ts";

/** A classifier: the digit it predicts for an input image. */
export type Classifier = (x: Matrix) => number;

/** The index of the largest entry of a column vector (the first one on ties). Nielsen's np.argmax. */
export function argmax(a: Matrix): number {
  let best = 0;
  // Strictly greater: a later entry equal to the best so far does not replace
  // it, so ties go to the first, as numpy's argmax does.
  for (let i = 1; i < a.data.length; i++) if (a.data[i] > a.data[best]) best = i;
  return best;
}

/**
 * How many test inputs the network classifies correctly: its prediction is
 * argmax(feedforward(net, x)). Nielsen's evaluate:
 *
 *     test_results = [(np.argmax(self.feedforward(x)), y) for (x, y) in test_data]
 *     return sum(int(x == y) for (x, y) in test_results)
 *
 * One pass over `testData`, so a generator that makes each image on demand
 * works, and the 10,000 test images never need to be in memory at once.
 */
export function evaluate(net: Network, testData: Iterable<LabeledExample>): number {
  let correct = 0;
  for (const { x, label } of testData) if (argmax(feedforward(net, x)) === label) correct++;
  return correct;
}

/** The fraction of examples a classifier gets right; no examples is an error, not NaN. */
export function accuracy(classify: Classifier, data: Iterable<LabeledExample>): number {
  // Count while iterating, once: `data` may be a generator, which can be read only once.
  let [correct, total] = [0, 0];
  for (const { x, label } of data) {
    total++;
    if (classify(x) === label) correct++;
  }
  if (total === 0) throw new RangeError("accuracy: no examples; the fraction right of no examples is 0/0, which has no value");
  return correct / total;
}

function checkLabel(name: string, values: ArrayLike<number>, i: number, classes: number): void {
  const v = values[i];
  if (!Number.isInteger(v) || v < 0 || v >= classes) {
    throw new RangeError(`confusionMatrix: ${name}[${i}] is ${v}, not a class 0..${classes - 1}`);
  }
}

/**
 * confusion[actual][predicted] counts, a `classes × classes` array of arrays;
 * throws, naming both lengths, when the lists differ in length (either way),
 * and, naming the label, on a label that is not an integer in 0..classes−1.
 *
 * Row `d` tells what the classifier says when shown the digit `d`: the
 * diagonal holds the correct answers, and a large entry off it is a
 * confusion, such as 4s read as 9s.
 */
export function confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, classes = 10): number[][] {
  if (predicted.length !== actual.length) {
    throw new RangeError(
      `confusionMatrix: ${predicted.length} predictions but ${actual.length} actual labels; there must be one of each per example`,
    );
  }
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < actual.length; i++) {
    checkLabel("predicted", predicted, i, classes);
    checkLabel("actual", actual, i, classes);
    confusion[actual[i]][predicted[i]]++;
  }
  return confusion;
}

/**
 * Nielsen's first baseline: guess a digit uniformly at random. Each call
 * draws one `rng.uniform()` $u$ and guesses $\lfloor u \cdot \text{classes} \rfloor$,
 * ignoring the image.
 */
export function randomClassifier(rng: Rng, classes = 10): Classifier {
  return () => Math.floor(rng.uniform() * classes);
}

/** The darkness of an image: the sum of its pixel values. */
function darkness(x: Matrix): number {
  let sum = 0;
  for (const pixel of x.data) sum += pixel;
  return sum;
}

/**
 * Nielsen's "average darkness" baseline: learn the mean darkness (sum of
 * pixel values) of each digit, then predict the digit whose mean darkness is
 * closest (the smallest such digit on ties). Only the digits that occur in
 * `training` can be predicted; an empty `training` throws.
 *
 * A 1 uses little ink and an 8 a lot, so darkness alone carries some
 * information: Nielsen's version gets 2,225 of the 10,000 test images right.
 */
export function darknessClassifier(training: Iterable<LabeledExample>): Classifier {
  // Totals and counts per digit, in one pass over the training data.
  const totals = new Map<number, { sum: number; count: number }>();
  for (const { x, label } of training) {
    const entry = totals.get(label) ?? { sum: 0, count: 0 };
    entry.sum += darkness(x);
    entry.count++;
    totals.set(label, entry);
  }
  if (totals.size === 0) throw new RangeError("darknessClassifier: no training examples to learn from");
  // The mean darkness of each digit, smallest digit first, so that ties go to it.
  const means = [...totals].map(([digit, { sum, count }]) => ({ digit, mean: sum / count })).sort((p, q) => p.digit - q.digit);
  return (x) => {
    const d = darkness(x);
    let best = means[0];
    for (const candidate of means) if (Math.abs(candidate.mean - d) < Math.abs(best.mean - d)) best = candidate;
    return best.digit;
  };
}
