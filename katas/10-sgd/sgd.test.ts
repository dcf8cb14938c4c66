import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { backprop } from "#nn/backprop.ts";
import type { Matrix } from "#nn/matrix.ts";
import type { Example, LabeledExample, Network } from "#nn/network.ts";
import { type EpochReport, type SgdOptions, sgd, shuffle, updateMiniBatch } from "#nn/sgd.ts";
import { namesNumber } from "../support/messages.ts";
import {
  assertNetworkClose,
  cloneNetwork,
  networkWithExamplesArb,
  oracleCorrect,
  oracleNetworkCost,
  scriptedRng,
  seededExample,
  seededNetwork,
  snapshotNetwork,
  testRng,
} from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";
import { networkStepHint } from "../support/steps.ts";

const column = (values: readonly number[]): Matrix => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

/** `count` seeded examples for a network with these sizes. */
function seededExamples(sizes: readonly number[], count: number, seed: number): Example[] {
  const rng = testRng(seed);
  return Array.from({ length: count }, () => seededExample(sizes, rng));
}

/** Points in the unit square labelled by which side of the diagonal they lie on, at least 0.15 away from it. */
function diagonalTask(count: number, seed: number): (Example & LabeledExample)[] {
  const rng = testRng(seed);
  const points: (Example & LabeledExample)[] = [];
  while (points.length < count) {
    const [u, v] = [rng.uniform(), rng.uniform()];
    if (Math.abs(u - v) < 0.15) continue;
    const label = u > v ? 1 : 0;
    points.push({ x: column([u, v]), y: column(label === 1 ? [0, 1] : [1, 0]), label });
  }
  return points;
}

/** Test examples with a label, for a network with `outputs` output neurons. */
function labelled(examples: readonly Example[], outputs: number): LabeledExample[] {
  return examples.map(({ x }, i) => ({ x, label: i % outputs }));
}

describe("10-sgd", () => {
  describe("shuffle", () => {
    it("is Fisher–Yates exactly: for i from n−1 down to 1, swap i with j = floor(uniform()·(i+1))", () => {
      // i = 4: j = floor(0.5·5) = 2 → [a b e d c];  i = 3: j = floor(0.1·4) = 0 → [d b e a c]
      // i = 2: j = floor(0.9·3) = 2 → unchanged;     i = 1: j = floor(0.3·2) = 0 → [b d e a c]
      const rng = scriptedRng([0.5, 0.1, 0.9, 0.3]);
      assert.deepEqual(shuffle(["a", "b", "c", "d", "e"], rng), ["b", "d", "e", "a", "c"]);
      assert.equal(rng.calls, 4, "a shuffle of 5 items draws rng.uniform() exactly 4 times");
    });

    it("returns a new array with the same items, each exactly once, and leaves its input unchanged", () => {
      assertProperty(
        fc.property(fc.uniqueArray(fc.integer(), { maxLength: 30 }), fc.integer(), (items, seed) => {
          const before = [...items];
          const shuffled = shuffle(items, testRng(seed));
          assert.notEqual(shuffled, items, "shuffle must return a new array, not its argument");
          assert.deepEqual(items, before, "shuffle must not change its argument");
          assert.equal(shuffled.length, items.length, `shuffling ${items.length} items returned ${shuffled.length}`);
          assert.deepEqual(
            [...shuffled].sort((a, b) => a - b),
            [...items].sort((a, b) => a - b),
            "the shuffled array must hold the same items",
          );
        }),
      );
    });

    it("is driven by rng alone: the same seed gives the same order", () => {
      const items = Array.from({ length: 10 }, (_, i) => i);
      for (let seed = 0; seed < 20; seed++) {
        assert.deepEqual(shuffle(items, testRng(seed)), shuffle(items, testRng(seed)), `seed ${seed} gave two different orders`);
      }
    });

    it("really shuffles: of 200 seeds, at least 190 move some of 8 items", () => {
      const items = Array.from({ length: 8 }, (_, i) => i);
      let moved = 0;
      for (let seed = 0; seed < 200; seed++) if (shuffle(items, testRng(seed)).some((item, i) => item !== i)) moved++;
      assert.ok(moved >= 190, `only ${moved} of 200 shuffles changed the order`);
    });

    it("is uniform: over 20,000 shuffles of 5 items, each position gets each item about equally often (chi-square)", () => {
      const [n, trials] = [5, 20_000];
      const rng = testRng(7);
      const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let t = 0; t < trials; t++) for (const [position, item] of shuffle([0, 1, 2, 3, 4], rng).entries()) counts[position][item]++;
      const expected = trials / n;
      counts.forEach((row, position) => {
        const chiSquare = row.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
        // 4 degrees of freedom: a fair shuffle exceeds 30 with probability below 1e-5.
        assert.ok(
          chiSquare < 30,
          `position ${position} got items 0–4 ${row.join(", ")} times (expected ${expected} each): ` + `chi-square ${chiSquare.toFixed(1)}`,
        );
      });
    });
  });

  describe("updateMiniBatch", () => {
    const batchArb = networkWithExamplesArb({ min: 1, max: 5 });

    it("with η = 0 leaves the network unchanged", () => {
      assertProperty(
        fc.property(batchArb, ({ net, examples }) => {
          const before = cloneNetwork(net);
          updateMiniBatch(net, examples, 0);
          assertNetworkClose(net, before, 0, "after a step with η = 0");
        }),
      );
    });

    it("is one step against the mean gradient: w − (η/m) Σₓ ∇w Cₓ, b − (η/m) Σₓ ∇b Cₓ, all ∇ at the old w, b", () => {
      const arb = fc.tuple(networkWithExamplesArb({ min: 2, max: 5 }), fc.double({ min: 0.1, max: 5, noNaN: true }));
      assertProperty(
        fc.property(arb, ([{ net, examples }, eta]) => {
          const old = cloneNetwork(net);
          const expected = cloneNetwork(net);
          const m = examples.length;
          const gradients = examples.map(({ x, y }) => backprop(old, x, y));
          for (const [params, pick] of [
            [expected.biases, (l: number) => gradients.map((g) => g.nablaB[l])],
            [expected.weights, (l: number) => gradients.map((g) => g.nablaW[l])],
          ] as const) {
            params.forEach((theta, l) => {
              for (const g of pick(l)) for (let k = 0; k < theta.data.length; k++) theta.data[k] -= (eta / m) * g.data[k];
            });
          }
          updateMiniBatch(net, examples, eta);
          try {
            assertNetworkClose(net, expected, 1e-10, `after updateMiniBatch with m = ${m}, η = ${eta}`);
          } catch (error) {
            // The same failure, explained when the step is a multiple of the right one.
            const hint = networkStepHint(old, net, expected, m);
            if (hint === undefined) throw error;
            assert.fail(`${hint} (${(error as Error).message})`);
          }
        }),
      );
    });

    it("with a small η lowers the cost of the mini-batch", () => {
      assertProperty(
        fc.property(batchArb, ({ net, examples }) => {
          const before = oracleNetworkCost(net, examples);
          updateMiniBatch(net, examples, 0.01);
          const after = oracleNetworkCost(net, examples);
          assert.ok(after <= before + 1e-15, `the mini-batch cost rose from ${before} to ${after}: step against the gradient, w − η∇C`);
        }),
      );
    });

    it("throws on an empty mini-batch, and leaves the network as it was (η/0 would make every weight NaN)", () => {
      assertProperty(
        fc.property(batchArb, ({ net }) => {
          const before = cloneNetwork(net);
          assert.throws(() => updateMiniBatch(net, [], 3), "updateMiniBatch(net, [], η) should throw: an empty mini-batch has no gradient");
          assertNetworkClose(net, before, 0, "after the refused step");
        }),
      );
    });
  });

  describe("sgd", () => {
    const sizes = [3, 4, 2];
    const options = (overrides: Partial<SgdOptions> = {}): SgdOptions => ({
      epochs: 2,
      miniBatchSize: 3,
      eta: 1,
      rng: testRng(1),
      ...overrides,
    });

    it("rejects epochs and miniBatchSize that are not positive integers, and an eta that is not a finite positive number", () => {
      const net = seededNetwork(sizes, testRng(0));
      // No training data: without the checks, a miniBatchSize of 0 would loop forever, k += 0.
      const data: Example[] = [];
      const cases: [Partial<SgdOptions>, RegExp][] = [
        [{ epochs: 0 }, namesNumber(0)],
        [{ epochs: 2.5 }, /2\.5/],
        [{ miniBatchSize: 0 }, namesNumber(0)],
        [{ miniBatchSize: -3 }, /-3/],
        [{ miniBatchSize: 2.5 }, /2\.5/],
        [{ eta: 0 }, namesNumber(0)],
        [{ eta: -1 }, /-1/],
        [{ eta: Number.NaN }, /NaN/],
        [{ eta: Number.POSITIVE_INFINITY }, /Infinity/],
      ];
      for (const [bad, value] of cases) {
        const [[name, given]] = Object.entries(bad);
        assert.throws(
          () => sgd(net, data, options(bad)),
          (error: Error) => {
            assert.match(error.message, new RegExp(name), `the error for ${name} = ${given} should name ${name}: "${error.message}"`);
            assert.match(error.message, value, `the error for ${name} = ${given} should show the value ${given}: "${error.message}"`);
            return true;
          },
          `sgd should reject ${name} = ${given}`,
        );
      }
    });

    it("visits every training example exactly once per epoch, in mini-batches of miniBatchSize (the last may be smaller)", () => {
      const arb = fc.record({
        n: fc.integer({ min: 1, max: 23 }),
        miniBatchSize: fc.integer({ min: 1, max: 7 }),
        epochs: fc.integer({ min: 1, max: 3 }),
        seed: fc.integer(),
      });
      assertProperty(
        fc.property(arb, ({ n, miniBatchSize, epochs, seed }) => {
          const net = seededNetwork([1, 1], testRng(seed));
          const data = seededExamples([1, 1], n, seed);
          const index = new Map<Example, number>(data.map((example, i) => [example, i]));
          const seen: number[][] = Array.from({ length: epochs }, () => []);
          const sizesSeen: number[][] = Array.from({ length: epochs }, () => []);
          sgd(net, data, {
            epochs,
            miniBatchSize,
            eta: 0.5,
            rng: testRng(seed),
            onMiniBatch: (batch, epoch) => {
              assert.ok(
                Number.isInteger(epoch) && epoch >= 0 && epoch < epochs,
                `onMiniBatch got epoch ${epoch}; epochs are 0 to ${epochs - 1}`,
              );
              sizesSeen[epoch].push(batch.length);
              for (const example of batch) {
                const i = index.get(example);
                assert.ok(
                  i !== undefined,
                  "onMiniBatch received an example that is not one of the training examples (pass the examples themselves)",
                );
                seen[epoch].push(i);
              }
            },
          });
          const full = Math.floor(n / miniBatchSize);
          const expectedSizes = [...new Array<number>(full).fill(miniBatchSize), ...(n % miniBatchSize ? [n % miniBatchSize] : [])];
          for (let epoch = 0; epoch < epochs; epoch++) {
            assert.deepEqual(
              [...seen[epoch]].sort((a, b) => a - b),
              [...data.keys()],
              `epoch ${epoch} must use each of the ${n} examples exactly once`,
            );
            assert.deepEqual(sizesSeen[epoch], expectedSizes, `epoch ${epoch}: ${n} examples in mini-batches of ${miniBatchSize}`);
          }
        }),
        { numRuns: 60 },
      );
    });

    it("shuffles afresh at the start of every epoch: epoch e uses the order of the e-th shuffle(trainingData, rng)", () => {
      const data = seededExamples(sizes, 12, 3);
      const orders: Example[][] = [[], [], []];
      const onMiniBatch = (batch: readonly Example[], epoch: number) => orders[epoch].push(...batch);
      sgd(seededNetwork(sizes, testRng(3)), data, options({ epochs: 3, miniBatchSize: 5, rng: testRng(42), onMiniBatch }));
      const rng = testRng(42);
      orders.forEach((order, epoch) => {
        const expected = shuffle(data, rng);
        assert.ok(
          order.length === expected.length && order.every((example, i) => example === expected[i]),
          `epoch ${epoch} did not use the order of shuffle(trainingData, rng): ` +
            "shuffle at the start of every epoch, and use the rng only for that",
        );
      });
    });

    it("is exactly updateMiniBatch(net, miniBatch, eta) on each mini-batch, in order, each announced by onMiniBatch just before its step", () => {
      const data = seededExamples(sizes, 10, 4);
      const net = seededNetwork(sizes, testRng(4));
      const replay = cloneNetwork(net);
      const batches: { batch: readonly Example[]; net: Network }[] = [];
      sgd(
        net,
        data,
        options({
          epochs: 2,
          miniBatchSize: 4,
          eta: 2.5,
          onMiniBatch: (batch) => batches.push({ batch: [...batch], net: cloneNetwork(net) }),
        }),
      );
      for (const [i, { batch, net: announced }] of batches.entries()) {
        assertNetworkClose(
          announced,
          replay,
          1e-12,
          `the network when onMiniBatch announced mini-batch ${i} (it must come before that step)`,
        );
        updateMiniBatch(replay, batch, 2.5);
      }
      assertNetworkClose(net, replay, 1e-12, "the network after sgd, compared with updateMiniBatch on each announced mini-batch");
    });

    it("is reproducible: the same seed gives identical weights, and the training data is left unchanged", () => {
      const data = seededExamples(sizes, 9, 5);
      const before = data.map(({ x, y }) => [Array.from(x.data), Array.from(y.data)]);
      const run = () => {
        const net = seededNetwork(sizes, testRng(5));
        sgd(net, data, options({ epochs: 3, rng: testRng(11) }));
        return snapshotNetwork(net);
      };
      assert.deepEqual(run(), run());
      assert.deepEqual(
        data.map(({ x, y }) => [Array.from(x.data), Array.from(y.data)]),
        before,
        "sgd changed the training data",
      );
    });

    it("reports every epoch: its number and, with testData, how many test examples the network gets right after it", () => {
      const data = seededExamples(sizes, 8, 6);
      const testData = labelled(seededExamples(sizes, 10, 60), 2);
      const net = seededNetwork(sizes, testRng(6));
      const seen: { report: EpochReport; expected: number }[] = [];
      const onEpoch = (report: EpochReport) => seen.push({ report, expected: oracleCorrect(net, testData) });
      const reports = sgd(net, data, options({ epochs: 4, eta: 3, testData, onEpoch }));
      assert.deepEqual(
        reports.map((r) => r.epoch),
        [0, 1, 2, 3],
        "one report per epoch, numbered from 0",
      );
      assert.deepEqual(
        seen.map((s) => s.report),
        reports,
        "onEpoch must be called with each report that sgd returns",
      );
      for (const { report, expected } of seen) {
        assert.equal(report.total, testData.length, `epoch ${report.epoch}: total must be the number of test examples`);
        assert.equal(report.correct, expected, `epoch ${report.epoch}: correct must be evaluate(net, testData) after that epoch`);
      }
      const without = sgd(seededNetwork(sizes, testRng(6)), data, options({ epochs: 2 }));
      assert.deepEqual(
        without.map((r) => r.correct),
        [undefined, undefined],
        "without testData there is nothing to count",
      );
    });

    it("does not train on the test data: with or without testData, the weights come out the same", () => {
      const data = seededExamples(sizes, 8, 7);
      const testData = labelled(seededExamples(sizes, 6, 70), 2);
      const [withTest, withoutTest] = [seededNetwork(sizes, testRng(7)), seededNetwork(sizes, testRng(7))];
      sgd(withTest, data, options({ epochs: 3, testData }));
      sgd(withoutTest, data, options({ epochs: 3 }));
      assert.deepEqual(snapshotNetwork(withTest), snapshotNetwork(withoutTest));
    });

    it("learns: a 2-3-2 network classifies points by the side of a diagonal perfectly after 100 epochs", () => {
      const training = diagonalTask(24, 1);
      const test = diagonalTask(12, 2);
      const net = seededNetwork([2, 3, 2], testRng(5));
      const costBefore = oracleNetworkCost(net, training);
      const reports = sgd(net, training, { epochs: 100, miniBatchSize: 4, eta: 3, rng: testRng(9), testData: test });
      const costAfter = oracleNetworkCost(net, training);
      assert.ok(costAfter < 0.01, `the training cost went from ${costBefore} to ${costAfter}; expected below 0.01`);
      assert.equal(reports.at(-1)?.correct, test.length, `the network got ${reports.at(-1)?.correct} of ${test.length} test points right`);
    });
  });
});
