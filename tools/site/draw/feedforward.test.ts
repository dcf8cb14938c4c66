import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { argmax as referenceArgmax } from "#nn/evaluate.ts";
import { feedforward as referenceFeedforward } from "#nn/feedforward.ts";
import { image } from "#nn/mnist.ts";
import type { Network } from "#nn/network.ts";
import { createNetwork } from "#nn/network.ts";
import { createRng } from "#nn/random.ts";
import { loadMnist } from "../../../katas/support/mnist-files.ts";
import { assertProperty } from "../../../katas/support/property.ts";
import { REFERENCE_MODEL, repoRoot } from "../../core/paths.ts";
import { loadModel } from "../../train/model-file.ts";
import { argmax, feedforward } from "./feedforward.ts";
import { type Model, parseModel } from "./model.ts";
import { SAMPLE_INDICES } from "./samples.ts";

/** The course's network as the page runs it. */
const asModel = (net: Network): Model => ({
  sizes: net.sizes,
  weights: net.weights.map((w) => w.data),
  biases: net.biases.map((b) => b.data),
});

const largestGap = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe("the page's feedforward", () => {
  it("gives the reference solution's ten outputs, to 1e-12, for the reference model on the page's test images", () => {
    const path = join(repoRoot, REFERENCE_MODEL);
    const { net } = loadModel(path);
    const model = parseModel(readFileSync(path, "utf8"), REFERENCE_MODEL);
    const { test } = loadMnist();
    for (const index of SAMPLE_INDICES) {
      const x = image(test, index);
      const [expected, got] = [referenceFeedforward(net, x), feedforward(model, x.data)];
      assert.ok(largestGap(got, expected.data) <= 1e-12, `test image ${index}: ${got.join(", ")} vs ${expected.data.join(", ")}`);
      assert.equal(argmax(got), referenceArgmax(expected));
    }
  });

  it("gives the reference solution's outputs, to 1e-12, for any network and input", () => {
    assertProperty(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
        fc.integer(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (sizes, seed, pixels) => {
          const net = createNetwork(sizes, createRng(seed));
          const x = { rows: sizes[0], cols: 1, data: Float64Array.from(pixels.slice(0, sizes[0])) };
          assert.ok(largestGap(feedforward(asModel(net), x.data), referenceFeedforward(net, x).data) <= 1e-12);
        },
      ),
    );
  });

  it("refuses, in one line, an input of the wrong length", () => {
    const model = asModel(createNetwork([3, 2], createRng(1)));
    assert.throws(() => feedforward(model, [0, 1]), /^RangeError: feedforward: the input must hold 3 values, got 2$/);
  });

  it("answers with the largest output, the first one on a tie, as kata 07's argmax", () => {
    assertProperty(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 10 }), (values) => {
        assert.equal(argmax(values), referenceArgmax({ rows: values.length, cols: 1, data: Float64Array.from(values) }));
      }),
    );
  });
});
