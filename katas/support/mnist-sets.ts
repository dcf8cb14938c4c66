/**
 * Tiny MNIST-shaped data for tests: sets of 2×2-pixel images with digit
 * labels, and networks that read them. Built as plain objects, without the
 * code under test.
 */
import fc from "fast-check";
import type { MnistSet } from "#nn/mnist.ts";
import type { Network } from "#nn/network.ts";
import { MODERATE, networkOfSizesArb } from "./networks.ts";

/** A set of `count` random 2×2-pixel images (bytes 0–255) with random digit labels. */
export function tinySetArb(count: { min: number; max: number }): fc.Arbitrary<MnistSet> {
  return fc
    .integer(count)
    .chain((n) =>
      fc
        .tuple(fc.uint8Array({ minLength: n * 4, maxLength: n * 4 }), fc.uint8Array({ minLength: n, maxLength: n, max: 9 }))
        .map(([pixels, labels]) => ({ count: n, rows: 2, cols: 2, pixels, labels })),
    );
}

/** Networks for 2×2 images and 10 digits, with a hidden layer of 1–5 neurons: no layer is square. */
export const digitNetworkArb: fc.Arbitrary<Network> = fc
  .integer({ min: 1, max: 5 })
  .chain((hidden) => networkOfSizesArb([4, hidden, 10], MODERATE));

/** Three 2×2-pixel images, all labelled 0: enough to show which output a prediction picks. */
export const threeImages: MnistSet = {
  count: 3,
  rows: 2,
  cols: 2,
  pixels: Uint8Array.from({ length: 12 }, (_, k) => 20 * k),
  labels: new Uint8Array(3),
};

/**
 * A 4-3-10 network whose outputs, for every image, tie at their largest
 * from digit `d` to 9: the last layer's weights are 0, so each output is
 * σ(b), and b is 1 from d on and 0 below it. A prediction that takes the
 * first maximum, as kata 07's argmax does, says `d`.
 */
export function tiedFrom(d: number): Network {
  const matrix = (rows: number, cols: number, value: (k: number) => number) => ({
    rows,
    cols,
    data: Float64Array.from({ length: rows * cols }, (_, k) => value(k)),
  });
  return {
    sizes: [4, 3, 10],
    biases: [matrix(3, 1, () => 0.5), matrix(10, 1, (k) => (k >= d ? 1 : 0))],
    weights: [matrix(3, 4, (k) => ((k % 5) - 2) / 4), matrix(10, 3, () => 0)],
  };
}
