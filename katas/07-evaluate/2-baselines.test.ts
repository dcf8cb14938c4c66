import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { darknessClassifier, randomClassifier } from "#nn/evaluate.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { LabeledExample } from "#nn/network.ts";
import type { Rng } from "#nn/random.ts";
import { assertProperty } from "../support/property.ts";

const col = (...values: number[]): Matrix => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

/** A fake generator whose uniform() returns the given numbers in turn and counts the calls. */
function scriptedRng(values: readonly number[]): Rng & { readonly calls: number } {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    uniform: () => {
      if (calls >= values.length) throw new Error(`uniform() was called more than the ${values.length} times expected`);
      return values[calls++];
    },
    normal: () => {
      throw new Error("randomClassifier should draw with rng.uniform(), not rng.normal()");
    },
  };
}

/** A generator of the examples: it can be read only once, like a lazily loaded training set. */
function* once(examples: readonly LabeledExample[]): Generator<LabeledExample> {
  yield* examples;
}

const darkness = (x: Matrix) => x.data.reduce((s, p) => s + p, 0);

/** The oracle: the mean darkness of each label seen, then the closest mean (smallest label on ties). */
function oracleDarkness(training: readonly LabeledExample[]): (x: Matrix) => { label: number; gap: number } {
  const labels = [...new Set(training.map((e) => e.label))].sort((p, q) => p - q);
  const means = labels.map((label) => {
    const own = training.filter((e) => e.label === label);
    return own.reduce((s, e) => s + darkness(e.x), 0) / own.length;
  });
  return (x) => {
    const distances = means.map((m) => Math.abs(m - darkness(x)));
    const best = distances.indexOf(Math.min(...distances));
    const sorted = [...distances].sort((p, q) => p - q);
    return { label: labels[best], gap: sorted.length < 2 ? Infinity : sorted[1] - sorted[0] };
  };
}

/** Images of 3 pixels, each a multiple of 1/8 in [0, 1], so that darkness sums are exact. */
const pixelsArb = fc.array(
  fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
  { minLength: 3, maxLength: 3 },
);
const exampleArb = fc.record({ x: pixelsArb.map((p) => col(...p)), label: fc.nat(4) });

describe("07-evaluate", () => {
  describe("randomClassifier", () => {
    it("guesses ⌊u · classes⌋ from one uniform() u per call, ignoring the image", () => {
      const rng = scriptedRng([0, 0.05, 0.1, 0.5, 0.94, 0.96, 0.999999]);
      const guess = randomClassifier(rng);
      const guesses = [0, 1, 2, 3, 4, 5, 6].map((i) => guess(col(i)));
      assert.deepEqual(guesses, [0, 0, 1, 5, 9, 9, 9]);
      assert.equal(rng.calls, 7, "one uniform() per guess");
    });

    it("guesses among `classes` classes", () => {
      const guess = randomClassifier(scriptedRng([0.2, 0.34, 0.5, 0.67, 0.99]), 3);
      assert.deepEqual(
        [1, 2, 3, 4, 5].map(() => guess(col(0))),
        [0, 1, 1, 2, 2],
      );
    });

    it("draws nothing until it is asked for a guess", () => {
      const rng = scriptedRng([0.5]);
      randomClassifier(rng);
      assert.equal(rng.calls, 0);
    });
  });

  describe("darknessClassifier", () => {
    // Darkness: digit 0 images 10 and 14 (mean 12), digit 1 image 2, digit 7 image 4.
    const training = [
      { x: col(5, 5), label: 0 },
      { x: col(7, 7), label: 0 },
      { x: col(1, 1), label: 1 },
      { x: col(0, 4), label: 7 },
    ];

    it("predicts the digit whose mean darkness is closest (the lesson's example)", () => {
      const classify = darknessClassifier(training);
      assert.equal(classify(col(5, 6)), 0, "darkness 11: closest to digit 0's mean, 12");
      assert.equal(classify(col(0.5, 1)), 1, "darkness 1.5: closest to digit 1's mean, 2");
      assert.equal(classify(col(3, 0.5)), 7, "darkness 3.5: closest to digit 7's mean, 4");
      assert.equal(classify(col(50, 50)), 0, "darkness 100: closest to the darkest digit, 0");
    });

    it("compares with the mean darkness of each digit, not the total", () => {
      // Digit 0's total darkness is 24 but its mean is 12: an image of darkness 12 is a 0.
      assert.equal(darknessClassifier(training)(col(6, 6)), 0);
    });

    it("on a tie, predicts the smaller digit", () => {
      // Darkness 3 is 1 away from digit 1 (mean 2) and from digit 7 (mean 4).
      assert.equal(darknessClassifier(training)(col(1, 2)), 1);
      assert.equal(darknessClassifier([...training].reverse())(col(1, 2)), 1, "whatever the order of the training data");
    });

    it("predicts only digits it has seen", () => {
      const classify = darknessClassifier([
        { x: col(1, 1), label: 3 },
        { x: col(2, 3), label: 8 },
      ]);
      assert.equal(classify(col(0, 0)), 3, "a blank image is closest to digit 3 (mean 2), not to an unseen digit");
      assert.equal(classify(col(9, 9)), 8);
    });

    it("reads the training data once, so a generator works", () => {
      assert.equal(darknessClassifier(once(training))(col(6, 6)), 0);
    });

    it("agrees with an independent oracle, for any training data", () => {
      const caseArb = fc.tuple(fc.array(exampleArb, { minLength: 1, maxLength: 20 }), fc.array(pixelsArb, { minLength: 1, maxLength: 10 }));
      assertProperty(
        fc.property(caseArb, ([trainingSet, queries]) => {
          const [classify, oracle] = [darknessClassifier(once(trainingSet)), oracleDarkness(trainingSet)];
          for (const pixels of queries) {
            const { label, gap } = oracle(col(...pixels));
            // Distances a rounding error apart (or tied) could go either way: the tie test above covers ties.
            if (gap < 1e-9) continue;
            assert.equal(classify(col(...pixels)), label, `the image [${pixels.join(", ")}]`);
          }
        }),
      );
    });

    it("rejects empty training data", () => {
      assert.throws(() => darknessClassifier([]), /training/);
    });
  });
});
