import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { accuracy, argmax, confusionMatrix, evaluate } from "#nn/evaluate.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { LabeledExample, Network } from "#nn/network.ts";
import { literal, matrixArb } from "../support/matrices.ts";
import { inputArb, networkArb, oracleArgmax, oracleFeedforward } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

const col = (...values: number[]): Matrix => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

/** A generator of the examples: it can be read only once, like a lazily loaded test set. */
function* once(examples: readonly LabeledExample[]): Generator<LabeledExample> {
  yield* examples;
}

/**
 * The 2-2 network of the lesson: output neuron j sees only input j, with a
 * large weight, so the network's answer is the index of the larger input.
 */
const pickTheLarger: Network = {
  sizes: [2, 2],
  biases: [literal([[0], [0]])],
  weights: [
    literal([
      [10, 0],
      [0, 10],
    ]),
  ],
};

/** The gap between the largest and the second largest value (Infinity for a single value). */
function topGap(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((p, q) => q - p);
  return sorted.length < 2 ? Infinity : sorted[0] - sorted[1];
}

/** A random network, and 0 to 8 examples for it whose labels are output neurons. */
const netAndExamplesArb = networkArb().chain((net) => {
  const classes = net.sizes[net.sizes.length - 1];
  const exampleArb = fc.record({ x: inputArb(net), label: fc.integer({ min: 0, max: classes - 1 }) });
  return fc.tuple(fc.constant(net), fc.array(exampleArb, { maxLength: 8 }));
});

/** Two equally long label lists for `classes` classes. */
const labelListsArb = fc
  .integer({ min: 1, max: 10 })
  .chain((classes) =>
    fc
      .array(fc.tuple(fc.nat(classes - 1), fc.nat(classes - 1)), { maxLength: 60 })
      .map((pairs) => ({ classes, predicted: pairs.map(([p]) => p), actual: pairs.map(([, a]) => a) })),
  );

describe("07-evaluate", () => {
  describe("argmax", () => {
    it("returns the index of the largest entry, not the entry", () => {
      assert.equal(argmax(col(0.1, 0.7, 0.2)), 1);
      assert.equal(argmax(col(0.3, 0.1, 0.2, 0.9)), 3);
    });

    it("works when every entry is negative", () => {
      assert.equal(argmax(col(-3, -1, -2)), 1);
    });

    it("returns the first index on ties, as numpy's argmax does", () => {
      assert.equal(argmax(col(1, 5, 5, 2)), 1);
      assert.equal(argmax(col(0, 0, 0)), 0);
    });

    it("agrees with a plain loop, for any column (with many ties)", () => {
      const columnArb = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 12 });
      assertProperty(
        fc.property(columnArb, (values) => {
          assert.equal(argmax(col(...values)), oracleArgmax(values), `argmax of [${values.join(", ")}]`);
        }),
      );
      assertProperty(
        fc.property(
          fc.integer({ min: 1, max: 12 }).chain((n) => matrixArb(n, 1)),
          (a) => {
            assert.equal(argmax(a), oracleArgmax(a.data));
          },
        ),
      );
    });
  });

  describe("evaluate", () => {
    it("counts the test inputs whose largest output is the label (the lesson's 2-2 example)", () => {
      const testData = [
        { x: col(1, 0), label: 0 }, // outputs σ(10), σ(0): says 0, right
        { x: col(0, 1), label: 1 }, // says 1, right
        { x: col(0.2, 0.9), label: 0 }, // says 1, wrong
      ];
      assert.equal(evaluate(pickTheLarger, testData), 2);
    });

    it("is 0 for no test data", () => {
      assert.equal(evaluate(pickTheLarger, []), 0);
    });

    it("reads the test data once, so a generator works", () => {
      const testData = [
        { x: col(1, 0), label: 0 },
        { x: col(0.3, 0.6), label: 1 },
        { x: col(0.9, 0.2), label: 1 },
      ];
      assert.equal(evaluate(pickTheLarger, once(testData)), 2);
    });

    it("agrees with an independent count, for any network and test data", () => {
      assertProperty(
        fc.property(netAndExamplesArb, ([net, examples]) => {
          const outputs = examples.map(({ x }) => oracleFeedforward(net, x).data);
          // Outputs a rounding error apart could go either way in a correct feedforward: leave them out.
          fc.pre(outputs.every((a) => topGap(a) === 0 || topGap(a) > 1e-9));
          const expected = examples.filter(({ label }, i) => oracleArgmax(outputs[i]) === label).length;
          assert.equal(evaluate(net, once(examples)), expected);
        }),
      );
    });
  });

  describe("accuracy", () => {
    const examples = [
      { x: col(0.9), label: 1 },
      { x: col(0.2), label: 0 },
      { x: col(0.7), label: 0 },
      { x: col(0.6), label: 1 },
    ];
    const threshold = (x: Matrix) => (x.data[0] > 0.5 ? 1 : 0);

    it("is the fraction the classifier gets right, not the count", () => {
      assert.equal(accuracy(threshold, examples), 0.75);
    });

    it("reads the data once, so a generator works", () => {
      assert.equal(accuracy(threshold, once(examples)), 0.75);
    });

    it("throws on no data, instead of returning 0/0 = NaN", () => {
      assert.throws(() => accuracy(threshold, []), Error);
      assert.throws(() => accuracy(threshold, once([])), Error);
    });

    it("is correct/total for any classifier and data", () => {
      const dataArb = fc.array(fc.record({ x: matrixArb(1, 1, { min: 0, max: 1 }), label: fc.nat(9) }), { minLength: 1, maxLength: 30 });
      assertProperty(
        fc.property(dataArb, (data) => {
          const classify = (x: Matrix) => Math.floor(x.data[0] * 9.99);
          const correct = data.filter(({ x, label }) => classify(x) === label).length;
          assert.equal(accuracy(classify, once(data)), correct / data.length);
        }),
      );
    });
  });

  describe("confusionMatrix", () => {
    it("counts confusion[actual][predicted]", () => {
      // Example 1 is a 0 that was read as a 1: row 0 (actual), column 1 (predicted).
      assert.deepEqual(confusionMatrix([0, 1, 1, 2], [0, 0, 1, 2], 3), [
        [1, 1, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]);
    });

    it("is 10×10 by default", () => {
      const confusion = confusionMatrix([3], [8]);
      assert.equal(confusion.length, 10);
      assert.ok(confusion.every((row) => row.length === 10));
      assert.equal(confusion[8][3], 1);
    });

    it("row d sums to the number of examples of class d; column d to the number predicted as d", () => {
      assertProperty(
        fc.property(labelListsArb, ({ classes, predicted, actual }) => {
          const confusion = confusionMatrix(predicted, actual, classes);
          assert.equal(confusion.length, classes);
          for (let d = 0; d < classes; d++) {
            assert.equal(confusion[d].length, classes);
            const rowSum = confusion[d].reduce((s, c) => s + c, 0);
            const columnSum = confusion.reduce((s, row) => s + row[d], 0);
            assert.equal(rowSum, actual.filter((a) => a === d).length, `row ${d} (actual ${d})`);
            assert.equal(columnSum, predicted.filter((p) => p === d).length, `column ${d} (predicted ${d})`);
          }
        }),
      );
    });

    it("its trace is the number correct, and its total the number of examples", () => {
      assertProperty(
        fc.property(labelListsArb, ({ classes, predicted, actual }) => {
          const confusion = confusionMatrix(Int32Array.from(predicted), Uint8Array.from(actual), classes);
          const trace = confusion.reduce((s, row, d) => s + row[d], 0);
          const total = confusion.flat().reduce((s, c) => s + c, 0);
          assert.equal(trace, predicted.filter((p, i) => p === actual[i]).length, "the trace");
          assert.equal(total, predicted.length, "the total");
        }),
      );
    });

    it("rejects lists of different lengths, naming both lengths", () => {
      assert.throws(
        () => confusionMatrix([1, 2, 3], [1, 2, 3, 4, 5]),
        (error: Error) => {
          // Both lengths, in any order.
          for (const n of [3, 5])
            assert.match(error.message, new RegExp(`\\b${n}\\b`), `the message should name both lengths, 3 and 5: "${error.message}"`);
          return true;
        },
      );
      // The other way round: more predictions than labels.
      assert.throws(
        () => confusionMatrix([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4]),
        (error: Error) => {
          for (const n of [7, 4])
            assert.match(error.message, new RegExp(`\\b${n}\\b`), `the message should name both lengths, 7 and 4: "${error.message}"`);
          return true;
        },
        "7 predictions for 4 labels should throw",
      );
    });

    it("rejects labels outside 0..classes−1, naming the bad label", () => {
      assert.throws(() => confusionMatrix([10], [1]), /\b10\b/);
      assert.throws(() => confusionMatrix([1], [-1]), /-1/);
      assert.throws(() => confusionMatrix([0, 3], [0, 1], 3), /\b3\b/);
      assert.throws(() => confusionMatrix([1.5], [1]), /1\.5/);
      // Each bound, for each list.
      assert.throws(() => confusionMatrix([-1], [1]), /-1/);
      assert.throws(() => confusionMatrix([1], [10]), /\b10\b/);
      assert.throws(() => confusionMatrix([1], [2.5]), /2\.5/);
    });
  });
});
