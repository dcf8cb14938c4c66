import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CrossEntropyCost, QuadraticCost } from "#nn/costs.ts";
import { type L2EpochOptions, trainEpochL2, updateMiniBatchL2 } from "#nn/l2.ts";
import { mnistSet } from "#nn/mnist.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { shuffle } from "#nn/sgd.ts";
import { miniBatchOf, trainEpoch } from "#nn/train.ts";
import { namesNumber } from "../support/messages.ts";
import { tinySetArb } from "../support/mnist-sets.ts";
import { assertNetworkClose, cloneNetwork, snapshotNetwork } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

describe("18-regularisation", () => {
  describe("trainEpochL2", () => {
    it("with λ = 0 and QuadraticCost trains exactly as kata 12's trainEpoch, from the same seed", () => {
      assertProperty(
        fc.property(tinySetArb({ min: 1, max: 40 }), fc.integer({ min: 1, max: 7 }), fc.integer(), (set, miniBatchSize, seed) => {
          const net = createNetwork([4, 3, 10], createRng(seed));
          const expected = cloneNetwork(net);
          trainEpoch(expected, set, { miniBatchSize, eta: 0.5, rng: createRng(seed + 1) });
          trainEpochL2(net, set, { miniBatchSize, eta: 0.5, lambda: 0, cost: QuadraticCost, rng: createRng(seed + 1) });
          assertNetworkClose(net, expected, 1e-12, `${set.count} images in mini-batches of ${miniBatchSize}`);
        }),
        { numRuns: 50 },
      );
    });

    it("is shuffle (kata 10), then updateMiniBatchL2 with n = set.count on consecutive mini-batches, the last one possibly smaller", () => {
      assertProperty(
        fc.property(
          tinySetArb({ min: 1, max: 40 }),
          fc.integer({ min: 1, max: 7 }),
          fc.integer(),
          fc.double({ min: 0.1, max: 10, noNaN: true }),
          (set, miniBatchSize, seed, lambda) => {
            const net = createNetwork([4, 3, 10], createRng(seed));
            const expected = cloneNetwork(net);
            const order = shuffle(
              Array.from({ length: set.count }, (_, i) => i),
              createRng(seed + 1),
            );
            for (let start = 0; start < set.count; start += miniBatchSize) {
              const { X, Y } = miniBatchOf(set, order.slice(start, start + miniBatchSize));
              updateMiniBatchL2(expected, X, Y, { eta: 0.5, lambda, n: set.count, cost: CrossEntropyCost });
            }
            trainEpochL2(net, set, { miniBatchSize, eta: 0.5, lambda, cost: CrossEntropyCost, rng: createRng(seed + 1) });
            assertNetworkClose(
              net,
              expected,
              1e-12,
              `${set.count} images in mini-batches of ${miniBatchSize}, λ = ${lambda}, n = ${set.count}`,
            );
          },
        ),
        { numRuns: 50 },
      );
    });

    it("reports progress after every mini-batch: onMiniBatch(done, total)", () => {
      const set = mnistSet({ dims: [23, 1, 1], data: new Uint8Array(23) }, { dims: [23], data: new Uint8Array(23) });
      const calls: [number, number][] = [];
      const net = createNetwork([1, 2, 10], createRng(1));
      // The output biases as each call sees them: "after" a mini-batch, its step is already taken.
      const seen = [Array.from(net.biases[1].data)];
      const onMiniBatch = (done: number, total: number) => {
        calls.push([done, total]);
        seen.push(Array.from(net.biases[1].data));
      };
      trainEpochL2(net, set, { miniBatchSize: 5, eta: 1, lambda: 1, cost: CrossEntropyCost, rng: createRng(2), onMiniBatch });
      assert.deepEqual(
        calls,
        [1, 2, 3, 4, 5].map((done) => [done, 5]),
        "23 images in mini-batches of 5: five mini-batches, the last of 3",
      );
      for (let k = 1; k < seen.length; k++) {
        assert.notDeepEqual(seen[k], seen[k - 1], `call ${k} of onMiniBatch came before the step of mini-batch ${k}`);
      }
    });

    it("rejects a miniBatchSize that is not a positive integer, and a bad η or λ, with a RangeError naming the value, before changing the network", () => {
      const set = mnistSet({ dims: [3, 1, 1], data: Uint8Array.from([0, 128, 255]) }, { dims: [3], data: Uint8Array.from([1, 2, 3]) });
      const net = createNetwork([1, 2, 10], createRng(3));
      const before = snapshotNetwork(net);
      const good: L2EpochOptions = { miniBatchSize: 2, eta: 0.5, lambda: 1, cost: CrossEntropyCost, rng: createRng(4) };
      // The mini-batch sizes are tried on a set of no images: without the check, a size of 0 or −2 could loop for ever on any other.
      const empty = mnistSet({ dims: [0, 1, 1], data: new Uint8Array(0) }, { dims: [0], data: new Uint8Array(0) });
      const bad: [string, Partial<L2EpochOptions>, RegExp, typeof set][] = [
        ["miniBatchSize", { miniBatchSize: 0 }, namesNumber(0), empty],
        ["miniBatchSize", { miniBatchSize: -2 }, namesNumber(-2), empty],
        ["miniBatchSize", { miniBatchSize: 2.5 }, namesNumber(2.5), empty],
        ["miniBatchSize", { miniBatchSize: Number.NaN }, /NaN/, empty],
        ["miniBatchSize", { miniBatchSize: Number.POSITIVE_INFINITY }, /Infinity/, empty],
        ["eta", { eta: -1 }, namesNumber(-1), set],
        ["eta", { eta: Number.NaN }, /NaN/, set],
        ["lambda", { lambda: -3 }, namesNumber(-3), set],
      ];
      for (const [name, change, value, data] of bad) {
        const options = { ...good, ...change };
        const shown = `${name} = ${options[name as "eta"]}`;
        assert.throws(
          () => trainEpochL2(net, data, options),
          (error: unknown) => {
            assert.ok(error instanceof RangeError, `${shown}: expected a RangeError, got ${String(error)}`);
            assert.match(error.message, value, `${shown}: the message must name the value: "${error.message}"`);
            return true;
          },
          `${shown} must be rejected`,
        );
        assert.deepEqual(snapshotNetwork(net), before, `${shown}: the network changed`);
      }
    });
  });
});
