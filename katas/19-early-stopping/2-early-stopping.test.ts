import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { bestEpoch, shouldStopEarly } from "#nn/monitor.ts";
import { namesNumber } from "../support/messages.ts";
import { assertProperty } from "../support/property.ts";

/**
 * The oracle: Nielsen's counter, epoch by epoch, as in the early stopping of
 * network2.py's Python 3 port: a strictly better accuracy becomes the best
 * and resets the count, anything else (a tie too) adds one. Returns, after
 * each epoch, the best epoch so far and the epochs since it.
 */
function nielsenCounter(accuracies: readonly number[]): { best: number; since: number }[] {
  const after: { best: number; since: number }[] = [];
  let best = -1;
  let bestAccuracy = Number.NEGATIVE_INFINITY;
  let since = 0;
  accuracies.forEach((accuracy, epoch) => {
    if (accuracy > bestAccuracy) {
      [best, bestAccuracy, since] = [epoch, accuracy, 0];
    } else {
      since++;
    }
    after.push({ best, since });
  });
  return after;
}

/** Accuracies with many ties and ups and downs: counts of right answers out of 5. */
const accuraciesArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 });

describe("19-early-stopping", () => {
  describe("bestEpoch", () => {
    it("is the index of the best accuracy, the first one on ties", () => {
      assert.equal(bestEpoch([0.91]), 0, "one epoch is the best");
      assert.equal(bestEpoch([9012, 9350, 9301]), 1);
      assert.equal(bestEpoch([0.9, 0.95, 0.95, 0.94]), 1, "a tie with the best is no improvement: the earlier epoch stays the best");
      assert.equal(bestEpoch([7, 7, 7]), 0, "all tied: epoch 0");
      assert.equal(bestEpoch([5, 3, 4, 6]), 3, "an epoch better than the best, after a worse one");
      assert.equal(bestEpoch([5, 3, 4]), 0, "epoch 2 improves on epoch 1, but not on the best, epoch 0");
    });

    it("agrees with Nielsen's counter on every sequence", () => {
      assertProperty(
        fc.property(accuraciesArb, (accuracies) => {
          const { best } = nielsenCounter(accuracies)[accuracies.length - 1];
          assert.equal(bestEpoch(accuracies), best, `bestEpoch([${accuracies}])`);
        }),
      );
    });

    it("throws on an empty list: there is no epoch yet", () => {
      assert.throws(() => bestEpoch([]));
    });
  });

  describe("shouldStopEarly", () => {
    it("stops once the last `patience` epochs brought no improvement on the best before them", () => {
      // The best is epoch 1 (0.95); epochs 2 and 3 do not beat it.
      const accuracies = [0.9, 0.95, 0.93, 0.94];
      assert.equal(shouldStopEarly(accuracies, 1), true, "2 epochs without improvement ≥ patience 1");
      assert.equal(shouldStopEarly(accuracies, 2), true, "2 epochs without improvement ≥ patience 2");
      assert.equal(shouldStopEarly(accuracies, 3), false, "2 epochs without improvement < patience 3");
      assert.equal(shouldStopEarly([0.9, 0.95], 1), false, "the last epoch is the best: it improved");
      assert.equal(shouldStopEarly([0.9, 0.89, 0.9, 0.97], 2), false, "the last epoch is a new best");
      assert.equal(shouldStopEarly([0.9], 1), false, "after one epoch there is nothing to compare");
      assert.equal(shouldStopEarly([0.9, 0.8], 1), true, "patience 1 stops at the first epoch that does not improve");
    });

    it("does not count a tie with the best as an improvement", () => {
      assert.equal(shouldStopEarly([9500, 9700, 9700], 1), true, "9700 after 9700 is no improvement");
      assert.equal(shouldStopEarly([9500, 9700, 9700, 9700], 2), true, "two ties with the best are two epochs without improvement");
      assert.equal(shouldStopEarly([9500, 9700, 9700, 9700], 3), false);
      assert.equal(shouldStopEarly([9500, 9700, 9600, 9700], 2), true, "a return to the best is no improvement either");
    });

    it("agrees with Nielsen's counter after every epoch of every sequence", () => {
      assertProperty(
        fc.property(accuraciesArb, fc.integer({ min: 1, max: 8 }), (accuracies, patience) => {
          nielsenCounter(accuracies).forEach(({ since }, epoch) => {
            const seen = accuracies.slice(0, epoch + 1);
            assert.equal(shouldStopEarly(seen, patience), since >= patience, `shouldStopEarly([${seen}], ${patience})`);
          });
        }),
      );
    });

    it("is false for an empty list: no epoch has failed to improve yet", () => {
      assert.equal(shouldStopEarly([], 1), false);
      assert.equal(shouldStopEarly([], 10), false);
    });

    it("rejects a patience that is not a positive integer, naming it, even for an empty list", () => {
      assert.throws(() => shouldStopEarly([0.9, 0.8], 0), namesNumber(0));
      assert.throws(() => shouldStopEarly([0.9, 0.8], -2), namesNumber(-2));
      assert.throws(() => shouldStopEarly([0.9, 0.8], 1.5), namesNumber(1.5));
      assert.throws(() => shouldStopEarly([0.9, 0.8], Number.NaN), /NaN/);
      assert.throws(() => shouldStopEarly([0.9, 0.8], Number.POSITIVE_INFINITY), /Infinity/);
      assert.throws(() => shouldStopEarly([], 0), namesNumber(0));
    });
  });
});
